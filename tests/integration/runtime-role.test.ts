import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealAuditChain, verifyAuditChain } from "@/db/audit-chain";
import { runExclusiveFullCheck } from "@/db/audit-chain-checks";
import { activateDatabaseForThisProcess, openDatabase, type OpenDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { runtimeRoleWarning, withOwnerDatabase } from "@/db/runtime-role";
import { ACCOUNT_FAILURE_LIMIT, claimSignInAttempt, releaseAfterSuccess } from "@/lib/auth/sign-in-throttle";
import { recordAssessment } from "@/lib/data/assessment-writes";
import { startCourse } from "@/lib/data/course-writes";
import { createPatient, updatePatient } from "@/lib/data/patient-writes";
import { getPatientRecord } from "@/lib/data/patients";
import { createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The error PostgreSQL gives for `statement` run as `db`'s role (the test fails if it succeeds). */
async function refusal(db: OpenDatabase["db"], statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(statement);
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  throw new Error("the statement succeeded");
}

// PostgreSQL only: PGlite has one user, so there is no second role to separate (and no warning).
describe.skipIf(testDatabaseKind() !== "postgres")("The app serves as a least-privilege role (postgres)", () => {
  let database: TestDatabase; // the owner's connection (the test server's user, a superuser)
  let runtime: OpenDatabase;
  const role = `yardstick_auditchain_rt_${randomBytes(4).toString("hex")}`;
  const savedMigrationUrl = process.env.DATABASE_MIGRATION_URL;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false, activate: false });
    await database.db.execute(sql.raw(`create role ${role} login nosuperuser nocreatedb nocreaterole noinherit`));
    const runtimeUrl = new URL(database.url as string);
    runtimeUrl.username = role;
    runtime = await openDatabase({ url: runtimeUrl.toString() });
    // As at start-up: the app's connection is the runtime role, migrations go through DATABASE_MIGRATION_URL.
    process.env.DATABASE_MIGRATION_URL = database.url;
    await prepareDatabase(runtime, { demo: false });
    activateDatabaseForThisProcess(runtime);
  });
  afterAll(async () => {
    if (savedMigrationUrl === undefined) delete process.env.DATABASE_MIGRATION_URL;
    else process.env.DATABASE_MIGRATION_URL = savedMigrationUrl;
    await runtime?.close();
    await database.dispose();
    const admin = await openDatabase({ url: process.env.TEST_DATABASE_URL });
    await admin.db.execute(sql.raw(`drop role if exists ${role}`));
    await admin.close();
  });

  it("the runtime role is no superuser and owns nothing; the owner's tables got migrated", async () => {
    const [facts] = rows<{ superuser: boolean; owned: number; tables: number }>(
      await runtime.db.execute(sql`
        select r.rolsuper as superuser,
               (select count(*)::int from pg_class c where c.relowner = r.oid) as owned,
               (select count(*)::int from pg_tables where schemaname = 'public') as tables
        from pg_roles r where r.rolname = current_user`),
    );
    expect(facts).toEqual({ superuser: false, owned: 0, tables: expect.any(Number) });
    expect(facts.tables).toBeGreaterThan(10);
    expect(await runtimeRoleWarning(runtime)).toBeNull();
  });

  it("cannot update, delete or truncate the audit trail, its chain, its recorded checks or the kept versions", async () => {
    for (const table of ["audit_log", "audit_chain", "audit_chain_checks", "record_versions"]) {
      expect(
        await refusal(
          runtime.db,
          sql.raw(`update ${table} set ${table === "audit_chain" ? "hash" : "id"} = ${table === "audit_chain" ? "hash" : "id"}`),
        ),
      ).toMatch(/permission denied/);
      expect(await refusal(runtime.db, sql.raw(`delete from ${table}`))).toMatch(/permission denied/);
      expect(await refusal(runtime.db, sql.raw(`truncate ${table}`))).toMatch(/permission denied/);
    }
  });

  it("cannot switch the append-only triggers off, by ALTER TABLE or by session_replication_role", async () => {
    expect(await refusal(runtime.db, sql`alter table audit_log disable trigger audit_log_no_update_or_delete`)).toMatch(/must be owner/);
    expect(await refusal(runtime.db, sql`alter table audit_log disable trigger all`)).toMatch(/must be owner/);
    expect(await refusal(runtime.db, sql`set session_replication_role = replica`)).toMatch(/permission denied/);
    expect(await refusal(runtime.db, sql`set local session_replication_role = replica`)).toMatch(/permission denied/);
    expect(await refusal(runtime.db, sql`drop table audit_log`)).toMatch(/must be owner/);
  });

  it("the app's own work runs as the runtime role: writes, reads with their audit rows, corrections, sign-in limits, sealing", async () => {
    const { sessionUser } = await createTeamWithUser(runtime.db, "clinician");
    const patientInput = { code: "ROLE-1", birthYear: 1970, sex: "female" as const, conditions: ["fibromyalgia"], notes: null };
    const { id: patientId } = await createPatient(sessionUser, patientInput);
    const { id: courseId } = await startCourse(sessionUser, patientId, {
      drug: "memantine",
      indication: "fibromyalgia",
      targetDose: 20,
      doseUnit: "mg/day",
      startDate: "2026-05-01",
    });
    await recordAssessment(sessionUser, patientId, { instrumentId: "pain_nrs_0_10", takenOn: "2026-06-01", courseId, total: 6 });
    await updatePatient(sessionUser, patientId, 1, { ...patientInput, notes: "corrected" }); // writes record_versions
    const record = await getPatientRecord(sessionUser, patientId);
    expect(record.assessments).toHaveLength(1);

    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect(await claimSignInAttempt(runtime.db, "role@clinic.test", null)).toBe(true);
    await releaseAfterSuccess(runtime.db, "role@clinic.test", null); // the one DELETE the app makes

    const [{ n }] = rows<{ n: number }>(await runtime.db.execute(sql`select count(*)::int as n from audit_log`));
    expect(n).toBeGreaterThanOrEqual(5);
    expect((await sealAuditChain(runtime.db)).sealed).toBe(n);
    expect(await verifyAuditChain(runtime.db)).toMatchObject({ sealedRows: n, pending: 0, broken: null });
    const check = await runExclusiveFullCheck(runtime, "background"); // records its outcome: an INSERT the role may make
    expect(check).toMatchObject({ throughSeq: n, rowsChecked: n, broken: null, ranBy: "background" });
  });

  it("may delete only where the app deletes", async () => {
    expect(await refusal(runtime.db, sql`delete from patients`)).toMatch(/permission denied/);
    expect(await refusal(runtime.db, sql`delete from sessions`)).toMatch(/permission denied/);
  });

  it("a table that a later migration adds gets the grants at the next start, append-only ones without update", async () => {
    await database.db.execute(sql`create table later_feature (id int primary key, note text)`);
    await database.db.execute(sql`create table later_log (id int primary key)`);
    await database.db.execute(
      sql`create function later_log_refuse_change() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$`,
    );
    await database.db.execute(
      sql`create trigger later_log_guard before update on later_log for each row execute function later_log_refuse_change()`,
    );
    expect(await refusal(runtime.db, sql`insert into later_feature values (1, 'a')`)).toMatch(/permission denied/);
    await withOwnerDatabase(runtime, async () => {}); // what every start does after its migrations
    await runtime.db.execute(sql`insert into later_feature values (1, 'a')`);
    await runtime.db.execute(sql`update later_feature set note = 'b' where id = 1`);
    await runtime.db.execute(sql`insert into later_log values (1)`);
    expect(await refusal(runtime.db, sql`update later_log set id = 2`)).toMatch(/permission denied/);
  });

  it("warns once at start-up when the app's role is a superuser or owns the tables", async () => {
    expect(await runtimeRoleWarning(database)).toMatch(/^yardstick: warning: the app connects as database role ".+", which is a superuser/);
  });
});

describe.skipIf(testDatabaseKind() !== "pglite")("On PGlite (one user) (pglite)", () => {
  it("start-up prints no role warning, though that one user owns everything", async () => {
    const database = await createTestDatabase({ activate: false });
    try {
      expect(await runtimeRoleWarning(database)).toBeNull();
    } finally {
      await database.dispose();
    }
  });
});
