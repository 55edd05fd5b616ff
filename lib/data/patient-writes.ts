import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import type { PatientInput } from "@/lib/validation/patient";
import { writeAudit } from "./audit";
import { keepEarlierVersion } from "./record-history";
import { postgresErrorCode, StaleVersionError, ValidationError } from "@/lib/errors";
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
        .values({
          teamId: user.team.id,
          code: input.code,
          birthYear: input.birthYear,
          sex: input.sex,
          conditions: input.conditions,
          notes: input.notes ?? null,
        })
        .returning({ id: patients.id });
      await writeAudit(tx, user, "create", "patient", row.id);
      return row;
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
}

/**
 * Edits a patient; `version` is the one the form was loaded with, so a concurrent edit is refused, not
 * lost. The values replaced are kept as an earlier version; an edit that changes nothing saves nothing.
 */
export async function updatePatient(user: SessionUser, patientId: unknown, version: number, input: PatientInput): Promise<void> {
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const patient = await writablePatient(tx, user, patientId, { forUpdate: true });
      if (patient.version !== version) throw new StaleVersionError();
      const next = { ...input, notes: input.notes ?? null };
      const changes = await keepEarlierVersion(tx, user, "patient", patient.teamId, patient, next);
      if (changes.length === 0) return;
      await tx
        .update(patients)
        .set({ ...next, updatedAt: sql`now()`, version: sql`${patients.version} + 1` })
        .where(and(eq(patients.id, patient.id), eq(patients.version, version)));
      await writeAudit(tx, user, "update", "patient", patient.id, patient.teamId, changes);
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
}

/** Archives (or restores) a patient: kept for the record, hidden from the list. */
export async function setPatientArchived(user: SessionUser, patientId: unknown, version: number, archived: boolean): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const patient = await writablePatient(tx, user, patientId, { forUpdate: true });
    if (patient.version !== version) throw new StaleVersionError();
    if ((patient.archivedAt !== null) === archived) return;
    const [updated] = await tx
      .update(patients)
      .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()`, version: sql`${patients.version} + 1` })
      .where(and(eq(patients.id, patient.id), eq(patients.version, version)))
      .returning({ archivedAt: patients.archivedAt });
    const changes = await keepEarlierVersion(tx, user, "patient", patient.teamId, patient, updated);
    await writeAudit(tx, user, archived ? "archive" : "update", "patient", patient.id, patient.teamId, changes);
  });
}
