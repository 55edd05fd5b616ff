import { instrumentIds, type InstrumentId } from "@/lib/instruments";
import { type CourseTimeline, courseTimeline } from "@/lib/progress/timeline";
import type { TimelineScore } from "@/lib/progress/timeline";
import type { WorklistCourse } from "./types";

/** The course's timeline (lib/progress/timeline.ts) on each instrument the patient has scores on, in the registry's order. */
export function courseTimelines(course: WorklistCourse, scores: readonly TimelineScore[]): CourseTimeline[] {
  // Several rules read the same course's timelines: worked out once per (course, scores) pair. Both are
  // read-only inputs, and the cache is weak, so it lives only as long as the worklist's own data.
  const byScores = computed.get(course) ?? new WeakMap<readonly TimelineScore[], CourseTimeline[]>();
  computed.set(course, byScores);
  const cached = byScores.get(scores);
  if (cached) return cached;
  const scored = new Set(scores.map((s) => s.instrumentId));
  const timelines = instrumentIds.filter((id: InstrumentId) => scored.has(id)).map((id) => courseTimeline(course, id, scores));
  byScores.set(scores, timelines);
  return timelines;
}

const computed = new WeakMap<WorklistCourse, WeakMap<readonly TimelineScore[], CourseTimeline[]>>();
