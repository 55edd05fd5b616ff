// Why a patient is on the worklist. Pure, so forms and the schema's CHECK may import it.

export const WORKLIST_REASONS = [
  "follow_up_overdue",
  "no_baseline",
  "past_trial_timepoint",
  "worsening",
  "severe_adverse_event",
  "titration_behind",
  "self_report_unanswered",
] as const;

export type WorklistReason = (typeof WORKLIST_REASONS)[number];

export const REASON_LABELS: Record<WorklistReason, string> = {
  follow_up_overdue: "Follow-up overdue",
  no_baseline: "No baseline",
  past_trial_timepoint: "Past the trial's time point without meaningful improvement",
  worsening: "Worsening",
  severe_adverse_event: "Severe adverse event",
  titration_behind: "Titration behind plan",
  self_report_unanswered: "Self-report link not answered",
};
