import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { adverseEvents, courseBaselines, doseChanges } from "@/db/schema";

type Reader = Pick<Database, "select">;

/** The dose steps (by date), side effects (by date) and chosen baselines of the given courses. */
export async function readCourseDetails(tx: Reader, courseIds: string[]) {
  if (courseIds.length === 0) return { doses: [], events: [], baselines: [] };
  const [doses, events, baselines] = await Promise.all([
    tx.select().from(doseChanges).where(inArray(doseChanges.courseId, courseIds)).orderBy(asc(doseChanges.changedOn)),
    tx.select().from(adverseEvents).where(inArray(adverseEvents.courseId, courseIds)).orderBy(asc(adverseEvents.occurredOn)),
    tx.select().from(courseBaselines).where(inArray(courseBaselines.courseId, courseIds)),
  ]);
  return { doses, events, baselines };
}
