// One course's timeline on one instrument: which score is its baseline, which scores are its
// follow-ups, and each follow-up's change from baseline and response category. The progress view,
// the trial comparison and the patient list's trend all read this, so they cannot disagree on which
// scores count. Pure: plain data in, plain data out, nothing rounded.
import { changeFromBaseline, classifyPgic, classifyResponse, percentReduction, type ResponseCategory } from "@/lib/instruments/response";
import type { InstrumentId } from "@/lib/instruments/types";
import { calendarDay, dayOf } from "./calendar";

/** Shown next to a baseline so the clinician knows why this score was used (same rule as db/schema.ts courseBaselines). */
export const baselineRule =
  "Baseline: the score the clinician chose for the course; without a choice, the last score on or before the course start date (the later entry when two share that date).";

/** Follow-ups: scores after the course start and after the baseline's day, up to the course's end date. */
export const followUpRule =
  "Follow-ups: scores after the course start (and after the baseline's date), up to the end date of a finished course.";

export type TimelineCourse = {
  startDate: string;
  endDate: string | null;
  /** Instrument id → the assessment id the clinician chose as baseline. */
  chosenBaselines: Readonly<Record<string, string>>;
};

export type TimelineScore = {
  id: string;
  instrumentId: string;
  takenOn: string;
  totalScore: number;
  /** Breaks a tie between two scores of one day: the later entry counts as the later score. */
  createdAt?: Date | string | null;
};

export type ScoreChange = { points: number; percent: number | null };

export type TimelinePoint<S> = {
  score: S;
  takenOn: string;
  total: number;
  /** Calendar days since the course start / 7, not rounded; a baseline's is 0 or negative. */
  weeksSinceStart: number;
};

export type TimelineBaseline<S> = TimelinePoint<S> & { chosen: boolean };

export type TimelineFollowUp<S> = TimelinePoint<S> & {
  /** current − baseline in points, and as % of baseline (null when the baseline is 0); null for PGIC, which has no baseline. */
  change: ScoreChange | null;
  /** (baseline − current) / baseline × 100, positive = fell; null when the baseline is 0 or for PGIC. */
  percentReduction: number | null;
  category: ResponseCategory;
};

export type CourseTimeline<S = TimelineScore> =
  | {
      ok: true;
      instrumentId: InstrumentId;
      baseline: TimelineBaseline<S> | null;
      /** Oldest first; empty without a baseline (except PGIC, which rates change itself). */
      followUps: TimelineFollowUp<S>[];
      latest: TimelineFollowUp<S> | null;
    }
  | { ok: false; instrumentId: InstrumentId; problem: string };

/** PGIC rates change itself (IMMPACT 2008): it has no baseline, and every rating during the course is a follow-up. */
function ratesChangeItself(instrumentId: InstrumentId): boolean {
  return instrumentId === "pgic";
}

function createdTime(score: TimelineScore): number {
  if (score.createdAt == null) return Number.NEGATIVE_INFINITY;
  const time = score.createdAt instanceof Date ? score.createdAt.getTime() : Date.parse(score.createdAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** Oldest first: by day taken, then by entry time; equal keys keep their input order. */
export function chronological<S extends TimelineScore>(scores: readonly S[]): S[] {
  // The keys are worked out once per score, not on every comparison (the worklist sorts a whole team's scores).
  return scores
    .map((score, index) => ({ score, index, day: dayOf(score.takenOn), created: createdTime(score) }))
    .sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0) || x.created - y.created || x.index - y.index)
    .map(({ score }) => score);
}

function unreadable(scores: readonly TimelineScore[]): string | null {
  for (const score of scores) {
    if (!Number.isFinite(score.totalScore)) return `An assessment on ${score.takenOn} has no numeric total.`;
    if (calendarDay(score.takenOn) === null) return `Assessment date "${score.takenOn}" is not a calendar date (YYYY-MM-DD).`;
  }
  return null;
}

function pointOf<S extends TimelineScore>(score: S, startDay: number): TimelinePoint<S> {
  return { score, takenOn: score.takenOn, total: score.totalScore, weeksSinceStart: (calendarDay(score.takenOn)! - startDay) / 7 };
}

// Built field by field rather than by spreading pointOf: the worklist builds one per active course and instrument.
function followUpOf<S extends TimelineScore>(
  score: S,
  startDay: number,
  change: ScoreChange | null,
  reduction: number | null,
  category: ResponseCategory,
): TimelineFollowUp<S> {
  return {
    score,
    takenOn: score.takenOn,
    total: score.totalScore,
    weeksSinceStart: (calendarDay(score.takenOn)! - startDay) / 7,
    change,
    percentReduction: reduction,
    category,
  };
}

/**
 * The course's timeline for one instrument, from all of the patient's scores (any instrument, any order).
 * Baseline: the clinician's choice, else the last score on or before the start date (ties: the later entry);
 * a choice that is missing or of another instrument is ignored. Follow-ups: see followUpRule.
 */
export function courseTimeline<S extends TimelineScore>(
  course: TimelineCourse,
  instrumentId: InstrumentId,
  scores: readonly S[],
): CourseTimeline<S> {
  const startDay = calendarDay(course.startDate);
  if (startDay === null)
    return { ok: false, instrumentId, problem: `Course start date "${course.startDate}" is not a calendar date (YYYY-MM-DD).` };
  const series = chronological(scores.filter((s) => s.instrumentId === instrumentId));
  const problem = unreadable(series);
  if (problem) return { ok: false, instrumentId, problem };

  const start = dayOf(course.startDate);
  const end = course.endDate === null ? null : dayOf(course.endDate);
  const onTreatment = (s: S, after: string) => dayOf(s.takenOn) > after && (end === null || dayOf(s.takenOn) <= end);

  if (ratesChangeItself(instrumentId)) {
    const followUps = series
      .filter((s) => onTreatment(s, start))
      .map((s) => followUpOf(s, startDay, null, null, classifyPgic(s.totalScore)));
    return { ok: true, instrumentId, baseline: null, followUps, latest: followUps.at(-1) ?? null };
  }

  const chosenId = Object.hasOwn(course.chosenBaselines, instrumentId) ? course.chosenBaselines[instrumentId] : undefined;
  const chosen = chosenId === undefined ? undefined : series.find((s) => s.id === chosenId);
  const base = chosen ?? series.filter((s) => dayOf(s.takenOn) <= start).at(-1);
  if (!base) return { ok: true, instrumentId, baseline: null, followUps: [], latest: null };

  const after = [start, dayOf(base.takenOn)].sort().at(-1)!;
  const followUps = series
    .filter((s) => s !== base && onTreatment(s, after))
    .map((s) =>
      followUpOf(
        s,
        startDay,
        changeFromBaseline(base.totalScore, s.totalScore),
        percentReduction(base.totalScore, s.totalScore),
        classifyResponse(instrumentId, base.totalScore, s.totalScore),
      ),
    );
  return {
    ok: true,
    instrumentId,
    baseline: { ...pointOf(base, startDay), chosen: chosen !== undefined },
    followUps,
    latest: followUps.at(-1) ?? null,
  };
}
