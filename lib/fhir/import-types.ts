import type { InstrumentId } from "@/lib/domain/instruments";
import type { PatientInput } from "@/lib/validation/patient";
import type { CourseValues, DoseStep, SideEffect } from "./record";

/** A course to add, with its dose steps and side effects; `entry` is its bundle entry (for references). */
export type PlannedCourse = CourseValues & {
  entry: number;
  doseChanges: DoseStep[];
  adverseEvents: SideEffect[];
  /** The bundle entries of the assessments chosen as this course's baselines. */
  baselineEntries: number[];
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
