import { type SQL, sql } from "drizzle-orm";
import { type AuditRowContent, GENESIS_HASH, linkHash } from "@/lib/audit-chain/canonical";
import type { Database } from "./client";

// A system task like migrations and seeding (no user, no session): it lives in db/, and the admin
// page reads its report through lib/data/audit-chain-state.ts, which checks the user.

async function selectRows<T>(db: Pick<Database, "execute">, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? [])) as T[];
}

/*
 * Why a sealing step after commit, and one chain for the whole database:
 *
 * Every patient read writes an audit row, so hashing inside the request's own transaction would make
 * every request wait for the previous request's link: one lock that all requests queue on. Instead the
 * request only inserts its row (as before), and a sealer (every AUDIT_SEAL_INTERVAL_MS, default 5 s,
 * and on demand: `npm run audit:seal`) chains the rows that have committed since its last run. One
 * chain per team would still serialise the busy team's requests, and a row without a team (a refused
 * sign-in) would need a chain of its own; a single sealer costs requests nothing.
 *
 * Ids come from a sequence and do not commit in id order: row 11 can commit while row 10's transaction
 * is still open. Sealing "everything above the last sealed id" would skip row 10 for ever. So every
 * audit row records its transaction id (`xid`, default `pg_current_xact_id()`), and a seal takes only
 * rows whose transaction is below the oldest transaction of this database still running (`sealingHorizon`):
 * every transaction below it has ended, and every row still to commit has an xid at or above it. The
 * batch remembers that horizon (`sealed_below`); the next one starts there. A long open transaction
 * only delays sealing (its rows and later ones show as pending), it never forks or skips.
 *
 * The chain is in sealing order (`seq`), rows ordered by id within a batch. Two app instances may both
 * run a sealer: each batch takes a transaction-scoped advisory lock first, and one that cannot get it
 * leaves the work to the other; `seq` is the primary key as well, so a second writer of the same
 * position would fail rather than fork the chain. The sealer only inserts (the app's role may not
 * update audit_log or audit_chain).
 */

/** The advisory lock of the sealer (an arbitrary constant, "yardstick audit chain"). */
const SEAL_LOCK_KEY = 7_105_297_001;
const SEAL_BATCH = 2000;
const VERIFY_PAGE = 5000;

/** The canonical content's columns of audit_log `a`, as text exactly as stored (see AuditRowContent). */
const contentColumns = sql.raw(`a.id::text as id,
  to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  a.user_id::text as user_id, a.team_id::text as team_id, a.action, a.record_type, a.record_id, a.ip, a.changes`);

type ChainHead = { seq: number; hash: string; sealedBelow: string };

async function chainHead(db: Pick<Database, "execute">): Promise<ChainHead | null> {
  const [head] = await selectRows<{ seq: string; hash: string; sealed_below: string }>(
    db,
    sql`select seq::text as seq, hash, sealed_below::text as sealed_below from audit_chain c order by c.seq desc limit 1`,
  );
  return head ? { seq: Number(head.seq), hash: head.hash, sealedBelow: head.sealed_below } : null;
}

const XID_SPAN = 2n ** 32n;
const HALF_SPAN = 2n ** 31n;

/**
 * The 64-bit form of a running transaction's 32-bit xid, given the next xid to be assigned: running
 * xids are always within 2^31 of it (PostgreSQL's wraparound protection), so the signed distance of
 * the low 32 bits places it. Pure; exported for its unit test.
 */
export function widenXid(shortXid: bigint, nextXid: bigint): bigint {
  let distance = (shortXid - (nextXid % XID_SPAN)) % XID_SPAN;
  if (distance < 0n) distance += XID_SPAN;
  if (distance >= HALF_SPAN) distance -= XID_SPAN;
  return nextXid + distance;
}

/**
 * The oldest transaction of this database that may still write: every audit row whose xid is below it
 * has committed (or rolled back and is gone); every row still to commit has an xid at or above it.
 * Only this database's transactions count (the cluster-wide `pg_snapshot_xmin` would let a long
 * transaction in another database of the same server hold sealing back). First the next xid to be
 * assigned, then the running transactions' xids (pg_stat_activity shows `backend_xid` to every role;
 * it is 32-bit, widened with `widenXid`). A transaction that got its xid between the two reads has one
 * at or above the first, so it cannot lower the horizon and is ignored.
 */
