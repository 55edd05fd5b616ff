import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { describeChainReport, sealAuditChain, verifyAuditChain } from "@/db/audit-chain";
import { openDatabase, type Database } from "@/db/client";
import { writeAudit } from "@/lib/data/audit";
import { createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const onPostgres = testDatabaseKind() === "postgres";

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Audit row ids in id order, read straight from the table. */
async function auditIds(db: Database): Promise<number[]> {
  return rows<{ id: string }>(await db.execute(sql`select a.id::text as id from audit_log a order by a.id`)).map((r) => Number(r.id));
}

/** As the owner with triggers (the append-only guard among them) bypassed: what issue 13 showed was possible. */
async function asOwnerBypassingTriggers(db: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

/** `n` audit rows of several kinds (reads, a correction with its changes, a row without a user). */
async function writeRows(db: Database, n: number): Promise<void> {
  const { sessionUser } = await createTeamWithUser(db, "clinician");
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0)
      await writeAudit(db, sessionUser, "update", "patient", `p-${i}`, undefined, [{ field: "notes", old: "a", new: `b${i}` }]);
    else if (i % 3 === 1) await writeAudit(db, sessionUser, "read", "patient", `p-${i}`);
    else await writeAudit(db, null, "sign_in_refused", "user", null);
  }
}

