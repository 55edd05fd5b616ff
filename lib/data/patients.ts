import "server-only";
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, courseBaselines, patients, treatmentCourses, users } from "@/db/schema";
import { patientTrend, type Trend } from "@/lib/progress/trend";
import { writeAudit } from "./audit";
import { qualifiedColumn } from "./qualified-column";
import { isUuid, NotFoundError } from "@/lib/errors";
import { readCourseDetails } from "./course-details";
import { correctionsForRecords } from "./record-history";
import type { SessionUser } from "./session-user";

const PATIENT_PAGE_SIZE = 25;

export type PatientListFilters = {
  code?: string;
  condition?: string;
  drug?: string;
  status?: "on_treatment" | "no_active_treatment";
  sort?: "code" | "last_assessment_desc" | "last_assessment_asc";
  /** Where the page starts: just after this row (the previous page's `nextCursor`); the first page without it. */
  after?: PatientListCursor;
};

/** A row's place in the list's order: its sort key (the last assessment date, for those sorts), code and id. */
export type PatientListCursor = { lastAssessedOn: string | null; code: string; id: string };

export type PatientListPage = { rows: PatientListItem[]; total: number; pageSize: number; nextCursor: PatientListCursor | null };

export type PatientListItem = {
  id: string;
  code: string;
  conditions: string[];
  activeDrugs: string | null;
  lastAssessedOn: string | null;
  trend: Trend | null;
};

const patientId = qualifiedColumn(patients.id);
// Both subqueries are on-index (treatment_courses_patient_idx, assessments_patient_taken_idx).
const activeDrugs = sql<string | null>`(select string_agg(c.drug, ', ' order by c.start_date, c.drug)
  from ${treatmentCourses} c where c.patient_id = ${patientId} and c.status = 'active')`;
const lastAssessedDate = sql`(select max(a.taken_on) from ${assessments} a where a.patient_id = ${patientId})`;
const lastAssessedOn = sql<string | null>`${lastAssessedDate}::text`;
const patientCode = qualifiedColumn(patients.code);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The list's filters as SQL: the active team's patients (not archived) matching them. The team export uses it too. */
export function patientListConditions(user: SessionUser, filters: PatientListFilters): SQL {
  const where: SQL[] = [eq(patients.teamId, user.team.id), isNull(patients.archivedAt)];
  if (filters.code?.trim()) where.push(sql`${patients.code} ilike ${`%${escapeLike(filters.code.trim())}%`}`);
  if (filters.condition) where.push(sql`${filters.condition} = any(${patients.conditions})`);
  if (filters.drug) {
    where.push(
      sql`exists (select 1 from ${treatmentCourses} c where c.patient_id = ${patientId} and lower(c.drug) = lower(${filters.drug}))`,
    );
  }
  if (filters.status === "on_treatment") {
    where.push(sql`exists (select 1 from ${treatmentCourses} c where c.patient_id = ${patientId} and c.status = 'active')`);
  } else if (filters.status === "no_active_treatment") {
    where.push(sql`not exists (select 1 from ${treatmentCourses} c where c.patient_id = ${patientId} and c.status = 'active')`);
  }
  return and(...where)!;
}

/** The rows after the cursor in the sort's order (code and id break ties, so every row has one place). */
function afterCursor(sort: PatientListFilters["sort"], cursor: PatientListCursor): SQL {
  const laterCode = sql`(${patientCode}, ${patientId}) > (${cursor.code}, ${cursor.id}::uuid)`;
  if (sort !== "last_assessment_desc" && sort !== "last_assessment_asc") return laterCode;
  const last = cursor.lastAssessedOn;
  if (sort === "last_assessment_desc") {
    // Newest first, never assessed last.
    return last === null
      ? sql`(${lastAssessedDate} is null and ${laterCode})`
      : sql`(${lastAssessedDate} < ${last}::date or ${lastAssessedDate} is null or (${lastAssessedDate} = ${last}::date and ${laterCode}))`;
  }
  // Oldest first, never assessed first.
  return last === null
    ? sql`(${lastAssessedDate} is not null or ${laterCode})`
    : sql`(${lastAssessedDate} > ${last}::date or (${lastAssessedDate} = ${last}::date and ${laterCode}))`;
}

