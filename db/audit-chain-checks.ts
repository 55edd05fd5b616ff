import { type SQL, sql } from "drizzle-orm";
import { GENESIS_HASH } from "@/lib/audit-chain/canonical";
import { type ChainBreak, type ChainReport, verifyAuditChain, verifyLinksAfter } from "./audit-chain";
import type { Database, OpenDatabase } from "./client";
import type { AuditCheckRunner } from "./schema";

/*
 * Why full checks are recorded rather than run on each visit of the admin page (issue 13 follow-up):
 * walking the chain costs time in proportion to its length (22,422 rows took 357 ms; a million rows
 * would take ~16 s per page view). So a full walk runs in the background (every AUDIT_VERIFY_INTERVAL_MS,
 * default 1 hour), from `npm run audit:verify`, and from an admin's "Check the whole chain now" button,
 * and each outcome goes into the append-only `audit_chain_checks`. The page shows the last outcome with
 * its time, and itself checks only the links sealed since that check (at most INCREMENTAL_LIMIT), so
 * its cost no longer grows with the chain. Nothing is weakened: every full check still walks every link
 * and looks for rows slipped in, and a recorded outcome cannot be rewritten by the app's role.
 */

/** The advisory lock of full checks (an arbitrary constant, "yardstick audit check"), distinct from the sealer's. */
export const CHECK_LOCK_KEY = 7_105_297_002;

/** Links the admin page checks itself, at most, past the last full check. */
export const INCREMENTAL_LIMIT = 5000;

async function selectRows<T>(db: Pick<Database, "execute">, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? [])) as T[];
}

export type RecordedCheck = {
  id: number;
  checkedAt: string;
  durationMs: number;
  /** The chain's newest link when the check ended (0: nothing sealed yet). */
  throughSeq: number;
  headHash: string | null;
  /** Links found intact: all of them when intact, those before the first broken one otherwise. */
  rowsChecked: number;
  broken: ChainBreak | null;
  ranBy: AuditCheckRunner;
};

type CheckRow = {
  id: string;
  checked_at: string;
  duration_ms: number;
  through_seq: string;
  head_hash: string | null;
  rows_checked: string;
  broken_seq: string | null;
  broken_audit_id: string | null;
  broken_reason: string | null;
  ran_by: AuditCheckRunner;
};

const checkColumns = sql.raw(`k.id::text as id, to_char(k.checked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as checked_at,
  k.duration_ms, k.through_seq::text as through_seq, k.head_hash, k.rows_checked::text as rows_checked,
  k.broken_seq::text as broken_seq, k.broken_audit_id::text as broken_audit_id, k.broken_reason, k.ran_by`);

function toCheck(row: CheckRow): RecordedCheck {
  return {
    id: Number(row.id),
    checkedAt: row.checked_at,
    durationMs: row.duration_ms,
    throughSeq: Number(row.through_seq),
    headHash: row.head_hash,
    rowsChecked: Number(row.rows_checked),
    broken:
      row.broken_reason === null
        ? null
        : {
            seq: Number(row.broken_seq),
            auditId: row.broken_audit_id === null ? null : Number(row.broken_audit_id),
            problem: row.broken_reason,
          },
    ranBy: row.ran_by,
  };
}

/** The newest link: its seq, audit row, hash and time (null when nothing is sealed). An index lookup. */
export async function chainHeadLink(
  db: Pick<Database, "execute">,
): Promise<{ seq: number; auditId: number; hash: string; sealedAt: string; sealedBelow: string } | null> {
  const [head] = await selectRows<{ seq: string; audit_id: string; hash: string; sealed_at: string; sealed_below: string }>(
    db,
    sql`select c.seq::text as seq, c.audit_id::text as audit_id, c.hash, c.sealed_below::text as sealed_below,
               to_char(c.sealed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as sealed_at
        from audit_chain c order by c.seq desc limit 1`,
  );
  return head
    ? { seq: Number(head.seq), auditId: Number(head.audit_id), hash: head.hash, sealedAt: head.sealed_at, sealedBelow: head.sealed_below }
    : null;
}

/** Audit rows not sealed yet: those at or above the newest seal's horizon (the xid index), not in the chain. */
export async function pendingRows(db: Pick<Database, "execute">, sealedBelow: string | null): Promise<number> {
  const [{ pending }] = await selectRows<{ pending: number }>(
    db,
    sql`select count(*)::int as pending from audit_log a
        where a.xid >= ${sealedBelow ?? "0"}::xid8 and not exists (select 1 from audit_chain c where c.audit_id = a.id)`,
  );
  return pending;
}

/** The most recently recorded full check, or null when none has run. */
export async function lastFullCheck(db: Pick<Database, "execute">): Promise<RecordedCheck | null> {
  const [row] = await selectRows<CheckRow>(
    db,
    sql`select ${checkColumns} from audit_chain_checks k order by k.checked_at desc, k.id desc limit 1`,
  );
  return row ? toCheck(row) : null;
}

type Walk = { report: ChainReport; head: Awaited<ReturnType<typeof chainHeadLink>>; durationMs: number };

/** Walks the whole chain (verifyAuditChain) and finds its newest link: the outcome, not recorded yet. */
async function walkWholeChain(db: Pick<Database, "execute">): Promise<Walk> {
  const started = performance.now();
  const report = await verifyAuditChain(db);
  const head = await chainHeadLink(db);
  return { report, head, durationMs: Math.round(performance.now() - started) };
}

