// The patient "Progress" view as plain data: per instrument, the scores over time, the treatment
// courses, and the change from baseline with its response category. Pure: no database, no React,
// no rounding (the UI formats).
import { INSTRUMENT_DISPLAY_ORDER } from "@/lib/domain/instruments";
import { getInstrument } from "@/lib/instruments";
import { changeFromBaseline, classifyPgic, classifyResponse, type ResponseCategory } from "@/lib/instruments/response";
import type { Instrument, InstrumentId } from "@/lib/instruments/types";
import { chronological, dayOf, findBaseline } from "./baseline";

/** What buildProgress reads from a patient record; `PatientDetail` (lib/data/patients.ts) fits it. */
export type ProgressInput = {
  courses: readonly {
    id: string;
    drug: string;
    targetDose: number;
    doseUnit: string;
    startDate: string;
    endDate: string | null;
    status: string;
    doseChanges: readonly { changedOn: string; dose: number; doseUnit: string }[];
    chosenBaselines: Readonly<Record<string, string>>;
  }[];
  assessments: readonly {
    id: string;
    courseId: string | null;
    instrumentId: string;
    takenOn: string;
    totalScore: number;
    createdAt?: Date | string | null;
  }[];
};

export type ScoreChange = { points: number; percent: number | null };

export type ProgressPoint = {
  assessmentId: string;
  takenOn: string;
  total: number;
  /** The baseline of the summary's course. */
  isBaseline: boolean;
  courseId: string | null;
  /** From the summary's baseline, for scores taken after it; null otherwise (and always for PGIC). */
  change: ScoreChange | null;
};

export type ProgressDoseChange = { changedOn: string; dose: number; unit: string; label: string };

export type ProgressCourse = {
  id: string;
  drug: string;
  /** "memantine 20 mg/day" (the target dose). */
  label: string;
  startDate: string;
  endDate: string | null;
  status: string;
  doseChanges: ProgressDoseChange[];
};

export type ProgressSummary = {
  baseline: { takenOn: string; total: number } | null;
  /** True when the clinician chose the baseline; false when the default rule found it. */
  baselineChosen: boolean;
  latest: { takenOn: string; total: number } | null;
  change: ScoreChange | null;
  category: ResponseCategory | null;
  courseId: string | null;
  courseLabel: string | null;
  courseStartDate: string | null;
};

export type InstrumentProgress = {
  instrumentId: InstrumentId;
  shortName: string;
  name: string;
  unitLabel: string;
  direction: Instrument["direction"];
  min: number;
  max: number;
  points: ProgressPoint[];
  courses: ProgressCourse[];
  summary: ProgressSummary;
};

/** Display order: the condition-specific composites first, PGIC (a rating of change) last. */
export const PROGRESS_INSTRUMENT_ORDER: readonly InstrumentId[] = INSTRUMENT_DISPLAY_ORDER;

type Course = ProgressInput["courses"][number];
type Assessment = ProgressInput["assessments"][number];

export function doseLabel(dose: number, unit: string): string {
  return `${dose} ${unit}`.trim();
}

export function courseLabel(course: Pick<Course, "drug" | "targetDose" | "doseUnit">): string {
  return `${course.drug} ${doseLabel(course.targetDose, course.doseUnit)}`;
}

function byStartDate(courses: readonly Course[]): Course[] {
  return courses
    .map((course, index) => ({ course, index }))
    .sort((a, b) => dayOf(a.course.startDate).localeCompare(dayOf(b.course.startDate)) || a.index - b.index)
    .map(({ course }) => course);
}

/** The most recent active course among the candidates, else the most recent of them. */
function mostRecentPreferringActive(candidates: readonly Course[]): Course | null {
  const ordered = byStartDate(candidates);
  return ordered.filter((c) => c.status === "active").at(-1) ?? ordered.at(-1) ?? null;
}

function latestAfter(series: readonly Assessment[], day: string): Assessment | null {
  return series.filter((a) => dayOf(a.takenOn) > day).at(-1) ?? null;
}

const EMPTY_SUMMARY: ProgressSummary = {
  baseline: null,
  baselineChosen: false,
  latest: null,
  change: null,
  category: null,
  courseId: null,
  courseLabel: null,
  courseStartDate: null,
};

