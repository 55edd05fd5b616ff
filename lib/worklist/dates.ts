import { calendarDay, dayOf } from "@/lib/progress/calendar";
import type { TimelineScore } from "@/lib/progress/timeline";

const MS_PER_DAY = 86_400_000;

/** Calendar days from `from` to `to` (both YYYY-MM-DD); throws on an unreadable date, which the database never holds. */
export function daysBetween(from: string, to: string): number {
  const a = calendarDay(from);
  const b = calendarDay(to);
  if (a === null || b === null) throw new Error(`Unreadable date: ${a === null ? from : to}`);
  return b - a;
}

export function addDaysTo(day: string, days: number): string {
  const start = calendarDay(day);
  if (start === null) throw new Error(`Unreadable date: ${day}`);
  return new Date((start + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day of the patient's latest assessment, or null without any. */
export function latestScoreOn(scores: readonly TimelineScore[]): string | null {
  return scores.reduce<string | null>((latest, s) => (latest === null || dayOf(s.takenOn) > latest ? dayOf(s.takenOn) : latest), null);
}
