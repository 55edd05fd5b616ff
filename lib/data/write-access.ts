import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patients, treatmentCourses } from "@/db/schema";
import { isUuid, NotFoundError } from "@/lib/errors";
import { assertCan, type SessionUser } from "./session-user";

type Reader = Pick<Database, "select">;

/**
 * `forUpdate` locks the row until the transaction ends, for a correction: the values it keeps as the
 * earlier version are then the ones it replaces.
 */
type Options = { forUpdate?: boolean };

/** The patient, if in one of the user's teams (else not found) and the user may write there (else forbidden). */
export async function writablePatient(db: Reader, user: SessionUser, patientId: unknown, { forUpdate = false }: Options = {}) {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const query = db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.teamId, user.team.id)))
    .limit(1);
  const [patient] = await (forUpdate ? query.for("update") : query);
  if (!patient) throw new NotFoundError("Patient");
  assertCan(user, "patient:write");
  return patient;
}

/** The course and its patient, with the same rules. */
export async function writableCourse(db: Reader, user: SessionUser, courseId: unknown, { forUpdate = false }: Options = {}) {
  if (!isUuid(courseId)) throw new NotFoundError("Treatment course");
  const query = db
    .select({ course: treatmentCourses, patient: patients })
    .from(treatmentCourses)
    .innerJoin(patients, eq(patients.id, treatmentCourses.patientId))
    .where(and(eq(treatmentCourses.id, courseId), eq(patients.teamId, user.team.id)))
    .limit(1);
  const [row] = await (forUpdate ? query.for("update", { of: treatmentCourses }) : query);
  if (!row) throw new NotFoundError("Treatment course");
  assertCan(user, "patient:write");
  return row;
}
