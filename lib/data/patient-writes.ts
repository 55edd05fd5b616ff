import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import type { PatientInput } from "@/lib/validation/patient";
import { writeAudit } from "./audit";
import { postgresErrorCode, StaleVersionError, ValidationError } from "./errors";
import { assertCan, type SessionUser } from "./session-user";
import { writablePatient } from "./write-access";

const DUPLICATE_CODE = { code: "A patient with this code already exists in your team. Choose another code." };

function rethrowDuplicate(error: unknown): never {
  if (postgresErrorCode(error) === "23505") throw new ValidationError(DUPLICATE_CODE);
  throw error;
}

/** Adds a patient to the user's active team. */
export async function createPatient(user: SessionUser, input: PatientInput): Promise<{ id: string }> {
  assertCan(user, "patient:write");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(patients)
        .values({ teamId: user.team.id, code: input.code, birthYear: input.birthYear, sex: input.sex, conditions: input.conditions, notes: input.notes ?? null })
        .returning({ id: patients.id });
      await writeAudit(tx, user, "create", "patient", row.id);
      return row;
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
}

/** Edits a patient; `version` is the one the form was loaded with, so a concurrent edit is refused, not lost. */
export async function updatePatient(user: SessionUser, patientId: unknown, version: number, input: PatientInput): Promise<void> {
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const patient = await writablePatient(tx, user, patientId);
      const updated = await tx
        .update(patients)
        .set({ ...input, notes: input.notes ?? null, updatedAt: sql`now()`, version: sql`${patients.version} + 1` })
        .where(and(eq(patients.id, patient.id), eq(patients.version, version)))
        .returning({ id: patients.id });
      if (updated.length === 0) throw new StaleVersionError();
      await writeAudit(tx, user, "update", "patient", patient.id, patient.teamId);
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
}

/** Archives (or restores) a patient: kept for the record, hidden from the list. */
export async function setPatientArchived(user: SessionUser, patientId: unknown, version: number, archived: boolean): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const patient = await writablePatient(tx, user, patientId);
    const updated = await tx
      .update(patients)
      .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()`, version: sql`${patients.version} + 1` })
      .where(and(eq(patients.id, patient.id), eq(patients.version, version)))
      .returning({ id: patients.id });
    if (updated.length === 0) throw new StaleVersionError();
    await writeAudit(tx, user, archived ? "archive" : "update", "patient", patient.id, patient.teamId);
  });
}
