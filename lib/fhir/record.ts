import type { AdverseEventSeverity, CourseStatus } from "@/lib/domain/courses";
import type { InstrumentId } from "@/lib/domain/instruments";
import type { Sex } from "@/lib/domain/sexes";

/** A course's own values, as the course forms record them. */
export type CourseValues = {
  drug: string;
  indication: string;
  targetDose: number;
  doseUnit: string;
  startDate: string;
  endDate: string | null;
  status: CourseStatus;
  stopReason: string | null;
};
export type DoseStep = { changedOn: string; dose: number; doseUnit: string; note: string | null };
export type SideEffect = { occurredOn: string; event: string; severity: AdverseEventSeverity; notes: string | null };

/** One patient's record as the FHIR export reads it: plain data, no database rows. */
export type FhirPatientRecord = {
  patient: { id: string; code: string; birthYear: number; sex: Sex; conditions: string[] };
  courses: (CourseValues & {
    id: string;
    doseChanges: DoseStep[];
    adverseEvents: (SideEffect & { id: string })[];
    /** The assessment the clinician chose as this course's baseline, per instrument. */
    chosenBaselines: Record<string, string>;
  })[];
  assessments: {
    id: string;
    courseId: string | null;
    instrumentId: InstrumentId;
    takenOn: string;
    totalScore: number;
    itemResponses: Record<string, number | null> | null;
  }[];
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order the bundle lists records in: by their natural keys (never by id or time of entry), so a
 * record exported, imported elsewhere and exported again comes out in the same order.
 */
export function sortRecord(record: FhirPatientRecord): FhirPatientRecord {
  const courses = [...record.courses]
    .sort((a, b) => compare(a.startDate, b.startDate) || compare(a.drug, b.drug) || compare(a.id, b.id))
    .map((course) => ({
      ...course,
      doseChanges: [...course.doseChanges].sort((a, b) => compare(a.changedOn, b.changedOn) || a.dose - b.dose),
      adverseEvents: [...course.adverseEvents].sort(
        (a, b) => compare(a.occurredOn, b.occurredOn) || compare(a.event, b.event) || compare(a.id, b.id),
      ),
    }));
  const assessments = [...record.assessments].sort(
    (a, b) => compare(a.takenOn, b.takenOn) || compare(a.instrumentId, b.instrumentId) || compare(a.id, b.id),
  );
  return { patient: { ...record.patient, conditions: [...record.patient.conditions] }, courses, assessments };
}
