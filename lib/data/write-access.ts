import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patients, treatmentCourses } from "@/db/schema";
import { isUuid, NotFoundError } from "./errors";
import { assertCan, type SessionUser } from "./session-user";

type Reader = Pick<Database, "select">;

/** The patient, if in one of the user's teams (else not found) and the user may write there (else forbidden). */
export async function writablePatient(db: Reader, user: SessionUser, patientId: unknown) {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const [patient] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.teamId, user.team.id)))
    .limit(1);
  if (!patient) throw new NotFoundError("Patient");
  assertCan(user, "patient:write");
  return patient;
}

/** The course and its patient, with the same rules. */
export async function writableCourse(db: Reader, user: SessionUser, courseId: unknown) {
  if (!isUuid(courseId)) throw new NotFoundError("Treatment course");
  const [row] = await db
    .select({ course: treatmentCourses, patient: patients })
    .from(treatmentCourses)
    .innerJoin(patients, eq(patients.id, treatmentCourses.patientId))
    .where(and(eq(treatmentCourses.id, courseId), eq(patients.teamId, user.team.id)))
    .limit(1);
  if (!row) throw new NotFoundError("Treatment course");
  assertCan(user, "patient:write");
  return row;
}
