import "server-only";
import { inArray, sql } from "drizzle-orm";
import { assessments } from "@/db/schema";
import { type AssessmentRow, assessmentKey } from "@/lib/import/assessment-rows";
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

/** The patients' courses (key patient id, drug, start date → course id) and their assessments' natural keys. */
async function existingRecords(tx: Tx, patientIds: string[]) {
  const courseIdOf = new Map<string, string>();
  const keys = new Set<string>();
  for (const batch of chunks(patientIds)) {
    const [courses, scores] = await Promise.all([
      courseIdsByKey(tx, batch),
      tx
        .select({
          patientId: assessments.patientId,
          instrumentId: assessments.instrumentId,
          takenOn: assessments.takenOn,
          externalId: assessments.externalId,
        })
        .from(assessments)
        .where(inArray(assessments.patientId, batch)),
    ]);
    for (const [key, id] of courses) courseIdOf.set(key, id);
    for (const a of scores) keys.add(assessmentKey(a.patientId, a.instrumentId, a.takenOn, a.externalId));
  }
  return { courseIdOf, keys };
}

/** Rows per INSERT: each batch travels as ONE JSON parameter, so the statement stays small however many rows it holds. */
const INSERT_BATCH_SIZE = 5000;

/**
 * One INSERT for the whole batch from a single JSON parameter (json_to_recordset): PostgreSQL parses
 * one value instead of thousands of bound parameters, and it works alike on postgres.js and PGlite.
 * Numbers survive exactly: float8 reads JavaScript's shortest round-trip form back to the same double.
 */
async function insertBatch(tx: Tx, rows: Record<string, unknown>[]) {
  await tx.execute(sql`insert into ${assessments}
    (patient_id, course_id, instrument_id, taken_on, total_score, item_responses, external_id, entered_by)
    select r.patient_id, r.course_id, r.instrument_id, r.taken_on, r.total_score, r.item_responses, r.external_id, r.entered_by
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      patient_id uuid, course_id uuid, instrument_id text, taken_on date, total_score float8,
      item_responses jsonb, external_id text, entered_by uuid)`);
}

/**
 * New assessments, scored on the server (lib/import/assessment-rows.ts); one the patient already has
 * (same instrument, date and external id) is left as it is. Linked courses must exist.
 *
 * Incremental: `add` takes the file a chunk at a time and queues the chunk's INSERT without waiting
 * for it, so PostgreSQL writes one chunk while this process reads and checks the next. The caller
 * rolls the transaction back if any problem is found, in any chunk.
 */
export function assessmentWriter(context: WriteContext, totalRows: number) {
  const { tx, teamId, userId, problems } = context;
  const found = new Map<string, { id: string; birthYear: number }>();
  const absent = new Set<string>();
  const courseIdOf = new Map<string, string>();
  const keys = new Set<string>();
  const firstRowOf = new Map<string, number>();
  let added = 0;
  let handled = 0;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  /** The chunk's patients not seen before, with their courses and assessment keys, in bulk. */
  async function lookUp(rows: AssessmentRow[]) {
    const codes = [...new Set(rows.map((r) => r.patientCode))].filter((c) => !found.has(c) && !absent.has(c));
    if (codes.length === 0) return;
    const fresh = await patientsByCode(tx, teamId, codes);
    for (const code of codes) if (!fresh.has(code)) absent.add(code);
    for (const [code, patient] of fresh) found.set(code, patient);
    const existing = await existingRecords(
      tx,
      [...fresh.values()].map((p) => p.id),
    );
    for (const [key, id] of existing.courseIdOf) courseIdOf.set(key, id);
    for (const key of existing.keys) keys.add(key);
  }

  function check(row: AssessmentRow): { row: AssessmentRow; patientId: string; courseId: string | null } | null {
    const patient = found.get(row.patientCode);
    if (!patient) {
      problems.push(missingPatient(row.row, row.patientCode));
      return null;
    }
    const dateProblem = clinicalDateProblem(row.takenOn, patient.birthYear, "Date taken");
    if (dateProblem) problems.push({ row: row.row, column: "taken_on", value: row.takenOn, reason: dateProblem });
    let courseId: string | null = null;
    if (row.course) {
      courseId = courseIdOf.get(courseKey(patient.id, row.course.drug, row.course.startDate)) ?? null;
      if (!courseId) problems.push(missingCourse(row.row, row.course));
    }
    const key = assessmentKey(patient.id, row.instrumentId, row.takenOn, row.externalId);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      problems.push({
        row: row.row,
        column: row.externalId ? "external_id" : "taken_on",
        value: row.externalId ?? row.takenOn,
        reason: `The same patient, instrument, date and external id as row ${earlier}: give each assessment its own external_id.`,
      });
      return null;
    }
    firstRowOf.set(key, row.row);
    return keys.has(key) ? null : { row, patientId: patient.id, courseId };
  }

  return {
    /** Checks a chunk of rows; while no problem is known, queues its INSERT. `readCount` is the chunk's rows in the file. */
    async add(rows: AssessmentRow[], readCount: number) {
      if (failure) throw failure;
      await lookUp(rows);
      const fresh = rows.map(check).filter((r) => r !== null);
      if (problems.length > 0) return;
      added += fresh.length;
      writing = writing
        .then(async () => {
          for (const batch of chunks(fresh, INSERT_BATCH_SIZE)) {
            await insertBatch(
              tx,
              batch.map(({ row, patientId, courseId }) => ({
                patient_id: patientId,
                course_id: courseId,
                instrument_id: row.instrumentId,
                taken_on: row.takenOn,
                total_score: row.totalScore,
                item_responses: row.itemResponses,
                external_id: row.externalId,
                entered_by: userId,
              })),
            );
          }
          handled += readCount;
          await context.progress(handled, totalRows);
        })
        // Kept, not thrown here: the next add() or finish() throws it, inside the transaction.
        .catch((error) => {
          failure ??= error;
        });
    },
    async settle() {
      await writing;
    },
    async finish(): Promise<WriteCounts> {
      await writing;
      if (failure) throw failure;
      return { added, alreadyPresent: firstRowOf.size - added };
    },
  };
}