function orderOf(sort: PatientListFilters["sort"]): SQL[] {
  const byCode = [asc(patients.code), asc(patients.id)];
  if (sort === "last_assessment_desc") return [sql`${lastAssessedDate} desc nulls last`, ...byCode];
  if (sort === "last_assessment_asc") return [sql`${lastAssessedDate} asc nulls first`, ...byCode];
  return byCode;
}

/**
 * One page of the active team's patients (not archived), filtered and sorted in the database. Pages follow
 * a cursor (keyset paging), not an OFFSET: a later page costs what the first does, and a patient added or
 * archived meanwhile neither repeats nor skips a row.
 */
export async function listPatientsForTeam(user: SessionUser, filters: PatientListFilters = {}): Promise<PatientListPage> {
  const db = await getDb();
  const where = patientListConditions(user, filters);
  const pageWhere = filters.after ? and(where, afterCursor(filters.sort, filters.after))! : where;
  const [found, [{ total }]] = await Promise.all([
    db
      .select({ id: patients.id, code: patients.code, conditions: patients.conditions, activeDrugs, lastAssessedOn })
      .from(patients)
      .where(pageWhere)
      .orderBy(...orderOf(filters.sort))
      .limit(PATIENT_PAGE_SIZE + 1),
    db.select({ total: sql<number>`count(*)::int` }).from(patients).where(where),
  ]);
  const rows = found.slice(0, PATIENT_PAGE_SIZE);
  const last = rows.at(-1);
  const nextCursor =
    found.length > PATIENT_PAGE_SIZE && last ? { lastAssessedOn: last.lastAssessedOn, code: last.code, id: last.id } : null;
  return { rows: await withTrends(rows), total, pageSize: PATIENT_PAGE_SIZE, nextCursor };
}

/** Each row's trend from its courses, chosen baselines and scores (lib/progress/trend.ts), read for this page only. */
async function withTrends<R extends { id: string }>(rows: R[]): Promise<(R & { trend: Trend | null })[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  const ids = rows.map((r) => r.id);
  const [courses, choices, scores] = await Promise.all([
    db
      .select({
        id: treatmentCourses.id,
        patientId: treatmentCourses.patientId,
        drug: treatmentCourses.drug,
        targetDose: treatmentCourses.targetDose,
        doseUnit: treatmentCourses.doseUnit,
        startDate: treatmentCourses.startDate,
        endDate: treatmentCourses.endDate,
        status: treatmentCourses.status,
      })
      .from(treatmentCourses)
      .where(inArray(treatmentCourses.patientId, ids)),
    db
      .select({
        courseId: courseBaselines.courseId,
        instrumentId: courseBaselines.instrumentId,
        assessmentId: courseBaselines.assessmentId,
      })
      .from(courseBaselines)
      .innerJoin(treatmentCourses, eq(treatmentCourses.id, courseBaselines.courseId))
      .where(inArray(treatmentCourses.patientId, ids)),
    db
      .select({
        id: assessments.id,
        patientId: assessments.patientId,
        courseId: assessments.courseId,
        instrumentId: assessments.instrumentId,
        takenOn: assessments.takenOn,
        totalScore: assessments.totalScore,
        createdAt: assessments.createdAt,
      })
      .from(assessments)
      .where(inArray(assessments.patientId, ids)),
  ]);
  return rows.map((row) => {
    const own = courses
      .filter((c) => c.patientId === row.id)
      .map((c) => ({
        ...c,
        chosenBaselines: Object.fromEntries(choices.filter((b) => b.courseId === c.id).map((b) => [b.instrumentId, b.assessmentId])),
      }));
    return { ...row, trend: patientTrend({ courses: own, assessments: scores.filter((s) => s.patientId === row.id) }) };
  });
}

