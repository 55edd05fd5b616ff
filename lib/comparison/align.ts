import type { Assessment, TimedAssessment } from "./types";

const MS_PER_DAY = 86_400_000;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * Day number (days since 1970-01-01) of the calendar date written at the start of the string,
 * or null when it is not a real date. The written date is used as is, so a time zone offset
 * in an ISO date-time never moves an assessment to another day.
 */
export function calendarDay(date: string): number | null {
  const match = DATE_PREFIX.exec(date.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** Weeks from startDate to takenAt: calendar days / 7, not rounded. Null when either date is unreadable. */
export function weeksSince(startDate: string, takenAt: string): number | null {
  const start = calendarDay(startDate);
  const taken = calendarDay(takenAt);
  return start === null || taken === null ? null : (taken - start) / 7;
}

export type Alignment =
  | {
      ok: true;
      baseline: TimedAssessment | null;
      /** After the start date (and after the baseline's date), oldest first. */
      followUps: TimedAssessment[];
      latest: TimedAssessment | null;
    }
  | { ok: false; problem: string };

function timed(startDate: string, assessment: Assessment): TimedAssessment | string {
  if (!Number.isFinite(assessment.total)) return `An assessment on ${assessment.takenAt} has no numeric total.`;
  const weeks = weeksSince(startDate, assessment.takenAt);
  if (weeks === null) return `Assessment date "${assessment.takenAt}" is not a calendar date (YYYY-MM-DD).`;
  return { ...assessment, weeksSinceStart: weeks };
}

/**
 * Baseline: the explicit one, else the last assessment on or before the start date.
 * Follow-ups: assessments after the start date and after the baseline's date.
 */
export function alignAssessments(
  startDate: string,
  assessments: readonly Assessment[],
  explicitBaseline?: Assessment | null,
): Alignment {
  if (calendarDay(startDate) === null) return { ok: false, problem: `Course start date "${startDate}" is not a calendar date (YYYY-MM-DD).` };

  const all: TimedAssessment[] = [];
  for (const assessment of assessments) {
    const result = timed(startDate, assessment);
    if (typeof result === "string") return { ok: false, problem: result };
    all.push(result);
  }
  // Stable sort by day, then by the full timestamp text (ISO strings of one day sort by time).
  const chronological = all
    .map((a, index) => ({ a, index }))
    .sort((x, y) => x.a.weeksSinceStart - y.a.weeksSinceStart || x.a.takenAt.localeCompare(y.a.takenAt) || x.index - y.index)
    .map(({ a }) => a);

  let baseline: TimedAssessment | null = null;
  if (explicitBaseline) {
    const result = timed(startDate, explicitBaseline);
    if (typeof result === "string") return { ok: false, problem: result };
    baseline = result;
  } else {
    baseline = chronological.filter((a) => a.weeksSinceStart <= 0).at(-1) ?? null;
  }

  const after = Math.max(0, baseline?.weeksSinceStart ?? 0);
  const followUps = chronological.filter((a) => a.weeksSinceStart > after);
  return { ok: true, baseline, followUps, latest: followUps.at(-1) ?? null };
}
