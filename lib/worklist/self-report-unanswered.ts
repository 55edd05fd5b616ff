import { getInstrument } from "@/lib/instruments";
import { daysBetween } from "./dates";
import type { WorklistContext, WorklistItem, WorklistPatient } from "./types";

/** Product rule (issue 11): an expired, unanswered link stays on the worklist this many days after it expired. */
export const EXPIRED_LINK_WINDOW_DAYS = 14;

/**
 * Each self-report link sent and not answered (nor revoked): while it waits, and for two weeks after it
 * expired unanswered. Since = the day it was sent.
 */
export function selfReportUnanswered(patient: WorklistPatient, context: WorklistContext): WorklistItem[] {
  return (patient.unansweredLinks ?? [])
    .filter((link) => link.status === "waiting" || daysBetween(link.expiresOn, context.today) <= EXPIRED_LINK_WINDOW_DAYS)
    .map((link) => {
      const course = patient.courses.find((c) => c.id === link.courseId);
      const names = link.instruments.map((id) => getInstrument(id)?.shortName ?? id).join(", ");
      return {
        patientId: patient.patientId,
        code: patient.code,
        courseId: course?.id ?? null,
        drug: course?.drug ?? null,
        reason: "self_report_unanswered" as const,
        words:
          link.status === "waiting"
            ? `Self-report link (${names}) sent on ${link.sentOn}, not answered yet; it works until ${link.expiresOn}.`
            : `Self-report link (${names}) sent on ${link.sentOn} expired on ${link.expiresOn} without an answer.`,
        since: link.sentOn,
      };
    });
}