describe(`The audit trail's tamper-evident chain (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const fresh = async (n: number) => {
    database = await createTestDatabase();
    await writeRows(database.db, n);
    const { sealed } = await sealAuditChain(database.db);
    expect(sealed).toBe(n);
    return auditIds(database.db);
  };
  afterEach(async () => database?.dispose());

  it("seals every committed row once, in id order, and reports the chain intact", async () => {
    const ids = await fresh(7);
    const chain = rows<{ seq: string; audit_id: string; previous_hash: string; hash: string }>(
      await database.db.execute(
        sql`select seq::text as seq, audit_id::text as audit_id, previous_hash, hash from audit_chain c order by c.seq`,
      ),
    );
    expect(chain.map((c) => Number(c.audit_id))).toEqual(ids);
    expect(chain.map((c) => Number(c.seq))).toEqual(ids.map((_, i) => i + 1));
    expect(chain[0].previous_hash).toBe("0".repeat(64));
    for (let i = 1; i < chain.length; i++) expect(chain[i].previous_hash).toBe(chain[i - 1].hash);

    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ sealedRows: 7, pending: 0, broken: null, lastSealedAuditId: ids[6], headHash: chain[6].hash });
    expect(describeChainReport(report)[0]).toMatch(/^intact: 7 rows, last sealed at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await sealAuditChain(database.db)).sealed).toBe(0);
  });

  it("reports rows written after the last seal as pending, not broken, and seals them next time", async () => {
    await fresh(3);
    await writeRows(database.db, 2);
    expect(await verifyAuditChain(database.db)).toMatchObject({ sealedRows: 3, pending: 2, broken: null });
    expect((await sealAuditChain(database.db)).sealed).toBe(2);
    expect(await verifyAuditChain(database.db)).toMatchObject({ sealedRows: 5, pending: 0, broken: null });
  });

  it("names a sealed row rewritten by the owner with the append-only trigger bypassed", async () => {
    const ids = await fresh(6);
    await asOwnerBypassingTriggers(database.db, sql`update audit_log set record_id = 'someone-else' where id = ${ids[3]}`);
    const report = await verifyAuditChain(database.db);
    expect(report.broken).toMatchObject({ auditId: ids[3], seq: 4 });
    expect(report.broken?.problem).toMatch(/content does not match its seal/);
    expect(report.sealedRows).toBe(3);
  });

  it("catches a change of the timestamp by a microsecond", async () => {
    const ids = await fresh(3);
    await asOwnerBypassingTriggers(database.db, sql`update audit_log set at = at + interval '1 microsecond' where id = ${ids[1]}`);
    expect((await verifyAuditChain(database.db)).broken).toMatchObject({ auditId: ids[1] });
  });

  it("catches a deleted sealed row, and a row deleted together with its link", async () => {
    const ids = await fresh(5);
    await asOwnerBypassingTriggers(database.db, sql`delete from audit_log where id = ${ids[2]}`);
    const report = await verifyAuditChain(database.db);
    expect(report.broken).toMatchObject({ auditId: ids[2] });
    expect(report.broken?.problem).toMatch(/missing from audit_log/);

    const ids2 = await fresh(5);
    await asOwnerBypassingTriggers(database.db, sql`delete from audit_log where id = ${ids2[1]}`);
    await asOwnerBypassingTriggers(database.db, sql`delete from audit_chain where audit_id = ${ids2[1]}`);
    const report2 = await verifyAuditChain(database.db);
    expect(report2.broken).toMatchObject({ seq: 2, auditId: ids2[2] });
    expect(report2.broken?.problem).toMatch(/link 2 of the chain is missing/);
  });

  it("catches two rows whose contents were swapped", async () => {
    const ids = await fresh(5);
    const [a, b] = [ids[1], ids[2]];
    await asOwnerBypassingTriggers(
      database.db,
      sql`update audit_log t set user_id = s.user_id, team_id = s.team_id, action = s.action, record_type = s.record_type,
                                 record_id = s.record_id, ip = s.ip, changes = s.changes
          from (select ${a}::bigint as target, * from audit_log where id = ${b}
                union all select ${b}::bigint, * from audit_log where id = ${a}) s
          where t.id = s.target`,
    );
    const [swappedA] = rows<{ action: string }>(await database.db.execute(sql`select action from audit_log where id = ${a}`));
    expect(swappedA.action).toBe("sign_in_refused"); // the swap really happened (row b was a refused sign-in)
    expect((await verifyAuditChain(database.db)).broken).toMatchObject({ auditId: a });
  });

  it("catches a rewritten link (hash changed to match edited content breaks the next link)", async () => {
    const ids = await fresh(4);
    await asOwnerBypassingTriggers(database.db, sql`update audit_log set action = 'read' where id = ${ids[0]}`);
    await asOwnerBypassingTriggers(database.db, sql`update audit_chain set hash = repeat('a', 64) where audit_id = ${ids[0]}`);
    const report = await verifyAuditChain(database.db);
    expect(report.broken?.auditId).toBe(ids[0]);
  });

  it("two sealers running at once make one chain", async () => {
    database = await createTestDatabase();
    await writeRows(database.db, 120);
    // A second app instance: its own connection pool on PostgreSQL (PGlite has one connection only).
    const second = onPostgres ? await openDatabase({ url: database.url }) : database;
    try {
      const results = await Promise.all([
        sealAuditChain(database.db, 7),
        sealAuditChain(second.db, 7),
        sealAuditChain(database.db, 5),
        sealAuditChain(second.db, 11),
      ]);
      await sealAuditChain(database.db); // whatever a busy sealer left
      expect(results.reduce((sum, r) => sum + r.sealed, 0)).toBeLessThanOrEqual(120);
      const ids = await auditIds(database.db);
      const chained = rows<{ audit_id: string }>(
        await database.db.execute(sql`select c.audit_id::text as audit_id from audit_chain c order by c.seq`),
      );
      expect(chained.map((c) => Number(c.audit_id))).toEqual(ids);
      expect(await verifyAuditChain(database.db)).toMatchObject({ sealedRows: 120, pending: 0, broken: null });
    } finally {
      if (second !== database) await second.close();
    }
  });

  it.skipIf(!onPostgres)("seals while several connections keep writing, and ends with one intact chain of every row", async () => {
    database = await createTestDatabase();
    const { sessionUser } = await createTeamWithUser(database.db, "clinician");
    const writers = await Promise.all([1, 2, 3].map(() => openDatabase({ url: database.url })));
    try {
      let writing = true;
      const write = async (db: Database, w: number) => {
        for (let i = 0; i < 60; i++) {
          await db.transaction(async (tx) => {
            await writeAudit(tx, sessionUser, "read", "patient", `w${w}-${i}`);
            await tx.execute(sql`select pg_sleep(0.002)`);
          });
        }
      };
      const sealing = (async () => {
        let rounds = 0;
        while (writing || rounds === 0) {
          await sealAuditChain(database.db, 9);
          rounds += 1;
        }
        return rounds;
      })();
      await Promise.all(writers.map((w, i) => write(w.db, i)));
      writing = false;
      expect(await sealing).toBeGreaterThan(0);
      await sealAuditChain(database.db);
      const chained = rows<{ audit_id: string }>(
        await database.db.execute(sql`select c.audit_id::text as audit_id from audit_chain c order by c.audit_id`),
      );
      expect(chained.map((c) => Number(c.audit_id))).toEqual(await auditIds(database.db));
      expect(await verifyAuditChain(database.db)).toMatchObject({ sealedRows: 180, pending: 0, broken: null });
    } finally {
      await Promise.all(writers.map((w) => w.close()));
    }
  });

  it.skipIf(!onPostgres)("does not seal past a row whose transaction is still open, and seals it once it commits", async () => {
    database = await createTestDatabase();
    const { sessionUser } = await createTeamWithUser(database.db, "clinician");
    const other = await openDatabase({ url: database.url });
    let commit!: () => void;
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let written!: () => void;
    const writtenInOpenTransaction = new Promise<void>((resolve) => {
      written = resolve;
    });
    try {
      // The slow transaction takes the lower id and commits last.
      const slow = other.db.transaction(async (tx) => {
        await writeAudit(tx, sessionUser, "read", "patient", "slow");
        written();
        await held;
      });
      await writtenInOpenTransaction;
      await writeAudit(database.db, sessionUser, "read", "patient", "fast");
      expect((await sealAuditChain(database.db)).sealed).toBe(0);
      expect(await verifyAuditChain(database.db)).toMatchObject({ sealedRows: 0, pending: 1, broken: null });
      commit();
      await slow;
      expect((await sealAuditChain(database.db)).sealed).toBe(2);
      const chained = rows<{ record_id: string }>(
        await database.db.execute(sql`select a.record_id from audit_chain c join audit_log a on a.id = c.audit_id order by c.seq`),
      );
      expect(chained.map((c) => c.record_id)).toEqual(["slow", "fast"]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ sealedRows: 2, broken: null });
    } finally {
      commit();
      await other.close();
    }
  });

  it.skipIf(!onPostgres)(
    "npm run audit:verify prints intact, then names the rewritten row with a non-zero exit, recording each outcome",
    async () => {
      const ids = await fresh(3);
      const run = () =>
        spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
          env: { ...process.env, DATABASE_URL: database.url },
          encoding: "utf8",
        });
      const intact = run();
      expect(intact.status).toBe(0);
      expect(intact.stdout.split("\n")[0]).toMatch(/^intact: 3 rows, last sealed at \d{4}-.+Z$/);
      await asOwnerBypassingTriggers(database.db, sql`update audit_log set action = 'export' where id = ${ids[1]}`);
      const broken = run();
      expect(broken.status).not.toBe(0);
      expect(broken.stderr.split("\n")[0]).toBe(
        `broken at audit row ${ids[1]} (chain link 2): its content does not match its seal (changed after it was sealed)`,
      );
      const recorded = rows<{ ran_by: string; intact: boolean; rows_checked: string; broken_audit_id: string | null }>(
        await database.db.execute(
          sql`select ran_by, intact, rows_checked::text as rows_checked, broken_audit_id::text as broken_audit_id from audit_chain_checks order by id`,
        ),
      );
      expect(recorded).toEqual([
        { ran_by: "cli", intact: true, rows_checked: "3", broken_audit_id: null },
        { ran_by: "cli", intact: false, rows_checked: "1", broken_audit_id: String(ids[1]) },
      ]);
      expect(broken.stderr).toMatch(/^recorded as check \d+ at \d{4}-.+Z \(\d+ ms\)$/m);
    },
    60_000,
  );
});
