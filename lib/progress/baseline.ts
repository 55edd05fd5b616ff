// Which assessment a course's change from baseline is measured from. Pure: plain data in, plain data out.

/** Shown next to a baseline so the clinician knows why this score was used (same rule as db/schema.ts courseBaselines). */
export const baselineRule =
  "Baseline: the score the clinician chose for the course; without a choice, the last score on or before the course start date (the later entry when two share that date).";

export type BaselineCourse = { startDate: string; chosenBaselines: Readonly<Record<string, string>> };

export type BaselineCandidate = {
  id: string;
  instrumentId: string;
  takenOn: string;
  createdAt?: Date | string | null;
};

export type BaselineChoice<A> = { assessment: A; chosen: boolean };

/** The calendar date written at the start of a date or date-time string ("2025-03-04T…" → "2025-03-04"). */
export function dayOf(date: string): string {
  return date.slice(0, 10);
}

function createdTime(a: BaselineCandidate): number {
  if (a.createdAt == null) return Number.NEGATIVE_INFINITY;
  const time = new Date(a.createdAt).getTime();
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** Oldest first: by day taken, then by entry time; equal keys keep their input order. */
export function chronological<A extends BaselineCandidate>(assessments: readonly A[]): A[] {
  return assessments
    .map((a, index) => ({ a, index }))
    .sort(
      (x, y) =>
        dayOf(x.a.takenOn).localeCompare(dayOf(y.a.takenOn)) || createdTime(x.a) - createdTime(y.a) || x.index - y.index,
    )
    .map(({ a }) => a);
}

/**
 * The course's baseline for one instrument and whether the clinician chose it. A chosen assessment
 * that is missing or of another instrument is ignored and the default rule applies.
 */
export function findBaseline<A extends BaselineCandidate>(
  course: BaselineCourse,
  instrumentId: string,
  assessments: readonly A[],
): BaselineChoice<A> | null {
  const ofInstrument = assessments.filter((a) => a.instrumentId === instrumentId);
  const chosenId = Object.hasOwn(course.chosenBaselines, instrumentId) ? course.chosenBaselines[instrumentId] : undefined;
  const chosen = chosenId === undefined ? undefined : ofInstrument.find((a) => a.id === chosenId);
  if (chosen) return { assessment: chosen, chosen: true };
  const start = dayOf(course.startDate);
  const before = chronological(ofInstrument).filter((a) => dayOf(a.takenOn) <= start);
  const last = before.at(-1);
  return last ? { assessment: last, chosen: false } : null;
}

/** The chosen assessment, else the last one of that instrument on or before the start date (ties: latest entered), else null. */
export function baselineFor<A extends BaselineCandidate>(course: BaselineCourse, instrumentId: string, assessments: readonly A[]): A | null {
  return findBaseline(course, instrumentId, assessments)?.assessment ?? null;
}