function courseFields(course: Course | null): Pick<ProgressSummary, "courseId" | "courseLabel" | "courseStartDate"> {
  return course
    ? { courseId: course.id, courseLabel: courseLabel(course), courseStartDate: course.startDate }
    : { courseId: null, courseLabel: null, courseStartDate: null };
}

/** PGIC rates change itself (IMMPACT 2008): its latest value since the course started is classified, with no baseline. */
function pgicSummary(series: readonly Assessment[], courses: readonly Course[]): ProgressSummary {
  const course = mostRecentPreferringActive(courses);
  const latest = course ? latestAfter(series, dayOf(course.startDate)) : (series.at(-1) ?? null);
  return {
    ...EMPTY_SUMMARY,
    ...courseFields(course),
    latest: latest && { takenOn: latest.takenOn, total: latest.totalScore },
    category: latest ? classifyPgic(latest.totalScore) : null,
  };
}

function scoreSummary(
  instrumentId: InstrumentId,
  series: readonly Assessment[],
  courses: readonly Course[],
): { summary: ProgressSummary; baseline: Assessment | null } {
  const withBaseline = courses
    .map((course) => ({ course, found: findBaseline(course, instrumentId, series) }))
    .filter((x) => x.found !== null);
  const course = mostRecentPreferringActive(withBaseline.map((x) => x.course));
  const found = withBaseline.find((x) => x.course === course)?.found ?? null;
  if (!course || !found) return { summary: { ...EMPTY_SUMMARY, latest: lastOf(series) }, baseline: null };
  const baseline = found.assessment;
  // A follow-up is after the course start and after the baseline's day.
  const after = [dayOf(course.startDate), dayOf(baseline.takenOn)].sort().at(-1)!;
  const latest = latestAfter(series, after);
  const change = latest ? changeFromBaseline(baseline.totalScore, latest.totalScore) : null;
  return {
    baseline,
    summary: {
      ...courseFields(course),
      baseline: { takenOn: baseline.takenOn, total: baseline.totalScore },
      baselineChosen: found.chosen,
      latest: latest && { takenOn: latest.takenOn, total: latest.totalScore },
      change,
      category: latest ? classifyResponse(instrumentId, baseline.totalScore, latest.totalScore) : null,
    },
  };
}

function lastOf(series: readonly Assessment[]): ProgressSummary["latest"] {
  const last = series.at(-1);
  return last ? { takenOn: last.takenOn, total: last.totalScore } : null;
}

function progressCourses(courses: readonly Course[]): ProgressCourse[] {
  return byStartDate(courses).map((course) => ({
    id: course.id,
    drug: course.drug,
    label: courseLabel(course),
    startDate: course.startDate,
    endDate: course.endDate,
    status: course.status,
    doseChanges: course.doseChanges.map((d) => ({ changedOn: d.changedOn, dose: d.dose, unit: d.doseUnit, label: doseLabel(d.dose, d.doseUnit) })),
  }));
}

/** One entry per instrument with at least one score, in PROGRESS_INSTRUMENT_ORDER. */
export function buildProgress(record: ProgressInput): InstrumentProgress[] {
  const courses = progressCourses(record.courses);
  const result: InstrumentProgress[] = [];
  for (const instrumentId of PROGRESS_INSTRUMENT_ORDER) {
    const instrument = getInstrument(instrumentId);
    const series = chronological(record.assessments.filter((a) => a.instrumentId === instrumentId));
    if (!instrument || series.length === 0) continue;
    const { summary, baseline } =
      instrumentId === "pgic" ? { summary: pgicSummary(series, record.courses), baseline: null } : scoreSummary(instrumentId, series, record.courses);
    const baselineDay = baseline ? dayOf(baseline.takenOn) : null;
    const points: ProgressPoint[] = series.map((a) => ({
      assessmentId: a.id,
      takenOn: a.takenOn,
      total: a.totalScore,
      isBaseline: a === baseline,
      courseId: a.courseId,
      change: baseline && baselineDay !== null && dayOf(a.takenOn) > baselineDay ? changeFromBaseline(baseline.totalScore, a.totalScore) : null,
    }));
    result.push({
      instrumentId,
      shortName: instrument.shortName,
      name: instrument.name,
      unitLabel: instrument.unitLabel,
      direction: instrument.direction,
      min: instrument.min,
      max: instrument.max,
      points,
      courses,
      summary,
    });
  }
  return result;
}
