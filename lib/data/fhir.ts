import "server-only";
import { and, eq, getTableColumns } from "drizzle-orm";
import { getDb } from "@/db/client";
import { adverseEvents, assessments, courseBaselines, doseChanges, patients, treatmentCourses } from "@/db/schema";
import { isUuid, NotFoundError, postgresErrorCode } from "@/lib/errors";
import { patientBundle } from "@/lib/fhir/export-bundle";
import type { InstrumentId } from "@/lib/domain/instruments";
import type { ImportPlan } from "@/lib/fhir/import-plan";
import { planBundleImport } from "@/lib/fhir/import-plan";
import { FhirBundleRejectedError } from "@/lib/fhir/outcome";
import type { FhirPatientRecord } from "@/lib/fhir/record";
import type { Bundle } from "@/lib/fhir/types";
import { validateAgainstR4 } from "@/lib/fhir/validate-r4";
import { writeAudit } from "./audit";
import { readCourseDetails } from "./course-details";
import { assertCan, type SessionUser } from "./session-user";

type Transaction = Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["transaction"]>[0]>[0];

/**
 * One patient's record as a FHIR R4 Bundle (Patient/$everything). A read like the patient page: any
 * member of the patient's team (viewers too); another team's patient is not found. The export is
 * audited in the same transaction as the read.
 */
export async function exportPatientFhirBundle(user: SessionUser, patientId: unknown): Promise<{ bundle: Bundle; code: string }> {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [patient] = await tx
      .select({
        id: patients.id,
        teamId: patients.teamId,
        code: patients.code,
        birthYear: patients.birthYear,
        sex: patients.sex,
        conditions: patients.conditions,
      })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.teamId, user.team.id)))
      .limit(1);
    if (!patient) throw new NotFoundError("Patient");
    assertCan(user, "patient:read");
    const record = await readRecord(tx, patient);
    await writeAudit(tx, user, "export", "patient", patient.id, patient.teamId);
    return { bundle: patientBundle(record, new Date().toISOString()), code: patient.code };
  });
}

async function readRecord(tx: Transaction, patient: FhirPatientRecord["patient"]): Promise<FhirPatientRecord> {
  const { createdAt: _c, updatedAt: _u, version: _v, patientId: _p, ...courseColumns } = getTableColumns(treatmentCourses);
  const courses = await tx.select(courseColumns).from(treatmentCourses).where(eq(treatmentCourses.patientId, patient.id));
  const courseIds = courses.map((c) => c.id);
  const [{ doses, events, baselines }, scores] = await Promise.all([
    readCourseDetails(tx, courseIds),
    tx
      .select({
        id: assessments.id,
        courseId: assessments.courseId,
        instrumentId: assessments.instrumentId,
        takenOn: assessments.takenOn,
        totalScore: assessments.totalScore,
        itemResponses: assessments.itemResponses,
      })
      .from(assessments)
      .where(eq(assessments.patientId, patient.id)),
  ]);
  return {
    patient: { id: patient.id, code: patient.code, birthYear: patient.birthYear, sex: patient.sex, conditions: patient.conditions },
    courses: courses.map((course) => ({
      ...course,
      doseChanges: doses
        .filter((d) => d.courseId === course.id)
        .map(({ changedOn, dose, doseUnit, note }) => ({ changedOn, dose, doseUnit, note })),
      adverseEvents: events
        .filter((e) => e.courseId === course.id)
        .map(({ id, occurredOn, event, severity, notes }) => ({ id, occurredOn, event, severity, notes })),
      chosenBaselines: Object.fromEntries(baselines.filter((b) => b.courseId === course.id).map((b) => [b.instrumentId, b.assessmentId])),
    })),
    assessments: scores,
  };
}

export type FhirImportSummary = {
  patient: { id: string; code: string; created: boolean };
  added: { courses: number; doseChanges: number; adverseEvents: number; assessments: number };
  alreadyPresent: { courses: number; adverseEvents: number; assessments: number };
};

/**
 * Imports a FHIR R4 Bundle of one patient's record into the user's active team (clinicians and
 * admins). It must validate against the R4 base definitions (@medplum/core) and the app's own rules;
 * then, in one transaction, adds whatever is missing. Records are matched on their natural keys
 * (patient code; course = patient + drug + start date; side effect = course + date + event;
 * assessment = patient + instrument + date), so importing the same bundle twice adds nothing. An
 * existing record is never changed. Refused bundles raise FhirBundleRejectedError naming every problem.
 */
export async function importFhirBundle(user: SessionUser, bundle: unknown): Promise<FhirImportSummary> {
  assertCan(user, "patient:write");
  const isBundle = typeof bundle === "object" && bundle !== null && (bundle as { resourceType?: unknown }).resourceType === "Bundle";
  const structural = isBundle ? validateAgainstR4(bundle) : [];
  if (structural.length > 0) throw new FhirBundleRejectedError(structural);
  const planned = planBundleImport(bundle);
  if (!planned.ok) throw new FhirBundleRejectedError(planned.issues);
  const db = await getDb();
  try {
    return await db.transaction((tx) => applyPlan(tx, user, planned.plan));
  } catch (error) {
    if (postgresErrorCode(error) === "23505") {
      throw new FhirBundleRejectedError([
        {
          expression: "Bundle",
          reason: "Someone else imported or added this patient at the same moment; nothing was imported. Import again.",
        },
      ]);
    }
    throw error;
  }
}

