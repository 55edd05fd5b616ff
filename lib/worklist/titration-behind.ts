import { studyMatchesCourse } from "@/lib/comparison/matching";
import { isVerified, studyNameInText } from "@/lib/evidence";
import type { Study } from "@/lib/evidence/types";
import { calendarDay } from "@/lib/progress/calendar";
import { addDaysTo, daysBetween } from "./dates";
import type { WorklistContext, WorklistItem, WorklistPatient } from "./types";

export type TitrationPlan = { studyName: string; doseText: string; amount: number; unit: "week" | "month" };

// The plan is read from the study's own `dose` text, never typed in here: "titrated over the first 4 weeks"
// (FINAL), "after 1 month of titration" (Olivan-Blazquez 2014 for memantine).
const PLAN_PATTERNS: readonly RegExp[] = [/titrated over the first (\d+) (week|month)s?/i, /after (\d+) (week|month)s? of titration/i];

/** The titration period a study's dose text states, or null when it states none. */
export function titrationPeriod(doseText: string | null | undefined): Pick<TitrationPlan, "amount" | "unit"> | null {
  for (const pattern of PLAN_PATTERNS) {
    const match = doseText?.match(pattern);
    if (match) return { amount: Number(match[1]), unit: match[2].toLowerCase() as "week" | "month" };
  }
  return null;
}

/** The last day of the titration period: N weeks after the start, or N calendar months (same day of the month, clamped). */
export function titrationDeadline(startDate: string, plan: Pick<TitrationPlan, "amount" | "unit">): string {
  if (plan.unit === "week") return addDaysTo(startDate, plan.amount * 7);
  const [year, month, day] = startDate.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year, month - 1 + plan.amount + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(year, month - 1 + plan.amount, Math.min(day, lastDay)));
  return target.toISOString().slice(0, 10);
}

function planFor(course: WorklistPatient["courses"][number], studies: readonly Study[]): TitrationPlan | null {
  for (const study of studies) {
    if (!isVerified(study)) continue;
    const match = studyMatchesCourse(study, course);
    if (!match.matches || match.contextOnly) continue;
    const period = titrationPeriod(study.dose);
    if (period) return { ...period, studyName: studyNameInText(study), doseText: study.dose ?? "" };
  }
  return null;
}

/**
 * An active course still below its own target dose after the titration period that a matching verified
 * study states in its dose text. The target is the course's (the prescriber's), not the study's dose.
 * A course without recorded doses, or without such a study, is not judged.
 */
export function titrationBehind(patient: WorklistPatient, context: WorklistContext): WorklistItem[] {
  return patient.courses
    .filter((course) => course.status === "active")
    .flatMap((course) => {
      const plan = planFor(course, context.studies);
      if (!plan || calendarDay(course.startDate) === null) return [];
      const deadline = titrationDeadline(course.startDate, plan);
      if (daysBetween(deadline, context.today) <= 0) return [];
      const current = [...course.doses]
        .filter((d) => d.changedOn <= context.today)
        .sort((a, b) => a.changedOn.localeCompare(b.changedOn))
        .at(-1);
      if (!current || current.dose >= course.targetDose) return [];
      const period = `${plan.amount} ${plan.unit}${plan.amount === 1 ? "" : "s"}`;
      return [
        {
          patientId: patient.patientId,
          code: patient.code,
          courseId: course.id,
          drug: course.drug,
          reason: "titration_behind" as const,
          words:
            `${course.drug} at ${current.dose} ${course.doseUnit}, below the target ${course.targetDose} ${course.doseUnit}, ` +
            `${period} after the start (titration period from ${plan.studyName}: "${plan.doseText}").`,
          since: addDaysTo(deadline, 1),
          studyName: plan.studyName,
        },
      ];
    });
}
