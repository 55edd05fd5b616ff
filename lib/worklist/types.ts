// Plain data the worklist rules read, and the items they return. No database, no React.
import type { AdverseEventSeverity, CourseStatus } from "@/lib/domain/courses";
import type { Study } from "@/lib/evidence/types";
import type { TimelineScore } from "@/lib/progress/timeline";
import type { WorklistReason } from "@/lib/domain/worklist-reasons";

export { REASON_LABELS, WORKLIST_REASONS, type WorklistReason } from "@/lib/domain/worklist-reasons";

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
  /** Self-report links sent and neither answered nor revoked (lib/data/worklist.ts reads them). */
  unansweredLinks?: readonly UnansweredLink[];
};

export type UnansweredLink = {
  id: string;
  /** YYYY-MM-DD (UTC) the link was sent. */
  sentOn: string;
  /** YYYY-MM-DD (UTC) of its expiry instant. */
  expiresOn: string;
  /** At the worklist's moment: still open, or past its expiry. */
  status: "waiting" | "expired";
  instruments: readonly string[];
  courseId: string | null;
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
  /** The course the item is about; null for an item about the patient (a self-report link sent outside a course). */
  courseId: string | null;
  drug: string | null;
  reason: WorklistReason;
  /** The reason in words, with its figures. */
  words: string;
  /** YYYY-MM-DD: since when the item has needed attention. */
  since: string;
  studyName?: string;
};