async function findOrCreatePatient(tx: Transaction, user: SessionUser, plan: ImportPlan) {
  const [existing] = await tx
    .select({ id: patients.id, birthYear: patients.birthYear, sex: patients.sex })
    .from(patients)
    .where(and(eq(patients.teamId, user.team.id), eq(patients.code, plan.patient.code)))
    .for("update");
  if (existing) {
    // Same code, other person? Merging two people's records would be worse than refusing.
    if (existing.birthYear !== plan.patient.birthYear || existing.sex !== plan.patient.sex) {
      throw new FhirBundleRejectedError([
        {
          expression: "Patient",
          reason: `Your team already has a patient ${plan.patient.code} with another birth year or sex; nothing was imported. Check the code.`,
        },
      ]);
    }
    return { id: existing.id, created: false };
  }
  const [row] = await tx
    .insert(patients)
    .values({ teamId: user.team.id, ...plan.patient, notes: null })
    .returning({ id: patients.id });
  await writeAudit(tx, user, "create", "patient", row.id);
  return { id: row.id, created: true };
}

async function applyPlan(tx: Transaction, user: SessionUser, plan: ImportPlan): Promise<FhirImportSummary> {
  const patient = await findOrCreatePatient(tx, user, plan);
  const summary: FhirImportSummary = {
    patient: { ...patient, code: plan.patient.code },
    added: { courses: 0, doseChanges: 0, adverseEvents: 0, assessments: 0 },
    alreadyPresent: { courses: 0, adverseEvents: 0, assessments: 0 },
  };
  const existingCourses = await tx
    .select({ id: treatmentCourses.id, drug: treatmentCourses.drug, startDate: treatmentCourses.startDate })
    .from(treatmentCourses)
    .where(eq(treatmentCourses.patientId, patient.id));
  const courseIdByEntry = new Map<number, string>();
  const addedCourses = new Set<string>();
  for (const course of plan.courses) {
    const { entry, doseChanges: steps, adverseEvents: events, ...values } = course;
    const existing = existingCourses.find((c) => c.drug === values.drug && c.startDate === values.startDate);
    let courseId = existing?.id;
    if (courseId) summary.alreadyPresent.courses++;
    else {
      [{ id: courseId }] = await tx
        .insert(treatmentCourses)
        .values({ ...values, patientId: patient.id })
        .returning({ id: treatmentCourses.id });
      if (steps.length) await tx.insert(doseChanges).values(steps.map((step) => ({ ...step, courseId: courseId! })));
      await writeAudit(tx, user, "create", "treatment_course", courseId);
      summary.added.courses++;
      addedCourses.add(courseId);
      summary.added.doseChanges += steps.length;
    }
    courseIdByEntry.set(entry, courseId);
    await addAdverseEvents(tx, user, courseId, events, summary);
  }
  const existingScores = await tx
    .select({ id: assessments.id, instrumentId: assessments.instrumentId, takenOn: assessments.takenOn })
    .from(assessments)
    .where(eq(assessments.patientId, patient.id));
  const assessmentIdByEntry = new Map<number, { id: string; instrumentId: string }>();
  for (const assessment of plan.assessments) {
    const existing = existingScores.find((s) => s.instrumentId === assessment.instrumentId && s.takenOn === assessment.takenOn);
    if (existing) {
      assessmentIdByEntry.set(assessment.entry, existing);
      summary.alreadyPresent.assessments++;
      continue;
    }
    const [row] = await tx
      .insert(assessments)
      .values({
        patientId: patient.id,
        courseId: assessment.courseEntry === null ? null : (courseIdByEntry.get(assessment.courseEntry) ?? null),
        instrumentId: assessment.instrumentId,
        takenOn: assessment.takenOn,
        totalScore: assessment.totalScore,
        itemResponses: assessment.itemResponses,
        enteredBy: user.id,
      })
      .returning({ id: assessments.id });
    await writeAudit(tx, user, "create", "assessment", row.id);
    assessmentIdByEntry.set(assessment.entry, { id: row.id, instrumentId: assessment.instrumentId });
    summary.added.assessments++;
  }
  // Baselines chosen for the courses this import added (an existing course keeps its own choices).
  for (const course of plan.courses) {
    const courseId = courseIdByEntry.get(course.entry)!;
    if (!addedCourses.has(courseId)) continue;
    for (const entry of course.baselineEntries) {
      const baseline = assessmentIdByEntry.get(entry)!;
      await tx.insert(courseBaselines).values({ courseId, instrumentId: baseline.instrumentId as InstrumentId, assessmentId: baseline.id });
      await writeAudit(tx, user, "create", "course_baseline", courseId);
    }
  }
  // Under the patient, so the admin's audit trail filtered by patient lists the import.
  await writeAudit(tx, user, "import", "patient", patient.id);
  return summary;
}

async function addAdverseEvents(
  tx: Transaction,
  user: SessionUser,
  courseId: string,
  events: ImportPlan["courses"][number]["adverseEvents"],
  summary: FhirImportSummary,
) {
  if (events.length === 0) return;
  const existing = await tx
    .select({ occurredOn: adverseEvents.occurredOn, event: adverseEvents.event })
    .from(adverseEvents)
    .where(eq(adverseEvents.courseId, courseId));
  for (const event of events) {
    if (existing.some((e) => e.occurredOn === event.occurredOn && e.event === event.event)) {
      summary.alreadyPresent.adverseEvents++;
      continue;
    }
    const [row] = await tx
      .insert(adverseEvents)
      .values({ ...event, courseId })
      .returning({ id: adverseEvents.id });
    await writeAudit(tx, user, "create", "adverse_event", row.id);
    summary.added.adverseEvents++;
  }
}
