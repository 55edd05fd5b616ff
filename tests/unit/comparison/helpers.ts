import studiesFile from "@/db/seed/data/studies.json";
import { parseStudyFile } from "@/lib/evidence/parse-studies";
import type { Study } from "@/lib/evidence/types";
import { compareWithStudy } from "@/lib/comparison/compare";
import type { Assessment, CompareInput, CompareOutcome, Course } from "@/lib/comparison/types";
import { courseTimeline } from "@/lib/progress/timeline";

const parsed = parseStudyFile(studiesFile);
if (!parsed.ok) throw new Error(`studies.json does not parse: ${JSON.stringify(parsed.errors)}`);
const studies = parsed.studies;

/** A deep copy of one published study, so a test can alter it without touching others. */
export function study(id: string): Study {
  const found = studies.find((s) => s.id === id);
  if (!found) throw new Error(`no study ${id}`);
  return structuredClone(found);
}

export const START = "2024-01-01";
export const ldnCourse: Course = { drug: "low-dose naltrexone", indication: "fibromyalgia", startDate: START };
export const memantineCourse: Course = { drug: "memantine", indication: "fibromyalgia", startDate: START };

/** YYYY-MM-DD of the day `days` after START. */
export function dayAfterStart(days: number): string {
  return new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Baseline on the start date and one follow-up `weeks` later. */
export function baselineAndFollowUp(baseline: number, current: number, weeks: number): Assessment[] {
  return [
    { takenAt: START, total: baseline },
    { takenAt: dayAfterStart(weeks * 7), total: current },
  ];
}

/** What a comparison test describes: a course, one instrument's scores (any order) and a study. */
export type ScoresInput = Omit<CompareInput, "timeline"> & { assessments: readonly Assessment[] };

/** compareWithStudy on the course's timeline (lib/progress/timeline.ts) built from these scores. */
export function compareScores({ assessments, ...input }: ScoresInput): CompareOutcome {
  const scores = assessments.map((a, index) => ({
    id: `s${index}`,
    instrumentId: input.instrumentId,
    takenOn: a.takenAt,
    totalScore: a.total,
  }));
  const timeline = courseTimeline({ startDate: input.course.startDate, endDate: null, chosenBaselines: {} }, input.instrumentId, scores);
  return compareWithStudy({ ...input, timeline });
}