async function insertCheck(
  db: Pick<Database, "execute">,
  { report, head, durationMs }: Walk,
  ranBy: AuditCheckRunner,
  userId: string | null,
): Promise<RecordedCheck> {
  const broken = report.broken;
  const [row] = await selectRows<CheckRow>(
    db,
    sql`insert into audit_chain_checks as k
          (duration_ms, through_seq, head_hash, rows_checked, intact, broken_seq, broken_audit_id, broken_reason, ran_by, ran_by_user_id)
        values (${durationMs}, ${head?.seq ?? 0}, ${broken ? (report.headHash ?? null) : (head?.hash ?? null)}, ${report.sealedRows},
                ${broken === null}, ${broken?.seq ?? null}, ${broken?.auditId ?? null}, ${broken?.problem ?? null}, ${ranBy}, ${userId}::uuid)
        returning ${checkColumns}`,
  );
  return toCheck(row);
}

/** Walks the whole chain (verifyAuditChain) and records the outcome; returns the walk's report and the outcome as recorded. */
export async function recordFullCheck(
  db: Pick<Database, "execute">,
  ranBy: AuditCheckRunner,
  userId: string | null = null,
): Promise<{ report: ChainReport; recorded: RecordedCheck }> {
  const walk = await walkWholeChain(db);
  return { report: walk.report, recorded: await insertCheck(db, walk, ranBy, userId) };
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A write that belongs with a check's record (the admin's audit row), made in the transaction that inserts it. */
export type WithCheckRecord = (tx: Tx, recorded: RecordedCheck) => Promise<void>;

type Holder = { yardstickAuditCheckRunning?: boolean };
const holder = globalThis as unknown as Holder;

/**
 * A full check that no other runs alongside: on PostgreSQL under a transaction-scoped advisory lock
 * (two app instances never both walk the chain; the walk only reads, so the transaction holds no xid
 * until the outcome is inserted and does not hold sealing back); on PGlite (one process, one
 * connection, where a long transaction would block every request) under a flag of this process, the
 * walk outside any transaction. The outcome and `alongside` (e.g. an audit row) are written in one
 * transaction. Returns null when another check was running.
 */
export async function runExclusiveFullCheck(
  open: Pick<OpenDatabase, "db" | "kind">,
  ranBy: AuditCheckRunner,
  userId: string | null = null,
  alongside?: WithCheckRecord,
): Promise<RecordedCheck | null> {
  const record = async (tx: Tx, walk: Walk) => {
    const recorded = await insertCheck(tx, walk, ranBy, userId);
    await alongside?.(tx, recorded);
    return recorded;
  };
  if (open.kind === "pglite") {
    if (holder.yardstickAuditCheckRunning) return null;
    holder.yardstickAuditCheckRunning = true;
    try {
      const walk = await walkWholeChain(open.db);
      return await open.db.transaction((tx) => record(tx, walk));
    } finally {
      holder.yardstickAuditCheckRunning = false;
    }
  }
  return open.db.transaction(async (tx) => {
    const [lock] = await selectRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${CHECK_LOCK_KEY}) as locked`);
    if (!lock.locked) return null;
    return record(tx, await walkWholeChain(tx));
  });
}

/** Whether the last recorded full check (by anyone) is at least `intervalMs` old, or none was recorded (database clock). */
export async function fullCheckDue(db: Pick<Database, "execute">, intervalMs: number): Promise<boolean> {
  const [row] = await selectRows<{ due: boolean }>(
    db,
    sql`select coalesce((select k.checked_at <= now() - make_interval(secs => ${intervalMs / 1000}::double precision)
                         from audit_chain_checks k order by k.checked_at desc, k.id desc limit 1), true) as due`,
  );
  return row.due;
}

/**
 * The links sealed after the last full check, checked now (at most `limit`): starting from the head
 * that check found intact (from the first link when no full check has run). Nothing is checked when
 * that check found the chain broken: it stays broken until the damage is dealt with.
 */
export async function checkSinceLastFull(
  db: Pick<Database, "execute">,
  last: RecordedCheck | null,
  headSeq: number,
  limit = INCREMENTAL_LIMIT,
): Promise<{ since: number; checked: number; broken: ChainBreak | null }> {
  const fromSeq = last?.throughSeq ?? 0;
  const since = Math.max(0, headSeq - fromSeq);
  if (last?.broken) return { since, checked: 0, broken: null };
  if (last && fromSeq > 0) {
    // The link the last full check ended at is its anchor: one primary-key lookup shows whether it was
    // changed or cut off since (removing the newest links and their rows leaves no gap for a walk to find).
    const [anchor] = await selectRows<{ hash: string; audit_id: string }>(
      db,
      sql`select c.hash, c.audit_id::text as audit_id from audit_chain c where c.seq = ${fromSeq}`,
    );
    if (!anchor || anchor.hash !== last.headHash) {
      const problem = anchor
        ? "the newest link the last full check found intact has a different hash now (changed since)"
        : "the newest link the last full check found intact is gone (the end of the chain was removed since)";
      return { since, checked: 0, broken: { seq: fromSeq, auditId: anchor ? Number(anchor.audit_id) : null, problem } };
    }
  }
  if (since === 0) return { since, checked: 0, broken: null };
  const { checked, broken } = await verifyLinksAfter(db, { seq: fromSeq, hash: last?.headHash ?? GENESIS_HASH }, limit);
  return { since, checked, broken };
}
