import "server-only";
import { compareWithStudy, studyMatchesCourse, type CompareOutcome } from "@/lib/comparison";
import { applicabilityOf, type Applicability } from "@/lib/comparison/applicability";
import { studyNameInText } from "@/lib/evidence";
import { getInstrument, instrumentIds, type InstrumentId } from "@/lib/instruments";
import { courseTimeline, type CourseTimeline } from "@/lib/progress/timeline";
import { NotFoundError } from "@/lib/errors";
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
  identificationProbable: boolean;
  caveats: string | null;
};

/** One study set beside one course: the outcome of the comparison for each of the patient's instruments. */
export type StudyComparisons = {
  study: StudyFactsForCard;
  results: { instrumentId: InstrumentId; instrumentName: string; outcome: CompareOutcome }[];
  /** The patient against who the study enrolled, without a baseline: shown when no instrument could be compared. */
  applicability: Applicability;
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

/** The course's timeline as a chart's points: the baseline, then each follow-up with its change. */
function trajectory(instrumentId: InstrumentId, timeline: CourseTimeline<unknown>): InstrumentTrajectory {
  const base = {
    instrumentId,
    instrumentName: instrumentName(instrumentId),
    baselineChosen: timeline.ok && timeline.baseline?.chosen === true,
  };
  if (!timeline.ok || !timeline.baseline) return { ...base, points: [] };
  const start = timeline.baseline;
  const points: TrajectoryPoint[] = [
    {
      takenOn: start.takenOn,
      weeksSinceStart: start.weeksSinceStart,
      score: start.total,
      isBaseline: true,
      changePoints: 0,
      percentReduction: start.total === 0 ? null : 0,
    },
    ...timeline.followUps.map((f) => ({
      takenOn: f.takenOn,
      weeksSinceStart: f.weeksSinceStart,
      score: f.total,
      isBaseline: false,
      changePoints: f.change?.points ?? 0,
      percentReduction: f.percentReduction,
    })),
  ];
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
    identificationProbable: record.identificationProbable,
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
  const patient = { sex: record.patient.sex, birthYear: record.patient.birthYear };

  return record.courses.map((course) => {
    const timelines = instruments.map((instrumentId) => ({
      instrumentId,
      timeline: courseTimeline(course, instrumentId, record.assessments),
    }));
    const matching = studies.filter((s) => studyMatchesCourse(s.study, course).matches);
    const compared: StudyComparisons[] = matching.map((studyRecord) => {
      const results = timelines.map(({ instrumentId, timeline }) => ({
        instrumentId,
        instrumentName: instrumentName(instrumentId),
        outcome: compareWithStudy({ course, instrumentId, timeline, study: studyRecord.study, patient }),
      }));
      // A trial of pain NRS says nothing about the patient's FIQR: once it is compared on one instrument,
      // "not the patient's instrument" for the others is noise.
      const anyCompared = results.some((r) => r.outcome.comparable);
      const kept = anyCompared ? results.filter((r) => r.outcome.comparable || r.outcome.code !== "different-instrument") : results;
      const applicability = applicabilityOf(studyRecord.study, {
        studyName: studyNameInText(studyRecord.study),
        patient,
        courseStart: course.startDate,
        baseline: "not-compared",
      });
      return { study: cardFacts(studyRecord), results: kept, applicability };
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
      trajectories: timelines.map(({ instrumentId, timeline }) => trajectory(instrumentId, timeline)),
      studies: compared.sort(byUsefulness),
    };
  });
}