/** The patient row if it belongs to one of the user's teams; NotFoundError otherwise. */
export async function findPatientForUser(user: SessionUser, patientId: unknown) {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const db = await getDb();
  const [patient] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.teamId, user.team.id)))
    .limit(1);
  if (!patient) throw new NotFoundError("Patient");
  return patient;
}

export type PatientDetail = Awaited<ReturnType<typeof getPatientRecord>>;

/** Everything the patient page shows, for a patient of the user's teams; the read is audited. */
export async function getPatientRecord(user: SessionUser, patientId: unknown) {
  const patient = await findPatientForUser(user, patientId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const courses = await tx
      .select()
      .from(treatmentCourses)
      .where(eq(treatmentCourses.patientId, patient.id))
      .orderBy(asc(treatmentCourses.startDate));
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
          enteredByName: users.displayName,
          source: assessments.source,
          createdAt: assessments.createdAt,
          updatedAt: assessments.updatedAt,
          version: assessments.version,
        })
        .from(assessments)
        .innerJoin(users, eq(users.id, assessments.enteredBy))
        .where(eq(assessments.patientId, patient.id))
        .orderBy(asc(assessments.takenOn), asc(assessments.createdAt)),
    ]);
    const corrections = await correctionsForRecords(tx, patient.teamId, [
      { recordType: "patient", id: patient.id, current: patient },
      ...courses.map((course) => ({ recordType: "treatment_course" as const, id: course.id, current: course })),
      ...scores.map((score) => ({ recordType: "assessment" as const, id: score.id, current: score })),
    ]);
    const correctionsOfRecord = (id: string) => corrections.get(id) ?? [];
    await writeAudit(tx, user, "read", "patient", patient.id, patient.teamId);
    return {
      patient: {
        id: patient.id,
        teamId: patient.teamId,
        code: patient.code,
        birthYear: patient.birthYear,
        sex: patient.sex,
        conditions: patient.conditions,
        notes: patient.notes,
        archived: patient.archivedAt !== null,
        version: patient.version,
        corrections: correctionsOfRecord(patient.id),
      },
      courses: courses.map((course) => ({
        id: course.id,
        drug: course.drug,
        indication: course.indication,
        targetDose: course.targetDose,
        doseUnit: course.doseUnit,
        startDate: course.startDate,
        endDate: course.endDate,
        status: course.status,
        stopReason: course.stopReason,
        version: course.version,
        doseChanges: doses
          .filter((d) => d.courseId === course.id)
          .map(({ id, changedOn, dose, doseUnit, note }) => ({ id, changedOn, dose, doseUnit, note })),
        adverseEvents: events
          .filter((e) => e.courseId === course.id)
          .map(({ id, occurredOn, event, severity, notes }) => ({ id, occurredOn, event, severity, notes })),
        chosenBaselines: Object.fromEntries(baselines.filter((b) => b.courseId === course.id).map((b) => [b.instrumentId, b.assessmentId])),
        corrections: correctionsOfRecord(course.id),
      })),
      assessments: scores.map((score) => ({ ...score, corrections: correctionsOfRecord(score.id) })),
    };
  });
}

export async function listConditionsAndDrugsForTeam(user: SessionUser): Promise<{ conditions: string[]; drugs: string[] }> {
  const db = await getDb();
  const [conditionRows, drugRows] = await Promise.all([
    db.execute(sql`select distinct unnest(conditions) as value from ${patients} where team_id = ${user.team.id} order by 1`),
    db
      .selectDistinct({ value: treatmentCourses.drug })
      .from(treatmentCourses)
      .innerJoin(patients, eq(patients.id, treatmentCourses.patientId))
      .where(eq(patients.teamId, user.team.id))
      .orderBy(asc(treatmentCourses.drug)),
  ]);
  const rowsOf = (result: unknown) =>
    (Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? [])) as { value: string }[];
  return { conditions: rowsOf(conditionRows).map((r) => r.value), drugs: drugRows.map((r) => r.value) };
}
