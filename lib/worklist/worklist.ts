import { followUpOverdue } from "./follow-up-overdue";
import { noBaseline } from "./no-baseline";
import { pastTrialTimepoint } from "./past-trial-timepoint";
import { selfReportUnanswered } from "./self-report-unanswered";
import { severeAdverseEvents } from "./severe-adverse-event";
import { titrationBehind } from "./titration-behind";
import { WORKLIST_REASONS, type WorklistContext, type WorklistItem, type WorklistPatient, type WorklistReason } from "./types";
import { worsening } from "./worsening";

/** Every item for these patients, in reason order, then by patient code and date. */
export function worklistItems(patients: readonly WorklistPatient[], context: WorklistContext): WorklistItem[] {
  const items = patients.flatMap((patient) => [
    ...followUpOverdue(patient, context),
    ...noBaseline(patient),
    ...pastTrialTimepoint(patient, context),
    ...worsening(patient),
    ...severeAdverseEvents(patient, context),
    ...titrationBehind(patient, context),
    ...selfReportUnanswered(patient, context),
  ]);
  const order = (reason: WorklistReason) => WORKLIST_REASONS.indexOf(reason);
  return items.sort((a, b) => order(a.reason) - order(b.reason) || a.code.localeCompare(b.code) || a.since.localeCompare(b.since));
}

export type Acknowledgement = {
  patientId: string;
  reason: WorklistReason;
  /** The patient's latest assessment when the item was acknowledged (null: none). */
  latestAssessmentId: string | null;
};

/**
 * Items not covered by an acknowledgement. An acknowledgement holds while the patient's latest assessment is
 * still the one it was made against; once a newer assessment arrives, the item returns if its condition holds.
 */
export function withoutAcknowledged(
  items: readonly WorklistItem[],
  acknowledgements: readonly Acknowledgement[],
  latestAssessmentOf: (patientId: string) => string | null,
): WorklistItem[] {
  return items.filter(
    (item) =>
      !acknowledgements.some(
        (ack) =>
          ack.patientId === item.patientId && ack.reason === item.reason && ack.latestAssessmentId === latestAssessmentOf(item.patientId),
      ),
  );
}

export function countsByReason(items: readonly WorklistItem[]): Record<WorklistReason, number> {
  const counts = Object.fromEntries(WORKLIST_REASONS.map((r) => [r, 0])) as Record<WorklistReason, number>;
  for (const item of items) counts[item.reason]++;
  return counts;
}
