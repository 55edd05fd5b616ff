import { sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditChainStatus } from "@/components/admin/audit-chain-status";
import { sealAuditChain } from "@/db/audit-chain";
import {
  CHECK_LOCK_KEY,
  checkSinceLastFull,
  fullCheckDue,
  lastFullCheck,
  recordFullCheck,
  runExclusiveFullCheck,
} from "@/db/audit-chain-checks";
import { startAuditVerifier, stopAuditVerifier } from "@/db/audit-verifier";
import type { Database } from "@/db/client";
import { writeAudit } from "@/lib/data/audit";
import { auditChainState, checkWholeChainNow } from "@/lib/data/audit-chain-state";
import { ForbiddenError } from "@/lib/errors";
import { holdAdvisoryLockElsewhere } from "../support/advisory-lock";
import { addMember, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../support/test-database";

const onPostgres = testDatabaseKind() === "postgres";

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** What the admin audit page shows of the chain, as text. */
const shown = (state: Awaited<ReturnType<typeof auditChainState>>) =>
  renderToStaticMarkup(createElement(AuditChainStatus, { state }))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
const utc = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;

async function auditIds(db: Database): Promise<number[]> {
  return rows<{ id: string }>(await db.execute(sql`select a.id::text as id from audit_log a order by a.id`)).map((r) => Number(r.id));
}

async function asOwnerBypassingTriggers(db: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function writeRows(db: Database, n: number): Promise<void> {
  const { sessionUser } = await createTeamWithUser(db, "clinician");
  for (let i = 0; i < n; i++) await writeAudit(db, sessionUser, "read", "patient", `p-${i}`);
}

/** The recorded checks, read straight from the table. */
async function recordedChecks(db: Database) {
  return rows<{
    checked_at: string;
    through_seq: string;
    head_hash: string | null;
    rows_checked: string;
    intact: boolean;
    broken_audit_id: string | null;
    broken_reason: string | null;
    ran_by: string;
    ran_by_user_id: string | null;
  }>(
    await db.execute(sql`
      select to_char(checked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as checked_at, through_seq::text as through_seq,
             head_hash, rows_checked::text as rows_checked, intact, broken_audit_id::text as broken_audit_id, broken_reason,
             ran_by, ran_by_user_id::text as ran_by_user_id
      from audit_chain_checks order by id`),
  );
}

/** The page's facts found independently: the newest link, the unsealed rows, the last recorded check. */
async function independentFacts(db: Database) {
  const [facts] = rows<{ links: number; pending: number; last_id: string | null; last_at: string | null; head_hash: string | null }>(
    await db.execute(sql`
      select (select count(*)::int from audit_chain) as links,
             (select count(*)::int from audit_log a where not exists (select 1 from audit_chain c where c.audit_id = a.id)) as pending,
             (select audit_id::text from audit_chain where seq = (select max(seq) from audit_chain)) as last_id,
             (select to_char(sealed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from audit_chain
                where seq = (select max(seq) from audit_chain)) as last_at,
             (select hash from audit_chain where seq = (select max(seq) from audit_chain)) as head_hash`),
  );
  const checks = await recordedChecks(db);
  return { ...facts, lastCheck: checks.at(-1) ?? null };
}

describe(`Full checks of the audit chain are recorded; the admin page reports them (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const fresh = async (n: number) => {
    database = await createTestDatabase();
    await writeRows(database.db, n);
    expect((await sealAuditChain(database.db)).sealed).toBe(n);
    const { team } = await createTeamWithUser(database.db, "admin");
    const admin = await addMember(database.db, team.id, "admin");
    const viewer = await addMember(database.db, team.id, "viewer");
    await sealAuditChain(database.db);
    return { ids: await auditIds(database.db), admin, viewer };
  };
  afterEach(async () => {
    stopAuditVerifier();
    await database?.dispose();
  });

  it("records an intact walk, then one that names the rewritten row; the records cannot be changed", async () => {
    const { ids } = await fresh(5);
    const intact = (await recordFullCheck(database.db, "cli")).recorded;
    const [head] = rows<{ seq: string; hash: string }>(
      await database.db.execute(sql`select seq::text as seq, hash from audit_chain order by seq desc limit 1`),
    );
    expect(intact).toMatchObject({ throughSeq: Number(head.seq), rowsChecked: Number(head.seq), headHash: head.hash, broken: null });

    await asOwnerBypassingTriggers(database.db, sql`update audit_log set record_id = 'someone-else' where id = ${ids[2]}`);
    const broken = await runExclusiveFullCheck(database, "background");
    expect(broken?.broken).toMatchObject({ auditId: ids[2], seq: 3 });
    const recorded = await recordedChecks(database.db);
    expect(recorded.map((r) => [r.ran_by, r.intact, r.rows_checked, r.broken_audit_id])).toEqual([
      ["cli", true, head.seq, null],
      ["background", false, "2", String(ids[2])],
    ]);
    expect(recorded[1].broken_reason).toMatch(/content does not match its seal/);
    await expect(database.db.execute(sql`update audit_chain_checks set intact = true`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_chain_checks`)).rejects.toThrow();
    expect(await recordedChecks(database.db)).toEqual(recorded);
  });

  it("shows the admin what an independent query finds, and refuses a viewer", async () => {
    const { admin, viewer } = await fresh(4);
    await recordFullCheck(database.db, "background");
    await writeRows(database.db, 3);
    await sealAuditChain(database.db);
    await writeRows(database.db, 2); // pending
    const state = await auditChainState(admin);
    const facts = await independentFacts(database.db);
    const last = facts.lastCheck!;
    expect(state).toEqual({
      sealedRows: facts.links,
      lastSealedAuditId: Number(facts.last_id),
      lastSealedAt: facts.last_at,
      pending: facts.pending,
      lastFullCheck: {
        checkedAt: last.checked_at,
        durationMs: expect.any(Number),
        throughSeq: Number(last.through_seq),
        rowsChecked: Number(last.rows_checked),
        broken: null,
        ranBy: "background",
      },
      sinceLastCheck: { links: facts.links - Number(last.through_seq), checked: facts.links - Number(last.through_seq), broken: null },
    });
    expect(state.pending).toBeGreaterThanOrEqual(2);
    expect(state.sinceLastCheck.links).toBeGreaterThanOrEqual(3);

    const page = shown(state);
    expect(page).toContain(
      `Intact at the last full check (${utc(last.checked_at)}): every sealed row then (${last.rows_checked} rows) matched its seal.`,
    );
    expect(page).toContain(`Sealed up to audit row ${facts.last_id} (chain link ${facts.links}), sealed ${utc(facts.last_at!)}`);
    expect(page).toContain(`Waiting to be sealed ${facts.pending} rows`);
    expect(page).toMatch(
      new RegExp(
        `Last full check ${utc(last.checked_at)}, ${last.rows_checked} rows matched, intact through chain link ${last.through_seq}; by the server's periodic check in \\d+ ms`,
      ),
    );
    const since = facts.links - Number(last.through_seq);
    expect(page).toContain(`Sealed since the last full check ${since} links, all checked on this visit: they match their seal`);
    await expect(auditChainState(viewer)).rejects.toThrow(ForbiddenError);
    await expect(checkWholeChainNow(viewer)).rejects.toThrow(ForbiddenError);
  });

  it("does not walk the chain: an old row rewritten after the last full check shows only when the button or the CLI walks it", async () => {
    const { ids, admin } = await fresh(6);
    const first = (await recordFullCheck(database.db, "background")).recorded;
    await asOwnerBypassingTriggers(database.db, sql`update audit_log set action = 'export' where id = ${ids[1]}`);
    await writeRows(database.db, 2);
    await sealAuditChain(database.db);

    // The page reports the stored outcome honestly, with its time, and checks the two new links only.
    const before = await auditChainState(admin);
    expect(before.lastFullCheck).toMatchObject({ checkedAt: first.checkedAt, broken: null, rowsChecked: first.rowsChecked });
    expect(before.sinceLastCheck).toMatchObject({ checked: before.sinceLastCheck.links, broken: null });
    expect(before.sinceLastCheck.links).toBeGreaterThanOrEqual(2);
    expect(shown(before)).toContain(`Intact at the last full check (${utc(first.checkedAt)})`);

    // The admin's button walks it all, records who ran it, and the page then shows the altered row.
    const check = await checkWholeChainNow(admin);
    expect(check?.broken).toMatchObject({ auditId: ids[1], seq: 2 });
    const recorded = await recordedChecks(database.db);
    expect(recorded.at(-1)).toMatchObject({ ran_by: "admin", ran_by_user_id: admin.id, intact: false, broken_audit_id: String(ids[1]) });
    const after = await auditChainState(admin);
    expect(after.lastFullCheck?.broken).toMatchObject({ auditId: ids[1] });
    expect(after.sinceLastCheck).toMatchObject({ links: 0, checked: 0, broken: null });
    expect(shown(after)).toContain(
      `The audit trail has been altered. The full check of ${utc(recorded.at(-1)!.checked_at)} found that the first row that does not match is audit row ${ids[1]} (chain link 2): its content does not match its seal (changed after it was sealed). The 1 row before it match their seal.`,
    );
    expect(shown(after)).toContain(`broken at audit row ${ids[1]} (chain link 2); by an admin in`);
  });

  it("catches on the next visit a link sealed since the last full check that was changed", async () => {
    const { admin } = await fresh(3);
    await recordFullCheck(database.db, "cli");
    await writeRows(database.db, 3);
    await sealAuditChain(database.db);
    const newest = (await auditIds(database.db)).at(-2)!;
    await asOwnerBypassingTriggers(database.db, sql`update audit_log set ip = '198.51.100.7' where id = ${newest}`);
    const state = await auditChainState(admin);
    expect(state.lastFullCheck?.broken).toBeNull();
    expect(state.sinceLastCheck.broken).toMatchObject({ auditId: newest });
    expect(shown(state)).toContain(
      `The audit trail has been altered. Among the links sealed since the last full check, the first row that does not match is audit row ${newest}`,
    );
  });

  it("catches on the next visit the end of the chain cut off (links and rows) after the last full check", async () => {
    const { admin } = await fresh(4);
    const last = (await recordFullCheck(database.db, "cli")).recorded;
    const [tail] = rows<{ audit_id: string }>(
      await database.db.execute(sql`select audit_id::text as audit_id from audit_chain where seq = ${last.throughSeq}`),
    );
    await asOwnerBypassingTriggers(database.db, sql`delete from audit_chain where seq = ${last.throughSeq}`);
    await asOwnerBypassingTriggers(database.db, sql`delete from audit_log where id = ${Number(tail.audit_id)}`);
    const state = await auditChainState(admin);
    expect(state.sealedRows).toBe(last.throughSeq - 1);
    expect(state.sinceLastCheck.broken).toMatchObject({ seq: last.throughSeq, auditId: null });
    expect(shown(state)).toContain(
      `The audit trail has been altered. Checked on this visit, chain link ${last.throughSeq}: the newest link the last full check found intact is gone (the end of the chain was removed since).`,
    );
  });

  it("checks at most the given number of links since the last full check, and says so", async () => {
    const { admin } = await fresh(2);
    const last = (await recordFullCheck(database.db, "cli")).recorded;
    await writeRows(database.db, 4);
    await sealAuditChain(database.db);
    const headSeq = (await auditChainState(admin)).sealedRows;
    const since = await checkSinceLastFull(database.db, last, headSeq, 3);
    expect(since).toEqual({ since: headSeq - last.throughSeq, checked: 3, broken: null });
    expect(shown({ ...(await auditChainState(admin)), sinceLastCheck: { links: since.since, checked: 3, broken: null } })).toContain(
      `${since.since} links: the first 3 checked on this visit match their seal; the rest wait for the next full check`,
    );
  });

  it("without any full check yet, the page says so and checks the short chain itself", async () => {
    const { admin } = await fresh(2);
    const state = await auditChainState(admin);
    expect(state.lastFullCheck).toBeNull();
    expect(state.sinceLastCheck).toEqual({ links: state.sealedRows, checked: state.sealedRows, broken: null });
    expect(shown(state)).toContain(`Not checked in full yet. The ${state.sealedRows} rows sealed so far match their seal`);
    expect(shown(state)).toContain("Last full check none yet");
  });

  it("a full check is due when none was recorded or the last is older than the interval", async () => {
    await fresh(1);
    expect(await fullCheckDue(database.db, 3_600_000)).toBe(true);
    await recordFullCheck(database.db, "cli");
    expect(await fullCheckDue(database.db, 3_600_000)).toBe(false);
    expect(await fullCheckDue(database.db, 0)).toBe(true);
  });

  it("the server's background check records its outcome", async () => {
    await fresh(3);
    startAuditVerifier(database, 50);
    await vi.waitFor(async () => expect((await lastFullCheck(database.db))?.ranBy).toBe("background"), { timeout: 20_000, interval: 100 });
    stopAuditVerifier();
    expect((await lastFullCheck(database.db))?.broken).toBeNull();
  });

  it("two full checks never run at once: a second one is refused while the first holds the lock", async () => {
    await fresh(3);
    if (!onPostgres) {
      const [a, b] = await Promise.all([runExclusiveFullCheck(database, "admin"), runExclusiveFullCheck(database, "background")]);
      expect([a === null, b === null].sort()).toEqual([false, true]);
      expect(await recordedChecks(database.db)).toHaveLength(1);
      return;
    }
    // Another app instance holds the check's advisory lock while it walks.
    const other = await holdAdvisoryLockElsewhere(database.url, CHECK_LOCK_KEY);
    try {
      expect(await runExclusiveFullCheck(database, "background")).toBeNull();
      await other.release();
      expect(await runExclusiveFullCheck(database, "background")).not.toBeNull();
      expect(await recordedChecks(database.db)).toHaveLength(1);
    } finally {
      await other.release();
    }
  });
});
