import "server-only";
import { alignAssessments, compareWithStudy, studyMatchesCourse, type Assessment, type CompareOutcome } from "@/lib/comparison";
import { getInstrument, instrumentIds, type InstrumentId } from "@/lib/instruments";
import { percentReduction } from "@/lib/instruments/response";
import { NotFoundError } from "./errors";
import type { PatientDetail } from "./patients";
import type { SessionUser } from "./session-user";
import { listStudies, type StudyRecord } from "./studies";

type CourseDetail = PatientDetail["courses"][number];

/** One assessment on the course's time axis, with its change from the course baseline. */
export type TrajectoryPoint = {
  takenOn: string;
  /** Calendar days since the course start / 7, not rounded; the baseline may be negative. */
  weeksSinceStart: number;
  score: number;
  isBaseline: boolean;
  /** score - baseline, on the instrument's scale (negative = fell). */
  changePoints: number;
  /** (baseline - score) / baseline x 100 (positive = fell); null when the baseline is 0. */
  percentReduction: number | null;
};

export type InstrumentTrajectory = {
  instrumentId: InstrumentId;
  instrumentName: string;
  baselineChosen: boolean;
  /** Baseline first, then the follow-ups on treatment; empty when there is no baseline. */
  points: TrajectoryPoint[];
};

export type StudyFactsForCard = {
  id: string;
  shortName: string;
  evidenceLevel: string;
  size: number | null;
  verification: string;
  verified: boolean;
  caveats: string | null;
};

/** One study set beside one course: the outcome of the comparison for each of the patient's instruments. */
export type StudyComparisons = {
  study: StudyFactsForCard;
  results: { instrumentId: InstrumentId; instrumentName: string; outcome: CompareOutcome }[];
};

export type CourseComparisons = {
  course: Pick<CourseDetail, "id" | "drug" | "indication" | "targetDose" | "doseUnit" | "startDate" | "endDate" | "status">;
  trajectories: InstrumentTrajectory[];
  /** Studies of the course's drug and condition (or of the drug with no condition named), compared ones first. */
  studies: StudyComparisons[];
};

const MODE_ORDER = { "arm-benchmark": 0, "threshold-only": 1, "context-only": 2 } as const;

function studyRank(entry: StudyComparisons): number {
  const ranks = entry.results.map((r) => (r.outcome.comparable ? MODE_ORDER[r.outcome.mode] : 3));
  return Math.min(3, ...ranks);
}

/** Benchmarks before thresholds before context before refusals; within each, the larger study first (FINAL before Younger 2013). */
function byUsefulness(a: StudyComparisons, b: StudyComparisons): number {
  return studyRank(a) - studyRank(b) || (b.study.size ?? -1) - (a.study.size ?? -1);
}

function instrumentName(id: InstrumentId): string {
  return getInstrument(id)?.shortName ?? id;
}

/** Scores of one instrument that can count for this course: a finished course's follow-up ends on its end date. */
function courseAssessments(record: PatientDetail, course: CourseDetail, instrumentId: InstrumentId): Assessment[] {
  return record.assessments
    .filter((a) => a.instrumentId === instrumentId && (course.endDate === null || a.takenOn <= course.endDate))
    .map((a) => ({ takenAt: a.takenOn, total: a.totalScore }));
}

function chosenBaseline(record: PatientDetail, course: CourseDetail, instrumentId: InstrumentId): Assessment | null {
  const assessmentId = course.chosenBaselines[instrumentId];
  const chosen = assessmentId ? record.assessments.find((a) => a.id === assessmentId && a.instrumentId === instrumentId) : undefined;
  return chosen ? { takenAt: chosen.takenOn, total: chosen.totalScore } : null;
}

function trajectory(course: CourseDetail, instrumentId: InstrumentId, scores: Assessment[], baseline: Assessment | null): InstrumentTrajectory {
  const aligned = alignAssessments(course.startDate, scores, baseline);
  const base = { instrumentId, instrumentName: instrumentName(instrumentId), baselineChosen: baseline !== null };
  if (!aligned.ok || !aligned.baseline) return { ...base, points: [] };
  const start = aligned.baseline;
  const points = [start, ...aligned.followUps].map((a, index) => ({
    takenOn: a.takenAt,
    weeksSinceStart: a.weeksSinceStart,
    score: a.total,
    isBaseline: index === 0,
    changePoints: a.total - start.total,
    percentReduction: percentReduction(start.total, a.total),
  }));
  return { ...base, points };
}

function cardFacts(record: StudyRecord): StudyFactsForCard {
  return {
    id: record.id,
    shortName: record.shortName,
    evidenceLevel: record.evidenceLevel,
    size: record.nTotal,
    verification: record.verification,
    verified: record.verified,
    caveats: record.study.caveats ?? null,
  };
}

/**
 * Each course of the patient (active or finished) beside every published study of its drug and condition,
 * on each instrument the patient has scores on. A matching study that cannot be compared stays in, with why.
 */
export async function compareCoursesWithTrials(user: SessionUser, record: PatientDetail): Promise<CourseComparisons[]> {
  if (record.patient.teamId !== user.team.id) throw new NotFoundError("Patient");
  const studies = await listStudies(user);
  const scored = new Set(record.assessments.map((a) => a.instrumentId));
  const instruments = instrumentIds.filter((id) => scored.has(id));

  return record.courses.map((course) => {
    const inputs = instruments.map((instrumentId) => {
      const scores = courseAssessments(record, course, instrumentId);
      return { instrumentId, scores, baseline: chosenBaseline(record, course, instrumentId) };
    });
    const matching = studies.filter((s) => studyMatchesCourse(s.study, course).matches);
    const compared: StudyComparisons[] = matching.map((studyRecord) => {
      const results = inputs.map(({ instrumentId, scores, baseline }) => ({
        instrumentId,
        instrumentName: instrumentName(instrumentId),
        outcome: compareWithStudy({ course, instrumentId, assessments: scores, baseline, study: studyRecord.study }),
      }));
      // A trial of pain NRS says nothing about the patient's FIQR: once it is compared on one instrument,
      // "not the patient's instrument" for the others is noise.
      const anyCompared = results.some((r) => r.outcome.comparable);
      const kept = anyCompared ? results.filter((r) => r.outcome.comparable || r.outcome.code !== "different-instrument") : results;
      return { study: cardFacts(studyRecord), results: kept };
    });
    return {
      course: {
        id: course.id,
        drug: course.drug,
        indication: course.indication,
        targetDose: course.targetDose,
        doseUnit: course.doseUnit,
        startDate: course.startDate,
        endDate: course.endDate,
        status: course.status,
      },
      trajectories: inputs.map(({ instrumentId, scores, baseline }) => trajectory(course, instrumentId, scores, baseline)),
      studies: compared.sort(byUsefulness),
    };
  });
}
