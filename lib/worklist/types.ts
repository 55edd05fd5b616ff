// Plain data the worklist rules read, and the items they return. No database, no React.
import type { AdverseEventSeverity, CourseStatus } from "@/lib/domain/courses";
import type { Study } from "@/lib/evidence/types";
import type { TimelineScore } from "@/lib/progress/timeline";

export const WORKLIST_REASONS = [
  "follow_up_overdue",
  "no_baseline",
  "past_trial_timepoint",
  "worsening",
  "severe_adverse_event",
  "titration_behind",
] as const;

export type WorklistReason = (typeof WORKLIST_REASONS)[number];

export const REASON_LABELS: Record<WorklistReason, string> = {
  follow_up_overdue: "Follow-up overdue",
  no_baseline: "No baseline",
  past_trial_timepoint: "Past the trial's time point without meaningful improvement",
  worsening: "Worsening",
  severe_adverse_event: "Severe adverse event",
  titration_behind: "Titration behind plan",
};

export type WorklistCourse = {
  id: string;
  drug: string;
  indication: string;
  targetDose: number;
  doseUnit: string;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string | null;
  status: CourseStatus;
  /** Instrument id → the assessment id the clinician chose as baseline. */
  chosenBaselines: Readonly<Record<string, string>>;
  doses: readonly { changedOn: string; dose: number }[];
  adverseEvents: readonly { occurredOn: string; event: string; severity: AdverseEventSeverity }[];
};

export type WorklistPatient = {
  patientId: string;
  code: string;
  courses: readonly WorklistCourse[];
  /** All of the patient's scores, any instrument, any order. */
  scores: readonly TimelineScore[];
};

export type WorklistContext = {
  /** YYYY-MM-DD */
  today: string;
  /** The team's setting: an active course with no assessment in this many weeks is overdue. */
  followUpWeeks: number;
  /** Published studies (lib/data/studies.ts), for the trials' time points. */
  studies: readonly Study[];
};

export type WorklistItem = {
  patientId: string;
  code: string;
  courseId: string;
  drug: string;
  reason: WorklistReason;
  /** The reason in words, with its figures. */
  words: string;
  /** YYYY-MM-DD: since when the item has needed attention. */
  since: string;
  studyName?: string;
};
