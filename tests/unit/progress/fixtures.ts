import type { PatientDetail } from "@/lib/data/patients";

type Course = PatientDetail["courses"][number];
type Assessment = PatientDetail["assessments"][number];

let sequence = 0;

/** An assessment as getPatientRecord returns it; only the fields a test names matter. */
export function score(instrumentId: string, takenOn: string, totalScore: number, extra: Partial<Assessment> = {}): Assessment {
  sequence += 1;
  return {
    id: extra.id ?? `a${sequence}`,
    courseId: null,
    instrumentId: instrumentId as Assessment["instrumentId"],
    takenOn,
    totalScore,
    itemResponses: null,
    enteredByName: "Dr Test",
    source: "clinician",
    createdAt: new Date(`${takenOn}T09:00:00Z`),
    updatedAt: new Date(`${takenOn}T09:00:00Z`),
    version: 1,
    corrections: [],
    ...extra,
  };
}

export function course(extra: Partial<Course> & Pick<Course, "id" | "drug" | "startDate">): Course {
  return {
    indication: "fibromyalgia",
    targetDose: 20,
    doseUnit: "mg/day",
    endDate: null,
    status: "active",
    stopReason: null,
    version: 1,
    doseChanges: [],
    adverseEvents: [],
    chosenBaselines: {},
    corrections: [],
    ...extra,
  };
}

export function record(courses: Course[], assessments: Assessment[]): PatientDetail {
  return {
    patient: {
      id: "p1",
      teamId: "t1",
      code: "P-001",
      birthYear: 1970,
      sex: "female",
      conditions: ["fibromyalgia"],
      notes: null,
      archived: false,
      version: 1,
      corrections: [],
    },
    courses,
    assessments,
  };
}
