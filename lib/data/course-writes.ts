import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { adverseEvents, assessments, courseBaselines, doseChanges, treatmentCourses } from "@/db/schema";
import { clinicalDateProblem } from "@/lib/validation/dates";
import type { z } from "zod";
import type { adverseEventSchema, doseChangeSchema, endCourseSchema, startCourseSchema } from "@/lib/validation/course";
import { writeAudit } from "./audit";
import { keepEarlierVersion } from "./record-history";
import { isUuid, StaleVersionError, ValidationError } from "@/lib/errors";
import type { SessionUser } from "./session-user";
import { writableCourse, writablePatient } from "./write-access";

function assertDate(field: string, value: string, birthYear: number, label: string) {
  const problem = clinicalDateProblem(value, birthYear, label);
  if (problem) throw new ValidationError({ [field]: problem });
}

/** Starts a course with its first dose, in one transaction. */
export async function startCourse(
  user: SessionUser,
  patientId: unknown,
  input: z.infer<typeof startCourseSchema>,
): Promise<{ id: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const patient = await writablePatient(tx, user, patientId);
    assertDate("startDate", input.startDate, patient.birthYear, "Start date");
    const [course] = await tx
      .insert(treatmentCourses)
      .values({
        patientId: patient.id,
        drug: input.drug,
        indication: input.indication,
        targetDose: input.targetDose,
        doseUnit: input.doseUnit,
        startDate: input.startDate,
        status: "active",
      })
      .returning({ id: treatmentCourses.id });
    await tx.insert(doseChanges).values({
      courseId: course.id,
      changedOn: input.startDate,
      dose: input.startingDose ?? input.targetDose,
      doseUnit: input.doseUnit,
      note: "starting dose",
    });
    await writeAudit(tx, user, "create", "treatment_course", course.id, patient.teamId);
    return course;
  });
}

export async function recordDoseChange(user: SessionUser, courseId: unknown, input: z.infer<typeof doseChangeSchema>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { course, patient } = await writableCourse(tx, user, courseId);
    assertDate("changedOn", input.changedOn, patient.birthYear, "Date of the dose change");
    if (input.changedOn < course.startDate)
      throw new ValidationError({ changedOn: `A dose change cannot precede the course start (${course.startDate}).` });
    if (course.endDate && input.changedOn > course.endDate)
      throw new ValidationError({ changedOn: `The course ended on ${course.endDate}.` });
    const [row] = await tx
      .insert(doseChanges)
      .values({ courseId: course.id, ...input })
      .returning({ id: doseChanges.id });
    await writeAudit(tx, user, "create", "dose_change", row.id, patient.teamId);
  });
}

/** Stops or completes an active course, with a reason; the course as it was is kept as an earlier version. */
export async function endCourse(user: SessionUser, courseId: unknown, input: z.infer<typeof endCourseSchema>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { course, patient } = await writableCourse(tx, user, courseId, { forUpdate: true });
    if (course.status !== "active") throw new ValidationError({ status: `This course is already ${course.status}.` });
    assertDate("endDate", input.endDate, patient.birthYear, "End date");
    if (input.endDate < course.startDate)
      throw new ValidationError({ endDate: `The end date cannot precede the start date (${course.startDate}).` });
    if (course.version !== input.version) throw new StaleVersionError();
    const next = { status: input.status, endDate: input.endDate, stopReason: input.stopReason };
    const changes = await keepEarlierVersion(tx, user, "treatment_course", patient.teamId, course, next);
    await tx
      .update(treatmentCourses)
      .set({ ...next, updatedAt: sql`now()`, version: sql`${treatmentCourses.version} + 1` })
      .where(and(eq(treatmentCourses.id, course.id), eq(treatmentCourses.version, input.version)));
    await writeAudit(tx, user, "update", "treatment_course", course.id, patient.teamId, changes);
  });
}

export async function recordAdverseEvent(user: SessionUser, courseId: unknown, input: z.infer<typeof adverseEventSchema>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { course, patient } = await writableCourse(tx, user, courseId);
    assertDate("occurredOn", input.occurredOn, patient.birthYear, "Date of the side effect");
    if (input.occurredOn < course.startDate)
      throw new ValidationError({ occurredOn: `A side effect of this course cannot precede its start (${course.startDate}).` });
    const [row] = await tx
      .insert(adverseEvents)
      .values({ courseId: course.id, ...input })
      .returning({ id: adverseEvents.id });
    await writeAudit(tx, user, "create", "adverse_event", row.id, patient.teamId);
  });
}

/** The clinician's choice of baseline for a course, on the chosen assessment's instrument. */
export async function chooseBaseline(user: SessionUser, courseId: unknown, assessmentId: unknown): Promise<void> {
  if (!isUuid(assessmentId)) throw new ValidationError({ assessmentId: "Choose one of the listed assessments." });
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Locking the course serialises choices for it, so the replaced choice read below is the one replaced.
    const { course, patient } = await writableCourse(tx, user, courseId, { forUpdate: true });
    const [assessment] = await tx
      .select({ id: assessments.id, takenOn: assessments.takenOn, instrumentId: assessments.instrumentId })
      .from(assessments)
      .where(and(eq(assessments.id, assessmentId), eq(assessments.patientId, patient.id)))
      .limit(1);
    if (!assessment) throw new ValidationError({ assessmentId: "Choose one of this patient's assessments." });
    if (assessment.takenOn > course.startDate) {
      throw new ValidationError({ assessmentId: `A baseline must be taken on or before the course start (${course.startDate}).` });
    }
    // The choice it replaces stays in the audit row's changes (a baseline row has no id of its own to keep versions under).
    const [previous] = await tx
      .select({ assessmentId: courseBaselines.assessmentId })
      .from(courseBaselines)
      .where(and(eq(courseBaselines.courseId, course.id), eq(courseBaselines.instrumentId, assessment.instrumentId)));
    if (previous?.assessmentId === assessment.id) return;
    await tx
      .insert(courseBaselines)
      .values({ courseId: course.id, instrumentId: assessment.instrumentId, assessmentId: assessment.id })
      .onConflictDoUpdate({
        target: [courseBaselines.courseId, courseBaselines.instrumentId],
        set: { assessmentId: assessment.id, updatedAt: sql`now()`, version: sql`${courseBaselines.version} + 1` },
      });
    const changes = [{ field: `baseline.${assessment.instrumentId}`, old: previous?.assessmentId ?? null, new: assessment.id }];
    await writeAudit(tx, user, "update", "course_baseline", course.id, patient.teamId, changes);
  });
}
