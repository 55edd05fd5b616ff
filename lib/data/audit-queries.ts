import "server-only";
import { guardCell } from "@/lib/csv/cell-guard";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  adverseEvents,
  assessments,
  auditLog,
  doseChanges,
  patients,
  selfReportLinks,
  selfReportSchedules,
  treatmentCourses,
  users,
} from "@/db/schema";
import { auditFiltersSchema, parseOrRefuse, type AuditFilterInput, type AuditFilters } from "@/lib/validation/admin";
import type { FieldChange } from "@/lib/history/tracked-fields";
import { writeAudit } from "./audit";
import { ValidationError } from "@/lib/errors";
import { assertCan, type SessionUser } from "./session-user";

const AUDIT_PAGE_SIZE = 50;
/** Above this many rows the export asks for a narrower range rather than building a huge file in memory. */
const AUDIT_EXPORT_LIMIT = 100_000;

export type AuditEntry = {
  id: number;
  at: string;
  userEmail: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  /** The fields an update changed, by name only (see `changedFieldNames`). */
  changedFields: string[];
};

export type AuditPage = { rows: AuditEntry[]; total: number; page: number; pageSize: number };

/**
 * Entries about the patient or anything recorded for them: its courses, doses, side effects,
 * baselines, assessments and self-report links and schedules are audited under their own ids.
 */
function touchesPatient(patientId: string): SQL {
  const ids = (subquery: SQL) => sql`${auditLog.recordId} in (${subquery})`;
  return sql`(
    (${auditLog.recordType} = 'patient' and ${auditLog.recordId} = ${patientId})
    or (${auditLog.recordType} = 'assessment' and ${ids(sql`select a.id::text from ${assessments} a where a.patient_id = ${patientId}`)})
    or (${auditLog.recordType} in ('treatment_course', 'course_baseline') and ${ids(sql`select c.id::text from ${treatmentCourses} c where c.patient_id = ${patientId}`)})
    or (${auditLog.recordType} = 'dose_change' and ${ids(sql`select d.id::text from ${doseChanges} d join ${treatmentCourses} c on c.id = d.course_id where c.patient_id = ${patientId}`)})
    or (${auditLog.recordType} = 'adverse_event' and ${ids(sql`select e.id::text from ${adverseEvents} e join ${treatmentCourses} c on c.id = e.course_id where c.patient_id = ${patientId}`)})
    or (${auditLog.recordType} = 'self_report_link' and ${ids(sql`select l.id::text from ${selfReportLinks} l where l.patient_id = ${patientId}`)})
    or (${auditLog.recordType} = 'self_report_schedule' and ${ids(sql`select s.id::text from ${selfReportSchedules} s where s.patient_id = ${patientId}`)})
  )`;
}

const startOfUtcDay = (isoDate: string, plusDays = 0) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + plusDays * 86_400_000);

async function patientIdOf(user: SessionUser, filters: AuditFilters): Promise<string | undefined> {
  if (filters.patientId || !filters.patientCode) return filters.patientId;
  const db = await getDb();
  const [patient] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.teamId, user.team.id), eq(patients.code, filters.patientCode)))
    .limit(1);
  if (!patient) throw new ValidationError({ patientCode: "No patient with this code in your team." });
  return patient.id;
}

/** The admin's team's entries matching the filters; dates are whole days in UTC, both ends included. */
async function auditConditions(user: SessionUser, filters: AuditFilters): Promise<SQL> {
  const where: SQL[] = [eq(auditLog.teamId, user.team.id)];
  if (filters.userId) where.push(eq(auditLog.userId, filters.userId));
  const patientId = await patientIdOf(user, filters);
  if (patientId) where.push(touchesPatient(patientId));
  if (filters.from) where.push(gte(auditLog.at, startOfUtcDay(filters.from)));
  if (filters.to) where.push(lt(auditLog.at, startOfUtcDay(filters.to, 1)));
  return and(...where)!;
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  userEmail: users.email,
  action: auditLog.action,
  recordType: auditLog.recordType,
  recordId: auditLog.recordId,
  ip: auditLog.ip,
  changes: auditLog.changes,
};

/**
 * The admin's trail and its CSV name the changed fields, not their values: old and new values are
 * clinical data (scores, free-text notes) that would otherwise leave the app in a downloaded file.
 * They stay in the database, and the patient's record shows them to its team, where reading is audited.
 */
function changedFieldNames(changes: FieldChange[] | null): string[] {
  return (changes ?? []).map((change) => change.field);
}

function toEntry({ changes, ...row }: { at: Date; changes: FieldChange[] | null } & Omit<AuditEntry, "at" | "changedFields">): AuditEntry {
  return { ...row, at: row.at.toISOString(), changedFields: changedFieldNames(changes) };
}

/** One page of the admin's team's audit trail, newest first; reading it is itself audited. */
export async function listAuditEntries(user: SessionUser, input: AuditFilterInput = {}): Promise<AuditPage> {
  assertCan(user, "audit:read");
  const filters = parseOrRefuse(auditFiltersSchema, input);
  const where = await auditConditions(user, filters);
  const page = filters.page ?? 1;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select(entryColumns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE);
    const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
    await writeAudit(tx, user, "read", "audit_log", null);
    return { rows: rows.map(toEntry), total, page, pageSize: AUDIT_PAGE_SIZE };
  });
}

const AUDIT_CSV_HEADER = ["at", "user_email", "action", "record_type", "record_id", "ip", "changed_fields"] as const;

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would read as a formula gets a leading quote
 * (OWASP "CSV injection"): the ip column, for one, comes from a request header anyone can set.
 */
export function csvCell(value: string | number | null): string {
  const text = guardCell(value === null ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function auditCsv(entries: AuditEntry[]): string {
  const lines = [
    AUDIT_CSV_HEADER.join(","),
    ...entries.map((e) => [e.at, e.userEmail, e.action, e.recordType, e.recordId, e.ip, e.changedFields.join(" ")].map(csvCell).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** Every matching entry (no pages) as CSV text, newest first; the export is itself audited. */
export async function auditEntriesCsv(user: SessionUser, input: AuditFilterInput = {}): Promise<string> {
  assertCan(user, "audit:read");
  const filters = parseOrRefuse(auditFiltersSchema, input);
  const where = await auditConditions(user, filters);
  const db = await getDb();
  const rows = await db.transaction(async (tx) => {
    const found = await tx
      .select(entryColumns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_EXPORT_LIMIT + 1);
    if (found.length > AUDIT_EXPORT_LIMIT) {
      throw new ValidationError({
        from: `More than ${AUDIT_EXPORT_LIMIT.toLocaleString("en")} entries match; choose a shorter date range.`,
      });
    }
    await writeAudit(tx, user, "export", "audit_log", null);
    return found;
  });
  return auditCsv(rows.map(toEntry));
}
