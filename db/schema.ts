import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { HISTORY_RECORD_TYPES, type FieldChange, type RecordValues } from "../lib/history/tracked-fields";

import { ADVERSE_EVENT_SEVERITIES, COURSE_STATUSES } from "@/lib/domain/courses";
import { INSTRUMENT_IDS } from "@/lib/domain/instruments";
import { ROLES } from "@/lib/domain/roles";
import { SEXES } from "@/lib/domain/sexes";
import { WORKLIST_REASONS } from "@/lib/domain/worklist-reasons";
import { ASSESSMENT_SOURCES, SELF_REPORT_INSTRUMENTS } from "@/lib/domain/self-report";

// Re-exported for server-side code that already reads them from here; anything a client component
// needs comes from lib/domain directly.
export { ADVERSE_EVENT_SEVERITIES, COURSE_STATUSES, INSTRUMENT_IDS, ROLES, SEXES };
export type { Role } from "@/lib/domain/roles";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  // Incremented on every edit; edits carry the version they were made from (optimistic locking).
  version: integer("version").notNull().default(1),
};

const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    // The worklist's "follow-up overdue": an active course with no assessment in this many weeks.
    followUpWeeks: integer("follow_up_weeks").notNull().default(4),
    ...timestamps,
  },
  (t) => [check("teams_follow_up_weeks_range", sql`${t.followUpWeeks} between 1 and 52`)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [check("users_email_lowercase", sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`)],
);

// Roles are held per team: the same person may run one clinic and only read another's records.
export const teamMemberships = pgTable(
  "team_memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.teamId] }),
    index("team_memberships_team_idx").on(t.teamId),
    check("team_memberships_role_valid", inList("role", ROLES)),
  ],
);

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    birthYear: integer("birth_year").notNull(),
    sex: text("sex", { enum: SEXES }).notNull(),
    conditions: text("conditions").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("patients_team_code_unique").on(t.teamId, t.code),
    check("patients_birth_year_range", sql`${t.birthYear} between 1900 and 2100`),
    check("patients_sex_valid", inList("sex", SEXES)),
    check("patients_code_not_blank", sql`length(trim(${t.code})) > 0`),
  ],
);

export const treatmentCourses = pgTable(
  "treatment_courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    drug: text("drug").notNull(),
    indication: text("indication").notNull(),
    targetDose: doublePrecision("target_dose").notNull(),
    doseUnit: text("dose_unit").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    status: text("status", { enum: COURSE_STATUSES }).notNull().default("active"),
    stopReason: text("stop_reason"),
    ...timestamps,
  },
  (t) => [
    index("treatment_courses_patient_idx").on(t.patientId, t.startDate),
    index("treatment_courses_drug_status_idx").on(t.drug, t.status),
    check("treatment_courses_dose_positive", sql`${t.targetDose} > 0`),
    check("treatment_courses_unit_not_blank", sql`length(trim(${t.doseUnit})) > 0`),
    check("treatment_courses_end_after_start", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("treatment_courses_status_valid", inList("status", COURSE_STATUSES)),
    check("treatment_courses_end_matches_status", sql`(${t.status} = 'active') = (${t.endDate} is null)`),
  ],
);

export const doseChanges = pgTable(
  "dose_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => treatmentCourses.id, { onDelete: "cascade" }),
    changedOn: date("changed_on", { mode: "string" }).notNull(),
    dose: doublePrecision("dose").notNull(),
    doseUnit: text("dose_unit").notNull(),
    note: text("note"),
    ...timestamps,
  },
  (t) => [index("dose_changes_course_idx").on(t.courseId, t.changedOn), check("dose_changes_dose_positive", sql`${t.dose} > 0`)],
);

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    courseId: uuid("course_id").references(() => treatmentCourses.id, { onDelete: "set null" }),
    instrumentId: text("instrument_id", { enum: INSTRUMENT_IDS }).notNull(),
    takenOn: date("taken_on", { mode: "string" }).notNull(),
    totalScore: doublePrecision("total_score").notNull(),
    itemResponses: jsonb("item_responses").$type<Record<string, number | null>>(),
    // For a self-reported assessment, the team member who sent the link (the record's responsible clinician).
    enteredBy: uuid("entered_by")
      .notNull()
      .references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    // The assessment's id in the system it was imported from (a CSV import's external_id column).
    externalId: text("external_id"),
    // "self_report": the patient answered through a self-report link; created_at is the submission time.
    source: text("source", { enum: ASSESSMENT_SOURCES }).notNull().default("clinician"),
    selfReportLinkId: uuid("self_report_link_id").references(() => selfReportLinks.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    // An import's natural key when the file names an external id: the same row imported twice is one assessment.
    uniqueIndex("assessments_external_key_unique")
      .on(t.patientId, t.instrumentId, t.takenOn, t.externalId)
      .where(sql`${t.externalId} is not null`),
    check("assessments_external_id_not_blank", sql`${t.externalId} is null or length(trim(${t.externalId})) > 0`),
    // Covers a patient's latest score on one instrument (and the last before a course's start), read by index
    // only: the worklist probes it a few times a patient instead of reading all of a team's scores
    // (lib/data/worklist-scores.ts). Replaces the narrower (patient_id, instrument_id, taken_on) index.
    index("assessments_patient_instrument_idx").on(t.patientId, t.instrumentId, t.takenOn, t.createdAt, t.id, t.totalScore, t.enteredBy),
    // Covers a patient's timeline (date, entry order, instrument, total, who entered it), so the worklist and
    // the list read a team's scores by index only, never by a scan of every team's assessments
    // (tests/integration/query-plans.test.ts). Replaces the narrower (patient_id, taken_on) index.
    index("assessments_patient_timeline_idx").on(t.patientId, t.takenOn, t.createdAt, t.id, t.instrumentId, t.totalScore, t.enteredBy),
    check("assessments_instrument_valid", inList("instrument_id", INSTRUMENT_IDS)),
    check("assessments_source_valid", inList("source", ASSESSMENT_SOURCES)),
    check("assessments_link_only_when_self_reported", sql`${t.source} = 'self_report' or ${t.selfReportLinkId} is null`),
    check("assessments_total_finite", sql`${t.totalScore} >= 0 and ${t.totalScore} <= 100`),
  ],
);

// Each patient's latest assessment on each instrument (latest: taken_on, then created_at, then id) with the
// patient's team, copied from `assessments` so the worklist reads a team's latest scores as one index range
// instead of probing every instrument of every patient. Kept by the database itself: statement triggers on
// `assessments` and `patients` (migration 0016_assessment_latest_triggers) rewrite the rows each INSERT, UPDATE
// or DELETE touches, in the same transaction, whichever code path writes. No foreign keys: the triggers run
// after the statement and remove a row whose assessments are gone.
export const assessmentLatest = pgTable(
  "assessment_latest",
  {
    patientId: uuid("patient_id").notNull(),
    instrumentId: text("instrument_id").notNull(),
    teamId: uuid("team_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    takenOn: date("taken_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    totalScore: doublePrecision("total_score").notNull(),
    enteredBy: uuid("entered_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.patientId, t.instrumentId] }),
    // A team's rows by index only (the worklist).
    index("assessment_latest_team_idx").on(
      t.teamId,
      t.patientId,
      t.instrumentId,
      t.takenOn,
      t.createdAt,
      t.assessmentId,
      t.totalScore,
      t.enteredBy,
    ),
  ],
);

// The clinician's choice of baseline for one instrument in one course; without a row, the
// last assessment on or before the start date is the baseline.
export const courseBaselines = pgTable(
  "course_baselines",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => treatmentCourses.id, { onDelete: "cascade" }),
    instrumentId: text("instrument_id", { enum: INSTRUMENT_IDS }).notNull(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.courseId, t.instrumentId] })],
);

export const adverseEvents = pgTable(
  "adverse_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => treatmentCourses.id, { onDelete: "cascade" }),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    event: text("event").notNull(),
    severity: text("severity", { enum: ADVERSE_EVENT_SEVERITIES }).notNull(),
    notes: text("notes"),
    ...timestamps,
  },
  (t) => [
    index("adverse_events_course_idx").on(t.courseId, t.occurredOn),
    check("adverse_events_severity_valid", inList("severity", ADVERSE_EVENT_SEVERITIES)),
    check("adverse_events_event_not_blank", sql`length(trim(${t.event})) > 0`),
  ],
);

/** PostgreSQL's 64-bit transaction id, read and written as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    teamId: uuid("team_id"),
    action: text("action").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id"),
    ip: text("ip"),
    // What an update changed: [{ field, old, new }]; null for reads, creates and other actions.
    changes: jsonb("changes").$type<FieldChange[]>(),
    // The writing transaction's id: the sealer chains only rows whose transaction has certainly ended
    // (below the oldest one still running), so a row that commits late is never skipped (db/audit-chain.ts).
    xid: xid8("xid").notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_xid_idx").on(t.xid),
    index("audit_log_user_idx").on(t.userId, t.at),
    index("audit_log_record_idx").on(t.recordType, t.recordId),
  ],
);

/**
 * The tamper-evident seal of the audit trail: one link per audit row, in the order the sealer chained
 * them (`seq` 1, 2, 3, … without gaps). Each link's hash is SHA-256 over the previous link's hash and
 * the row's canonical content (lib/audit-chain/canonical.ts). Append-only (trigger in its own
 * migration); the app's role may only insert and read it.
 */
export const auditChain = pgTable(
  "audit_chain",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    auditId: bigint("audit_id", { mode: "number" }).notNull(),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
    // The sealing batch's horizon: every audit row written by a transaction below it was sealed by now.
    sealedBelow: xid8("sealed_below").notNull(),
    sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("audit_chain_audit_id_unique").on(t.auditId)],
);

/** Who ran a full check of the audit chain: `npm run audit:verify`, the server's periodic check, or an admin's button. */
export const AUDIT_CHECK_RUNNERS = ["cli", "background", "admin"] as const;
export type AuditCheckRunner = (typeof AUDIT_CHECK_RUNNERS)[number];

/**
 * The outcome of every full check of the audit chain (db/audit-chain-checks.ts), so the admin page
 * reports the last one instead of walking the whole chain on each visit. Append-only like the trail
 * (trigger in its own migration): a recorded outcome cannot be rewritten by the app's role.
 */
export const auditChainChecks = pgTable(
  "audit_chain_checks",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    durationMs: integer("duration_ms").notNull(),
    // The chain's head when the check ended (0 when nothing was sealed): how far the check reached.
    throughSeq: bigint("through_seq", { mode: "number" }).notNull(),
    headHash: text("head_hash"),
    // Links found intact: all of them (= through_seq) when intact, those before the break otherwise.
    rowsChecked: bigint("rows_checked", { mode: "number" }).notNull(),
    intact: boolean("intact").notNull(),
    brokenSeq: bigint("broken_seq", { mode: "number" }),
    brokenAuditId: bigint("broken_audit_id", { mode: "number" }),
    brokenReason: text("broken_reason"),
    ranBy: text("ran_by", { enum: AUDIT_CHECK_RUNNERS }).notNull(),
    ranByUserId: uuid("ran_by_user_id"),
  },
  (t) => [
    index("audit_chain_checks_checked_at_idx").on(t.checkedAt),
    check("audit_chain_checks_ran_by", inList("ran_by", AUDIT_CHECK_RUNNERS)),
    check("audit_chain_checks_outcome", sql`${t.intact} = (${t.brokenReason} is null)`),
  ],
);

/**
 * Every earlier version of a corrected record: the values *before* each change, written in the same
 * transaction as the update. One table for every record type rather than a copy of each table:
 * a snapshot in jsonb needs no migration when a record gains a column, and the patient page reads
 * all of a patient's history with one query. The old values were valid when they were live, so they
 * need no column constraints here. Append-only (trigger in its own migration).
 */
export const recordVersions = pgTable(
  "record_versions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recordType: text("record_type", { enum: HISTORY_RECORD_TYPES }).notNull(),
    recordId: uuid("record_id").notNull(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    // The version these values had; the change made them version + 1.
    version: integer("version").notNull(),
    values: jsonb("values").$type<RecordValues>().notNull(),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Record id first: the patient page reads by record id.
    uniqueIndex("record_versions_record_version_unique").on(t.recordId, t.recordType, t.version),
    index("record_versions_team_idx").on(t.teamId, t.changedAt),
    check("record_versions_type_valid", inList("record_type", HISTORY_RECORD_TYPES)),
  ],
);

// Failed sign-ins per account and per client address, kept in the database so the limit holds
// across several app servers. Keys are "account:<email>" or "ip:<address>".
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

// One row per sign-in. The session cookie (a JWT) carries only this row's random id, so signing out,
// a password reset or a deactivation ends a session here, on the server, whatever the cookie says.
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The team whose records this session works in; chosen with the header's team switcher.
    activeTeamId: uuid("active_team_id").references(() => teams.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

const INVITATION_STATUSES = ["pending", "accepted", "declined"] as const;

// An admin's offer of a team membership to a person who already has an account: it takes effect only
// when that person, signed in, accepts it.
export const teamInvitations = pgTable(
  "team_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: INVITATION_STATUSES }).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("team_invitations_one_pending").on(t.teamId, t.email).where(sql`${t.status} = 'pending'`),
    index("team_invitations_email_idx").on(t.email),
    check("team_invitations_role_valid", inList("role", ROLES)),
    check("team_invitations_status_valid", inList("status", INVITATION_STATUSES)),
  ],
);

// Published studies, loaded from db/seed/data/studies.json. `data` holds the study exactly as
// published in the evidence file; the other columns are copies for listing and matching.
export const studies = pgTable("studies", {
  id: text("id").primaryKey(),
  drug: text("drug").notNull(),
  condition: text("condition"),
  design: text("design"),
  verification: text("verification").notNull(),
  evidenceLevel: text("evidence_level").notNull(),
  citation: text("citation").notNull(),
  doi: text("doi"),
  nTotal: integer("n_total"),
  durationWeeks: integer("duration_weeks"),
  data: jsonb("data").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});

// A clinician's "seen, handled" on one worklist reason for one patient. It holds while the patient's
// latest assessment is still the one recorded here; a newer assessment brings the item back if it still applies.
export const worklistAcknowledgements = pgTable(
  "worklist_acknowledgements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: WORKLIST_REASONS }).notNull(),
    note: text("note").notNull(),
    acknowledgedBy: uuid("acknowledged_by")
      .notNull()
      .references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
    latestAssessmentId: uuid("latest_assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    latestAssessmentOn: date("latest_assessment_on", { mode: "string" }),
  },
  (t) => [
    index("worklist_acknowledgements_team_idx").on(t.teamId, t.patientId, t.reason),
    check("worklist_acknowledgements_reason_valid", inList("reason", WORKLIST_REASONS)),
    check("worklist_acknowledgements_note_not_blank", sql`length(trim(${t.note})) > 0`),
  ],
);

const selfReportInstrumentsValid = (column: string) =>
  sql.raw(
    `cardinality(${column}) between 1 and ${SELF_REPORT_INSTRUMENTS.length} and ${column} <@ array[${SELF_REPORT_INSTRUMENTS.map((v) => `'${v}'`).join(", ")}]::text[]`,
  );

/**
 * "Every N weeks during a course": each time the previous link of the schedule is answered, expired or
 * revoked and N weeks have passed since it was sent, the next link is created (lib/data/self-report-schedules.ts).
 * The patient's e-mail address is kept here only while the schedule runs, to send its next links; it is
 * cleared when the schedule ends. Links themselves never store an address.
 */
export const selfReportSchedules = pgTable(
  "self_report_schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => treatmentCourses.id, { onDelete: "cascade" }),
    instruments: text("instruments").array().notNull(),
    intervalWeeks: integer("interval_weeks").notNull(),
    validDays: integer("valid_days").notNull(),
    email: text("email"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    index("self_report_schedules_active_idx").on(t.endedAt),
    check("self_report_schedules_instruments_valid", selfReportInstrumentsValid("instruments")),
    check("self_report_schedules_interval_range", sql`${t.intervalWeeks} between 1 and 26`),
    check("self_report_schedules_valid_within_interval", sql`${t.validDays} between 1 and ${t.intervalWeeks} * 7`),
    check("self_report_schedules_email_only_while_running", sql`${t.endedAt} is null or ${t.email} is null`),
  ],
);

/**
 * One link a patient opens without an account. Only the SHA-256 of its token is stored: the full URL is
 * shown once to the clinician (and e-mailed, if asked) and cannot be read back from the database.
 */
export const selfReportLinks = pgTable(
  "self_report_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    courseId: uuid("course_id").references(() => treatmentCourses.id, { onDelete: "set null" }),
    scheduleId: uuid("schedule_id").references(() => selfReportSchedules.id, { onDelete: "restrict" }),
    // 1, 2, 3… within a schedule: unique, so two app instances creating "the next link" make only one.
    scheduleSequence: integer("schedule_sequence"),
    instruments: text("instruments").array().notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    // When the link was last e-mailed (the address is not kept).
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("self_report_links_token_hash_unique").on(t.tokenHash),
    uniqueIndex("self_report_links_schedule_sequence_unique").on(t.scheduleId, t.scheduleSequence),
    index("self_report_links_patient_idx").on(t.patientId, t.createdAt),
    index("self_report_links_team_open_idx").on(t.teamId).where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
    check("self_report_links_instruments_valid", selfReportInstrumentsValid("instruments")),
    check("self_report_links_token_hash_format", sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check("self_report_links_expires_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
    check("self_report_links_schedule_sequence", sql`(${t.scheduleId} is null) = (${t.scheduleSequence} is null)`),
  ],
);

// Requests per key in a fixed window (the public self-report route's per-address limit), kept in the
// database so the limit holds across several app servers.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Team = typeof teams.$inferSelect;
export type User = typeof users.$inferSelect;
export type Patient = typeof patients.$inferSelect;
export type TreatmentCourse = typeof treatmentCourses.$inferSelect;
export type DoseChange = typeof doseChanges.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type AdverseEvent = typeof adverseEvents.$inferSelect;
export type RecordVersion = typeof recordVersions.$inferSelect;
export type StudyRow = typeof studies.$inferSelect;