async function sealingHorizon(db: Pick<Database, "execute">): Promise<string> {
  const [{ next }] = await selectRows<{ next: string }>(db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as next`);
  const running = await selectRows<{ xid: string }>(
    db,
    sql`select backend_xid::text as xid from pg_stat_activity where datname = current_database() and backend_xid is not null`,
  );
  const nextXid = BigInt(next);
  let horizon = nextXid;
  for (const { xid } of running) {
    const full = widenXid(BigInt(xid), nextXid);
    if (full < horizon) horizon = full;
  }
  return horizon.toString();
}

/** One batch: null when another sealer holds the lock, else the number of rows chained. */
async function sealBatch(db: Database, batchSize: number): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [lock] = await selectRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) as locked`);
    if (!lock.locked) return null;
    const head = await chainHead(tx);
    const from = head?.sealedBelow ?? "0";
    const horizon = await sealingHorizon(tx);
    const rows = await selectRows<AuditRowContent>(
      tx,
      sql`select ${contentColumns} from audit_log a
          where a.xid >= ${from}::xid8 and a.xid < ${horizon}::xid8
            and not exists (select 1 from audit_chain c where c.audit_id = a.id)
          order by a.id limit ${batchSize}`,
    );
    if (rows.length === 0) return 0;
    // A full batch may have left rows below the horizon: keep the old bound until a batch ends short.
    const sealedBelow = rows.length < batchSize ? horizon : from;
    let previous = head?.hash ?? GENESIS_HASH;
    let seq = head?.seq ?? 0;
    const links = rows.map((row) => {
      const hash = linkHash(previous, row);
      seq += 1;
      const link = sql`(${seq}, ${row.id}::bigint, ${previous}, ${hash}, ${sealedBelow}::xid8)`;
      previous = hash;
      return link;
    });
    await tx.execute(sql`insert into audit_chain (seq, audit_id, previous_hash, hash, sealed_below) values ${sql.join(links, sql`, `)}`);
    return rows.length;
  });
}

/**
 * Chains every audit row whose transaction has ended and that is not sealed yet. Returns how many rows
 * it chained, or `busy` when another sealer (another app instance) was sealing at that moment.
 */
export async function sealAuditChain(db: Database, batchSize = SEAL_BATCH): Promise<{ sealed: number; busy: boolean }> {
  let sealed = 0;
  for (;;) {
    const count = await sealBatch(db, batchSize);
    if (count === null) return { sealed, busy: true };
    sealed += count;
    if (count < batchSize) return { sealed, busy: false };
  }
}

export type ChainBreak = { seq: number; auditId: number | null; problem: string };

export type ChainReport = {
  /** Links checked (all of them when intact). */
  sealedRows: number;
  lastSealedAt: string | null;
  lastSealedAuditId: number | null;
  headHash: string | null;
  /** Audit rows not chained yet (newer than the last seal, or still in an open transaction). */
  pending: number;
  /** The first link or row that does not match; null when the whole chain is intact. */
  broken: ChainBreak | null;
};

type LinkRow = AuditRowContent & {
  seq: string;
  audit_id: string;
  previous_hash: string;
  hash: string;
  sealed_at: string;
  sealed_below: string;
  present: boolean;
};

/** What is wrong with one link, given the hash of the link before it; null when it matches. */
function checkLink(link: LinkRow, expectedSeq: number, previousHash: string): ChainBreak | null {
  const auditId = Number(link.audit_id);
  const at = (problem: string): ChainBreak => ({ seq: expectedSeq, auditId, problem });
  if (Number(link.seq) !== expectedSeq) {
    return { seq: expectedSeq, auditId, problem: `link ${expectedSeq} of the chain is missing (removed before the link of this row)` };
  }
  if (link.previous_hash !== previousHash)
    return at("its link does not follow the previous link (a link before it was changed or removed)");
  if (!link.present) return at("the row is missing from audit_log (deleted after it was sealed)");
  if (linkHash(previousHash, link) !== link.hash) return at("its content does not match its seal (changed after it was sealed)");
  return null;
}

