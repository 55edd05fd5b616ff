import { addDaysTo, daysBetween, latestScoreOn } from "./dates";
import type { WorklistContext, WorklistItem, WorklistPatient } from "./types";

/**
 * An active course with no assessment (any instrument) in the last N weeks. The clock starts at the
 * later of the latest assessment and the course start, so a course begun yesterday is not overdue.
 * An assessment exactly N weeks ago still counts; the day after, the course is overdue, and `since`
 * is that day.
 */
export function followUpOverdue(patient: WorklistPatient, context: WorklistContext): WorklistItem[] {
  const windowDays = context.followUpWeeks * 7;
  const lastScore = latestScoreOn(patient.scores);
  return patient.courses
    .filter((course) => course.status === "active")
    .flatMap((course) => {
      const from = lastScore !== null && lastScore > course.startDate ? lastScore : course.startDate;
      if (daysBetween(from, context.today) <= windowDays) return [];
      const last = lastScore === null ? "no assessment recorded" : `last assessment on ${lastScore}`;
      return [
        {
          patientId: patient.patientId,
          code: patient.code,
          courseId: course.id,
          drug: course.drug,
          reason: "follow_up_overdue" as const,
          words: `No assessment in the last ${context.followUpWeeks} weeks on ${course.drug} (${last}).`,
          since: addDaysTo(from, windowDays + 1),
        },
      ];
    });
}
