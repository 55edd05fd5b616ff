// The patient "Progress" view as plain data: per instrument, the scores over time, the treatment
// courses, and the change from baseline with its response category. Pure: no database, no React,
// no rounding (the UI formats).
import { INSTRUMENT_DISPLAY_ORDER } from "@/lib/domain/instruments";
import { getInstrument } from "@/lib/instruments";
import { classifyPgic, type ResponseCategory } from "@/lib/instruments/response";
import type { Instrument, InstrumentId } from "@/lib/instruments/types";
import { dayOf } from "./calendar";
import { chronological, courseTimeline, type CourseTimeline, type ScoreChange } from "./timeline";

export type { ScoreChange } from "./timeline";

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

export type ProgressPoint = {
  assessmentId: string;
  takenOn: string;
  total: number;
  /** The baseline of the summary's course. */
  isBaseline: boolean;
  courseId: string | null;
  /** From the summary's baseline, for the followed course's follow-ups (lib/progress/timeline.ts); null otherwise (and always for PGIC). */
  change: ScoreChange | null;
};

type ProgressDoseChange = { changedOn: string; dose: number; unit: string; label: string };

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

type Course = ProgressInput["courses"][number];
type Assessment = ProgressInput["assessments"][number];
/** What a summary needs of a course: no dose changes (the patient list passes just these). */
export type SummaryCourse = Omit<Course, "doseChanges">;
export type SummaryInput = { courses: readonly SummaryCourse[]; assessments: ProgressInput["assessments"] };

function doseLabel(dose: number, unit: string): string {
  return `${dose} ${unit}`.trim();
}

function courseLabel(course: Pick<Course, "drug" | "targetDose" | "doseUnit">): string {
  return `${course.drug} ${doseLabel(course.targetDose, course.doseUnit)}`;
}

function byStartDate<C extends Pick<Course, "startDate">>(courses: readonly C[]): C[] {
  return courses
    .map((course, index) => ({ course, index }))
    .sort((a, b) => dayOf(a.course.startDate).localeCompare(dayOf(b.course.startDate)) || a.index - b.index)
    .map(({ course }) => course);
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

type Followed = { course: SummaryCourse; timeline: Extract<CourseTimeline<Assessment>, { ok: true }> };

/**
 * The course a summary follows on one instrument: among the courses whose timeline has a baseline
 * (for PGIC, any course), the most recent active one, else the most recent one.
 */
function followedCourse(instrumentId: InstrumentId, record: SummaryInput): Followed | null {
  const candidates: Followed[] = [];
  for (const course of byStartDate(record.courses)) {
    const timeline = courseTimeline(course, instrumentId, record.assessments);
    if (timeline.ok && (timeline.baseline !== null || instrumentId === "pgic")) candidates.push({ course, timeline });
  }
  return candidates.filter((c) => c.course.status === "active").at(-1) ?? candidates.at(-1) ?? null;
}

function summaryOf(followed: Followed | null, series: readonly Assessment[]): ProgressSummary {
  if (!followed) {
    const last = series.at(-1);
    // Without a course, a PGIC rating is still classified by its own value (IMMPACT 2008); a score has no baseline to change from.
    return {
      ...EMPTY_SUMMARY,
      latest: last ? { takenOn: last.takenOn, total: last.totalScore } : null,
      category: last && last.instrumentId === "pgic" ? classifyPgic(last.totalScore) : null,
    };
  }
  const { course, timeline } = followed;
  const { baseline, latest } = timeline;
  return {
    courseId: course.id,
    courseLabel: courseLabel(course),
    courseStartDate: course.startDate,
    baseline: baseline && { takenOn: baseline.takenOn, total: baseline.total },
    baselineChosen: baseline?.chosen ?? false,
    latest: latest && { takenOn: latest.takenOn, total: latest.total },
    change: latest?.change ?? null,
    category: latest?.category ?? null,
  };
}

/** The summary of one instrument: the followed course's baseline, latest follow-up, change and category. */
export function summarizeInstrument(instrumentId: InstrumentId, record: SummaryInput): ProgressSummary {
  const series = chronological(record.assessments.filter((a) => a.instrumentId === instrumentId));
  return summaryOf(followedCourse(instrumentId, record), series);
}

function progressCourses(courses: readonly Course[]): ProgressCourse[] {
  return byStartDate(courses).map((course) => ({
    id: course.id,
    drug: course.drug,
    label: courseLabel(course),
    startDate: course.startDate,
    endDate: course.endDate,
    status: course.status,
    doseChanges: course.doseChanges.map((d) => ({
      changedOn: d.changedOn,
      dose: d.dose,
      unit: d.doseUnit,
      label: doseLabel(d.dose, d.doseUnit),
    })),
  }));
}

/** One entry per instrument with at least one score, in the registry's display order (lib/domain/instruments.ts). */
export function buildProgress(record: ProgressInput): InstrumentProgress[] {
  const courses = progressCourses(record.courses);
  const result: InstrumentProgress[] = [];
  for (const instrumentId of INSTRUMENT_DISPLAY_ORDER) {
    const instrument = getInstrument(instrumentId);
    const series = chronological(record.assessments.filter((a) => a.instrumentId === instrumentId));
    if (!instrument || series.length === 0) continue;
    const followed = followedCourse(instrumentId, record);
    const baseline = followed?.timeline.baseline?.score ?? null;
    const changes = new Map(followed?.timeline.followUps.map((f) => [f.score, f.change]) ?? []);
    const points: ProgressPoint[] = series.map((a) => ({
      assessmentId: a.id,
      takenOn: a.takenOn,
      total: a.totalScore,
      isBaseline: a === baseline,
      courseId: a.courseId,
      change: changes.get(a) ?? null,
    }));
    const summary = summaryOf(followed, series);
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
