import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { adverseEvents, assessments, doseChanges, patients, treatmentCourses } from "@/db/schema";
import type { ImportKind } from "@/lib/import/formats";
import { adverseEventsCsv, assessmentsCsv, coursesCsv, patientsCsv } from "@/lib/import/export-rows";
import { writeAudit } from "./audit";
import { chunks, type Tx } from "./import/context";
import { findPatientForUser, patientListConditions, type PatientListFilters } from "./patients";
import { assertCan, type SessionUser } from "./session-user";

type Patient = { id: string; code: string; birthYear: number; sex: string; conditions: string[]; notes: string | null };

async function coursesOf(tx: Tx, found: Patient[]) {
  const codeOf = new Map(found.map((p) => [p.id, p.code]));
  const courses = [];
  for (const batch of chunks(found.map((p) => p.id))) {
    const rows = await tx
      .select()
      .from(treatmentCourses)
      .where(inArray(treatmentCourses.patientId, batch))
      .orderBy(asc(treatmentCourses.startDate), asc(treatmentCourses.drug));
    const doses: (typeof doseChanges.$inferSelect)[] = [];
    for (const ids of chunks(rows.map((c) => c.id))) {
      doses.push(
        ...(await tx
          .select()
          .from(doseChanges)
          .where(inArray(doseChanges.courseId, ids))
          .orderBy(asc(doseChanges.changedOn), asc(doseChanges.createdAt))),
      );
    }
    courses.push(
      ...rows.map((c) => ({
        ...c,
        patientCode: codeOf.get(c.patientId)!,
        doses: doses.filter((d) => d.courseId === c.id).map(({ changedOn, dose, doseUnit, note }) => ({ changedOn, dose, doseUnit, note })),
      })),
    );
  }
  return courses.sort((a, b) => a.patientCode.localeCompare(b.patientCode));
}

async function assessmentsOf(tx: Tx, found: Patient[]) {
  const codeOf = new Map(found.map((p) => [p.id, p.code]));
  const out = [];
  for (const batch of chunks(found.map((p) => p.id))) {
    const rows = await tx
      .select({
        patientId: assessments.patientId,
        instrumentId: assessments.instrumentId,
        takenOn: assessments.takenOn,
        totalScore: assessments.totalScore,
        itemResponses: assessments.itemResponses,
        externalId: assessments.externalId,
        courseDrug: treatmentCourses.drug,
        courseStart: treatmentCourses.startDate,
      })
      .from(assessments)
      .leftJoin(treatmentCourses, eq(treatmentCourses.id, assessments.courseId))
      .where(inArray(assessments.patientId, batch))
      .orderBy(asc(assessments.takenOn), asc(assessments.instrumentId), asc(assessments.createdAt));
    out.push(
      ...rows.map((a) => ({
        ...a,
        patientCode: codeOf.get(a.patientId)!,
        course: a.courseDrug && a.courseStart ? { drug: a.courseDrug, startDate: a.courseStart } : null,
      })),
    );
  }
  return out.sort((a, b) => a.patientCode.localeCompare(b.patientCode));
}

async function adverseEventsOf(tx: Tx, found: Patient[]) {
  const codeOf = new Map(found.map((p) => [p.id, p.code]));
  const out = [];
  for (const batch of chunks(found.map((p) => p.id))) {
    const rows = await tx
      .select({
        patientId: treatmentCourses.patientId,
        drug: treatmentCourses.drug,
        startDate: treatmentCourses.startDate,
        occurredOn: adverseEvents.occurredOn,
        event: adverseEvents.event,
        severity: adverseEvents.severity,
        notes: adverseEvents.notes,
      })
      .from(adverseEvents)
      .innerJoin(treatmentCourses, eq(treatmentCourses.id, adverseEvents.courseId))
      .where(inArray(treatmentCourses.patientId, batch))
      .orderBy(asc(treatmentCourses.startDate), asc(treatmentCourses.drug), asc(adverseEvents.occurredOn), asc(adverseEvents.createdAt));
    out.push(
      ...rows.map(({ patientId, drug, startDate, ...event }) => ({
        ...event,
        patientCode: codeOf.get(patientId)!,
        course: { drug, startDate },
      })),
    );
  }
  return out.sort((a, b) => a.patientCode.localeCompare(b.patientCode));
}

async function csvOf(tx: Tx, kind: ImportKind, found: Patient[]): Promise<{ csv: string; rows: number }> {
  if (kind === "patients") return { csv: patientsCsv(found), rows: found.length };
  if (kind === "courses") {
    const courses = await coursesOf(tx, found);
    return { csv: coursesCsv(courses), rows: courses.length };
  }
  if (kind === "adverse_events") {
    const events = await adverseEventsOf(tx, found);
    return { csv: adverseEventsCsv(events), rows: events.length };
  }
  const scores = await assessmentsOf(tx, found);
  return { csv: assessmentsCsv(scores), rows: scores.length };
}

const patientColumns = {
  id: patients.id,
  code: patients.code,
  birthYear: patients.birthYear,
  sex: patients.sex,
  conditions: patients.conditions,
  notes: patients.notes,
};

/** The active team's patients matching the patient list's filters (page and sort aside), as a CSV of the kind; audited. */
export async function exportTeamCsv(user: SessionUser, kind: ImportKind, filters: PatientListFilters): Promise<string> {
  assertCan(user, "patient:read");
  const where: SQL = patientListConditions(user, filters);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await tx.select(patientColumns).from(patients).where(where).orderBy(asc(patients.code));
    const { csv, rows } = await csvOf(tx, kind, found);
    await writeAudit(tx, user, "export", "csv_export", null, user.team.id, [
      { field: "kind", old: null, new: kind },
      { field: "rows", old: null, new: rows },
      { field: "patients", old: null, new: found.length },
    ]);
    return csv;
  });
}

/** One patient of the active team as a CSV of the kind (another team's patient is not found); audited. */
export async function exportPatientCsv(user: SessionUser, patientId: unknown, kind: ImportKind): Promise<{ csv: string; code: string }> {
  const patient = await findPatientForUser(user, patientId);
  assertCan(user, "patient:read");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select(patientColumns)
      .from(patients)
      .where(and(eq(patients.id, patient.id), eq(patients.teamId, user.team.id)));
    const { csv } = await csvOf(tx, kind, [found]);
    await writeAudit(tx, user, "export", "patient", patient.id, patient.teamId, [{ field: "kind", old: null, new: kind }]);
    return { csv, code: patient.code };
  });
}
