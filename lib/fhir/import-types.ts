import type { AdverseEventSeverity, CourseStatus } from "@/lib/domain/courses";
import type { InstrumentId } from "@/lib/domain/instruments";
import type { PatientInput } from "@/lib/validation/patient";

/** A course to add, with its dose steps and side effects; `entry` is its bundle entry (for references). */
export type PlannedCourse = {
  entry: number;
  drug: string;
  indication: string;
  targetDose: number;
  doseUnit: string;
  startDate: string;
  endDate: string | null;
  status: CourseStatus;
  stopReason: string | null;
  doseChanges: { changedOn: string; dose: number; doseUnit: string; note: string | null }[];
  adverseEvents: { occurredOn: string; event: string; severity: AdverseEventSeverity; notes: string | null }[];
};

/** An assessment to add, already scored by the instrument's own code; `courseEntry` is its course's bundle entry. */
export type PlannedAssessment = {
  entry: number;
  courseEntry: number | null;
  instrumentId: InstrumentId;
  takenOn: string;
  totalScore: number;
  itemResponses: Record<string, number | null> | null;
};

/** Everything a valid bundle asks to add, checked with the app's rules; the data layer only matches it to what exists. */
export type ImportPlan = {
  patient: Required<Pick<PatientInput, "code" | "birthYear" | "sex" | "conditions">>;
  courses: PlannedCourse[];
  assessments: PlannedAssessment[];
};