type Walk = { checked: number; last: LinkRow | null; broken: ChainBreak | null };

/**
 * Recomputes the links after `from` (a link's seq and hash; seq 0 and the genesis hash for the whole
 * chain) in order, at most `maxLinks` of them, stopping at the first that does not match.
 */
async function walkLinks(db: Pick<Database, "execute">, from: { seq: number; hash: string }, maxLinks: number): Promise<Walk> {
  let previousHash = from.hash;
  let checked = 0;
  let last: LinkRow | null = null;
  let broken: ChainBreak | null = null;
  while (checked < maxLinks) {
    const page = Math.min(VERIFY_PAGE, maxLinks - checked);
    const links: LinkRow[] = await selectRows<LinkRow>(
      db,
      sql`select c.seq::text as seq, c.audit_id::text as audit_id, c.previous_hash, c.hash, c.sealed_below::text as sealed_below,
                 to_char(c.sealed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as sealed_at,
                 (a.id is not null) as present, ${contentColumns}
          from audit_chain c left join audit_log a on a.id = c.audit_id
          where c.seq > ${last ? Number(last.seq) : from.seq}
          order by c.seq limit ${page}`,
    );
    for (const link of links) {
      broken = checkLink(link, from.seq + checked + 1, previousHash);
      if (broken) break;
      checked += 1;
      previousHash = link.hash;
      last = link;
    }
    if (broken || links.length < page) break;
  }
  return { checked, last, broken };
}

/**
 * Checks at most `maxLinks` links sealed after `from` (the head a full check found intact): cheap when
 * few were sealed since. It does not look for rows slipped in below an earlier seal's horizon; only
 * the full check (verifyAuditChain) does.
 */
export async function verifyLinksAfter(
  db: Pick<Database, "execute">,
  from: { seq: number; hash: string },
  maxLinks: number,
): Promise<{ checked: number; broken: ChainBreak | null }> {
  const { checked, broken } = await walkLinks(db, from, maxLinks);
  return { checked, broken };
}

/** Walks the whole chain in order, recomputing every link, then counts the rows waiting to be sealed. */
export async function verifyAuditChain(db: Pick<Database, "execute">): Promise<ChainReport> {
  const { checked, last, broken: linkBreak } = await walkLinks(db, { seq: 0, hash: GENESIS_HASH }, Number.POSITIVE_INFINITY);
  let broken = linkBreak;
  const bound = last?.sealed_below ?? "0";
  if (!broken && last) {
    // A row written before the last seal's horizon but not in the chain was slipped in afterwards.
    const [stray] = await selectRows<{ id: string }>(
      db,
      sql`select a.id::text as id from audit_log a
          where a.xid < ${bound}::xid8 and not exists (select 1 from audit_chain c where c.audit_id = a.id)
          order by a.id limit 1`,
    );
    if (stray) {
      broken = {
        seq: checked + 1,
        auditId: Number(stray.id),
        problem: "the row predates the last seal but is not in the chain (inserted afterwards)",
      };
    }
  }
  const [{ pending }] = await selectRows<{ pending: number }>(
    db,
    sql`select count(*)::int as pending from audit_log a
        where a.xid >= ${bound}::xid8 and not exists (select 1 from audit_chain c where c.audit_id = a.id)`,
  );
  return {
    sealedRows: checked,
    lastSealedAt: last?.sealed_at ?? null,
    lastSealedAuditId: last ? Number(last.audit_id) : null,
    headHash: last?.hash ?? null,
    pending,
    broken,
  };
}

/** The report as `npm run audit:verify` prints it: first line "intact: …" or the first row that does not match. */
export function describeChainReport(report: ChainReport): string[] {
  const pending = `${report.pending} newer row${report.pending === 1 ? "" : "s"} not sealed yet`;
  if (report.broken) {
    const { auditId, seq, problem } = report.broken;
    return [
      `broken at audit row ${auditId ?? "?"} (chain link ${seq}): ${problem}`,
      `${report.sealedRows} rows before it are intact; ${pending}`,
    ];
  }
  return [
    `intact: ${report.sealedRows} rows, last sealed at ${report.lastSealedAt ?? "never"}`,
    `${pending}${report.headHash ? `; head hash ${report.headHash}` : ""}`,
  ];
}
