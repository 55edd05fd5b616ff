import { daysBetween } from "./dates";
import type { WorklistContext, WorklistItem, WorklistPatient } from "./types";

/** Product rule from issue 10: a severe adverse event in the last 30 days (today counts as day 0). */
export const SEVERE_EVENT_WINDOW_DAYS = 30;

/** Each severe adverse event (any course, active or ended) that occurred in the last 30 days. */
export function severeAdverseEvents(patient: WorklistPatient, context: WorklistContext): WorklistItem[] {
  return patient.courses.flatMap((course) =>
    course.adverseEvents
      .filter((e) => e.severity === "severe")
      .filter((e) => {
        const age = daysBetween(e.occurredOn, context.today);
        return age >= 0 && age <= SEVERE_EVENT_WINDOW_DAYS;
      })
      .map((e) => ({
        patientId: patient.patientId,
        code: patient.code,
        courseId: course.id,
        drug: course.drug,
        reason: "severe_adverse_event" as const,
        words: `Severe adverse event on ${course.drug}: ${e.event} on ${e.occurredOn}.`,
        since: e.occurredOn,
      })),
  );
}
