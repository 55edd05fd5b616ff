import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, patients, treatmentCourses } from "@/db/schema";
import { getInstrument } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";
import { clinicalDateProblem } from "@/lib/validation/dates";
import { writeAudit } from "./audit";
import { keepEarlierVersion } from "./record-history";
import { isUuid, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { assertCan, type SessionUser } from "./session-user";
import { writablePatient } from "./write-access";

type AssessmentInput = {
  instrumentId: InstrumentId;
  takenOn: string;
  courseId: string | null;
  items?: Record<string, unknown>;
  total?: unknown;
};

/** Scores the answers with the instrument's published rule: the server's score is the one stored. */
function scoreOnServer(input: AssessmentInput) {
  const instrument = getInstrument(input.instrumentId)!;
  const result = instrument.score(instrument.entry === "items" ? { items: input.items ?? {} } : { total: input.total });
  if (!result.ok) throw new ValidationError(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
  return { total: result.total, itemResponses: instrument.entry === "items" ? (result.itemResponses ?? null) : null };
}

async function checkCourse(tx: Parameters<typeof writablePatient>[0], patientId: string, courseId: string | null) {
  if (courseId === null) return;
  const [course] = await tx
    .select({ id: treatmentCourses.id })
    .from(treatmentCourses)
    .where(and(eq(treatmentCourses.id, courseId), eq(treatmentCourses.patientId, patientId)))
    .limit(1);
  if (!course) throw new ValidationError({ courseId: "Choose one of this patient's courses." });
}

export async function recordAssessment(
  user: SessionUser,
  patientId: unknown,
  input: AssessmentInput,
): Promise<{ id: string; total: number }> {
  const scored = scoreOnServer(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const patient = await writablePatient(tx, user, patientId);
    const problem = clinicalDateProblem(input.takenOn, patient.birthYear, "Date taken");
    if (problem) throw new ValidationError({ takenOn: problem });
    await checkCourse(tx, patient.id, input.courseId);
    const [row] = await tx
      .insert(assessments)
      .values({
        patientId: patient.id,
        courseId: input.courseId,
        instrumentId: input.instrumentId,
        takenOn: input.takenOn,
        totalScore: scored.total,
        itemResponses: scored.itemResponses,
        enteredBy: user.id,
      })
      .returning({ id: assessments.id, total: assessments.totalScore });
    await writeAudit(tx, user, "create", "assessment", row.id, patient.teamId);
    return row;
  });
}

/**
 * Corrects an assessment; who entered it stays, who changed it and when are recorded, and the values
 * it replaces are kept as an earlier version. A correction that changes nothing saves nothing.
 */
export async function updateAssessment(
  user: SessionUser,
  assessmentId: unknown,
  version: number,
  input: Omit<AssessmentInput, "instrumentId">,
): Promise<void> {
  if (!isUuid(assessmentId)) throw new NotFoundError("Assessment");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ assessment: assessments, teamId: patients.teamId, birthYear: patients.birthYear })
      .from(assessments)
      .innerJoin(patients, eq(patients.id, assessments.patientId))
      .where(and(eq(assessments.id, assessmentId), eq(patients.teamId, user.team.id)))
      .limit(1)
      .for("update", { of: assessments });
    if (!existing) throw new NotFoundError("Assessment");
    assertCan(user, "patient:write");
    const scored = scoreOnServer({ ...input, instrumentId: existing.assessment.instrumentId });
    const problem = clinicalDateProblem(input.takenOn, existing.birthYear, "Date taken");
    if (problem) throw new ValidationError({ takenOn: problem });
    await checkCourse(tx, existing.assessment.patientId, input.courseId);
    if (existing.assessment.version !== version) throw new StaleVersionError();
    const next = { takenOn: input.takenOn, courseId: input.courseId, totalScore: scored.total, itemResponses: scored.itemResponses };
    const changes = await keepEarlierVersion(tx, user, "assessment", existing.teamId, existing.assessment, next);
    if (changes.length === 0) return;
    await tx
      .update(assessments)
      .set({ ...next, updatedBy: user.id, updatedAt: sql`now()`, version: sql`${assessments.version} + 1` })
      .where(and(eq(assessments.id, existing.assessment.id), eq(assessments.version, version)));
    await writeAudit(tx, user, "update", "assessment", existing.assessment.id, existing.teamId, changes);
  });
}

/** Many assessments at once (an import): all are stored, or none. */
export async function recordAssessmentsInBulk(user: SessionUser, patientId: unknown, inputs: AssessmentInput[]): Promise<number> {
  const scored = inputs.map((input, index) => {
    try {
      return { input, ...scoreOnServer(input) };
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new ValidationError(
          Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`rows.${index}.${k}`, `Row ${index + 1}: ${v}`])),
        );
      }
      throw error;
    }
  });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const patient = await writablePatient(tx, user, patientId);
    for (const [index, { input }] of scored.entries()) {
      const problem = clinicalDateProblem(input.takenOn, patient.birthYear, "Date taken");
      if (problem) throw new ValidationError({ [`rows.${index}.takenOn`]: `Row ${index + 1}: ${problem}` });
      await checkCourse(tx, patient.id, input.courseId);
    }
    for (const { input, total, itemResponses } of scored) {
      const [row] = await tx
        .insert(assessments)
        .values({
          patientId: patient.id,
          courseId: input.courseId,
          instrumentId: input.instrumentId,
          takenOn: input.takenOn,
          totalScore: total,
          itemResponses,
          enteredBy: user.id,
        })
        .returning({ id: assessments.id });
      await writeAudit(tx, user, "create", "assessment", row.id, patient.teamId);
    }
    return scored.length;
  });
}
