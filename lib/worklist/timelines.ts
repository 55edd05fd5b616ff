import { instrumentIds, type InstrumentId } from "@/lib/instruments";
import { type CourseTimeline, courseTimeline } from "@/lib/progress/timeline";
import type { TimelineScore } from "@/lib/progress/timeline";
import type { WorklistCourse } from "./types";

/** The course's timeline (lib/progress/timeline.ts) on each instrument the patient has scores on, in the registry's order. */
export function courseTimelines(course: WorklistCourse, scores: readonly TimelineScore[]): CourseTimeline[] {
  const scored = new Set(scores.map((s) => s.instrumentId));
  return instrumentIds.filter((id: InstrumentId) => scored.has(id)).map((id) => courseTimeline(course, id, scores));
}
