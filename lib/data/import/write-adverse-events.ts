import "server-only";
import { inArray } from "drizzle-orm";
import { adverseEvents } from "@/db/schema";
import { type AdverseEventRow, adverseEventKey } from "@/lib/import/adverse-event-rows";
import { courseKey } from "@/lib/import/course-rows";
import { clinicalDateProblem } from "@/lib/validation/dates";
import {
  chunks,
  courseIdsByKey,
  missingCourse,
  missingPatient,
  patientsByCode,
  type Tx,
  type WriteContext,
  type WriteCounts,
} from "./context";

/** The patients' courses (patient id, drug, start date → course id) and their side effects' natural keys. */
async function existingRecords(tx: Tx, patientIds: string[]) {
  const courseIdOf = new Map<string, string>();
  for (const batch of chunks(patientIds)) for (const [key, id] of await courseIdsByKey(tx, batch)) courseIdOf.set(key, id);
  const keys = new Set<string>();
  for (const batch of chunks([...new Set(courseIdOf.values())])) {
    const events = await tx
      .select({ courseId: adverseEvents.courseId, occurredOn: adverseEvents.occurredOn, event: adverseEvents.event })
      .from(adverseEvents)
      .where(inArray(adverseEvents.courseId, batch));
    for (const e of events) keys.add(adverseEventKey(e.courseId, e.occurredOn, e.event));
  }
  return { courseIdOf, keys };
}

/**
 * New side effects of courses the team already has; one the course already has (same date and event)
 * is left as it is. Checked as the side-effect form's data layer checks: not in the future, not before
 * the patient's birth year (the course-start rule is checked when the row is read).
 */
export async function writeAdverseEvents(context: WriteContext, rows: AdverseEventRow[]): Promise<WriteCounts> {
  const { tx, teamId, problems } = context;
  const found = await patientsByCode(
    tx,
    teamId,
    rows.map((r) => r.patientCode),
  );
  const { courseIdOf, keys } = await existingRecords(
    tx,
    [...found.values()].map((p) => p.id),
  );
  const firstRowOf = new Map<string, number>();
  const fresh: { row: AdverseEventRow; courseId: string }[] = [];
  for (const row of rows) {
    const patient = found.get(row.patientCode);
    if (!patient) {
      problems.push(missingPatient(row.row, row.patientCode));
      continue;
    }
    const dateProblem = clinicalDateProblem(row.occurredOn, patient.birthYear, "Date of the side effect");
    if (dateProblem) problems.push({ row: row.row, column: "occurred_on", value: row.occurredOn, reason: dateProblem });
    const courseId = courseIdOf.get(courseKey(patient.id, row.course.drug, row.course.startDate));
    if (!courseId) {
      problems.push(missingCourse(row.row, row.course));
      continue;
    }
    const key = adverseEventKey(courseId, row.occurredOn, row.event);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      problems.push({
        row: row.row,
        column: "event",
        value: row.event,
        reason: `The same course, date and side effect as row ${earlier}: each side effect once.`,
      });
      continue;
    }
    firstRowOf.set(key, row.row);
    if (!keys.has(key)) fresh.push({ row, courseId });
  }
  if (problems.length > 0) return { added: 0, alreadyPresent: 0 };
  let done = 0;
  for (const batch of chunks(fresh)) {
    await tx.insert(adverseEvents).values(
      batch.map(({ row, courseId }) => ({
        courseId,
        occurredOn: row.occurredOn,
        event: row.event,
        severity: row.severity,
        notes: row.notes,
      })),
    );
    done += batch.length;
    await context.progress(done, fresh.length);
  }
  return { added: fresh.length, alreadyPresent: rows.length - fresh.length };
}
