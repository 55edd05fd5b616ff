import type { Outcome } from "@/lib/evidence/types";
import { isComparatorArm } from "./arms";
import { compareFigures } from "./position";
import type { Timing } from "./types";

/**
 * Product rule: a patient whose latest follow-up is earlier than this fraction of the trial's time point
 * is not compared (e.g. before week 6 for a 12-week trial): early change says little about the trial's end point.
 * Later follow-ups are compared, with the gap reported.
 */
export const MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT = 0.5;

/** The outcome's time point for one arm: one number for all arms, or per arm (younger-2013's crossover). */
export function armTimepoint(outcome: Pick<Outcome, "timepoint_weeks">, arm: string): number | null {
  const tp = outcome.timepoint_weeks;
  if (typeof tp === "number") return tp;
  return tp?.[arm] ?? null;
}

export function trialTimepoints(outcome: Pick<Outcome, "timepoint_weeks">): number[] {
  const tp = outcome.timepoint_weeks;
  if (typeof tp === "number") return [tp];
  return tp ? [...new Set(Object.values(tp))].sort((a, b) => a - b) : [];
}

/** The time point the patient, who is on the drug, must be measured against: the active arm's (earliest if several). */
export function activeTimepoint(outcome: Pick<Outcome, "timepoint_weeks">): number | null {
  const tp = outcome.timepoint_weeks;
  if (typeof tp === "number") return tp;
  if (!tp) return null;
  const active = Object.entries(tp)
    .filter(([arm]) => !isComparatorArm(arm))
    .map(([, weeks]) => weeks);
  const pool = active.length > 0 ? active : Object.values(tp);
  return pool.length > 0 ? Math.min(...pool) : null;
}

export function timingAgainst(patientWeeks: number, timepoints: readonly number[]): Timing | null {
  if (timepoints.length === 0) return null;
  const nearest = timepoints.reduce((best, t) => (Math.abs(t - patientWeeks) < Math.abs(best - patientWeeks) ? t : best));
  const order = compareFigures(patientWeeks, nearest);
  return {
    patientWeeks,
    nearestTrialWeeks: nearest,
    gapWeeks: order === 0 ? 0 : Math.abs(patientWeeks - nearest),
    patientIs: order < 0 ? "before" : order > 0 ? "after" : "at",
  };
}

export function isTooEarly(patientWeeks: number, trialWeeks: number): boolean {
  return patientWeeks < MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT * trialWeeks;
}
