import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkAuditChainAction } from "@/app/(clinic)/admin/audit/actions";
import { sealAuditChain, verifyAuditChain } from "@/db/audit-chain";
import { CHECK_LOCK_KEY, runExclusiveFullCheck } from "@/db/audit-chain-checks";
import type { Database } from "@/db/client";
import { writeAudit } from "@/lib/data/audit";
import { checkWholeChainNow } from "@/lib/data/audit-chain-state";
import { listAuditEntries } from "@/lib/data/audit-queries";
import { signInForTests } from "@/lib/data/test-session";
import { holdAdvisoryLockElsewhere } from "../support/advisory-lock";
import { addMember, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../support/test-database";

// The admin's "Check the whole chain now" is itself audited: one `check` row on the recorded check
// (its id, the outcome, the links checked), written in the transaction that records the check. Outside
// a Next.js request revalidatePath has no cache to clear, so only that function is replaced here.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const onPostgres = testDatabaseKind() === "postgres";

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type CheckAuditRow = { user_id: string; team_id: string; record_type: string; record_id: string; changes: unknown };

/** The `check` audit rows, read straight from the table. */
async function checkAuditRows(db: Database): Promise<CheckAuditRow[]> {
  return rows<CheckAuditRow>(
    await db.execute(sql`select user_id::text as user_id, team_id::text as team_id, record_type, record_id, changes
                         from audit_log where action = 'check' order by id`),
  );
}

/** The newest recorded full check, read straight from its table. */
async function newestRecordedCheck(db: Database) {
  const [row] = rows<{ id: string; intact: boolean; rows_checked: string; ran_by: string; ran_by_user_id: string }>(
    await db.execute(sql`select id::text as id, intact, rows_checked::text as rows_checked, ran_by, ran_by_user_id::text as ran_by_user_id
                         from audit_chain_checks order by id desc limit 1`),
  );
  return row;
}

describe(`"Check the whole chain now" writes one audit row with its outcome (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const fresh = async () => {
    database = await createTestDatabase();
    const { team, sessionUser } = await createTeamWithUser(database.db, "clinician");
    for (let i = 0; i < 4; i++) await writeAudit(database.db, sessionUser, "read", "patient", `p-${i}`);
    const admin = await addMember(database.db, team.id, "admin");
    await sealAuditChain(database.db);
    revalidated.length = 0;
    return { admin, teamId: team.id };
  };
  afterEach(async () => {
    signInForTests(undefined);
    await database?.dispose();
  });

  it("an intact chain: one `check` row by the admin in their team, naming the recorded check, its outcome and links; sealed like any other", async () => {
    const { admin, teamId } = await fresh();
    signInForTests({ userId: admin.id, teamId });
    const state = await checkAuditChainAction({}, new FormData());
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/^Checked: intact, \d+ links? match their seal\.$/) });
    expect(revalidated).toEqual(["/admin/audit"]);

    const check = await newestRecordedCheck(database.db);
    expect(check).toMatchObject({ intact: true, ran_by: "admin", ran_by_user_id: admin.id });
    const [links] = rows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from audit_chain`));
    expect(Number(check.rows_checked)).toBe(links.n);
    expect(await checkAuditRows(database.db)).toEqual([
      {
        user_id: admin.id,
        team_id: teamId,
        record_type: "audit_chain_check",
        record_id: check.id,
        changes: [
          { field: "outcome", old: null, new: "intact" },
          { field: "rows_checked", old: null, new: links.n },
        ],
      },
    ]);

    // The admin's trail lists it by name, like any other entry (field names only).
    const { rows: entries } = await listAuditEntries(admin);
    expect(entries.find((entry) => entry.action === "check")).toMatchObject({
      recordType: "audit_chain_check",
      recordId: check.id,
      userEmail: admin.email,
      changedFields: ["outcome", "rows_checked"],
    });

    // The sealer chains the new row with the others, and the chain stays intact.
    expect((await sealAuditChain(database.db)).sealed).toBeGreaterThanOrEqual(1);
    const report = await verifyAuditChain(database.db);
    expect(report.broken).toBeNull();
    expect(report.pending).toBe(0);
  });

  it("an altered chain: the row says broken, with the links found intact before the altered one", async () => {
    const { admin, teamId } = await fresh();
    const [second] = rows<{ id: string }>(await database.db.execute(sql`select audit_id::text as id from audit_chain where seq = 2`));
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_log set record_id = 'someone-else' where id = ${second.id}`);
    });
    signInForTests({ userId: admin.id, teamId });
    const state = await checkAuditChainAction({}, new FormData());
    expect(state).toMatchObject({ error: expect.stringContaining(`first row that does not match is audit row ${second.id}`) });

    const check = await newestRecordedCheck(database.db);
    expect(check).toMatchObject({ intact: false, rows_checked: "1" });
    const audited = await checkAuditRows(database.db);
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      record_id: check.id,
      changes: [
        { field: "outcome", old: null, new: "broken" },
        { field: "rows_checked", old: null, new: 1 },
      ],
    });
  });

  it("a click while another full check runs checks nothing, records nothing and writes no audit row", async () => {
    const { admin } = await fresh();
    if (!onPostgres) {
      // One process: the first check holds this process's flag while it walks.
      const first = runExclusiveFullCheck(database, "background");
      expect(await checkWholeChainNow(admin)).toBeNull();
      expect(await first).not.toBeNull();
    } else {
      // Another app instance holds the check's advisory lock while it walks.
      const other = await holdAdvisoryLockElsewhere(database.url, CHECK_LOCK_KEY);
      try {
        expect(await checkWholeChainNow(admin)).toBeNull();
      } finally {
        await other.release();
      }
    }
    expect(await checkAuditRows(database.db)).toEqual([]);
  });
});
