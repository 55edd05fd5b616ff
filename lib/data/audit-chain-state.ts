import "server-only";
import {
  chainHeadLink,
  checkSinceLastFull,
  lastFullCheck,
  pendingRows,
  type RecordedCheck,
  runExclusiveFullCheck,
} from "@/db/audit-chain-checks";
import type { ChainBreak } from "@/db/audit-chain";
import { getDb, getOpenDatabase } from "@/db/client";
import { writeAudit } from "./audit";
import { assertCan, type SessionUser } from "./session-user";

export type FullCheckSummary = Pick<RecordedCheck, "checkedAt" | "durationMs" | "throughSeq" | "rowsChecked" | "broken" | "ranBy">;

export type AuditChainState = {
  /** Links in the chain (the newest link's position; positions have no gaps). */
  sealedRows: number;
  lastSealedAt: string | null;
  /** The audit row the newest link seals. */
  lastSealedAuditId: number | null;
  pending: number;
  /** The most recent full walk of the chain as recorded (null when none has run). */
  lastFullCheck: FullCheckSummary | null;
  /** Links sealed after that check: how many, how many this visit checked, and the first that does not match. */
  sinceLastCheck: { links: number; checked: number; broken: ChainBreak | null };
};

const summary = ({ checkedAt, durationMs, throughSeq, rowsChecked, broken, ranBy }: RecordedCheck): FullCheckSummary => ({
  checkedAt,
  durationMs,
  throughSeq,
  rowsChecked,
  broken,
  ranBy,
});

/**
 * The seal of the whole audit trail, for the admin audit page. It does not walk the chain: it reads
 * the newest link and the pending rows through indexes, the last recorded full check, and checks the
 * links sealed since that check (at most INCREMENTAL_LIMIT), so its cost does not grow with the chain
 * (db/audit-chain-checks.ts). The chain is one for the database, so a broken row may belong to another
 * team: only its id and the kind of problem are shown.
 */
export async function auditChainState(user: SessionUser): Promise<AuditChainState> {
  assertCan(user, "audit:read");
  const db = await getDb();
  const [head, last] = await Promise.all([chainHeadLink(db), lastFullCheck(db)]);
  const [pending, since] = await Promise.all([pendingRows(db, head?.sealedBelow ?? null), checkSinceLastFull(db, last, head?.seq ?? 0)]);
  return {
    sealedRows: head?.seq ?? 0,
    lastSealedAt: head?.sealedAt ?? null,
    lastSealedAuditId: head?.auditId ?? null,
    pending,
    lastFullCheck: last ? summary(last) : null,
    sinceLastCheck: { links: since.since, checked: since.checked, broken: since.broken },
  };
}

/**
 * The admin's "Check the whole chain now": walks every link and records the outcome with the admin's
 * id, and audits it in the same transaction (action `check` on the recorded check: its id, outcome
 * and links checked; the chain is the whole database's, so no row's content). Null, and nothing
 * written, when another full check (another admin, the background check) is running at that moment.
 */
export async function checkWholeChainNow(user: SessionUser): Promise<FullCheckSummary | null> {
  assertCan(user, "audit:read");
  const check = await runExclusiveFullCheck(await getOpenDatabase(), "admin", user.id, (tx, recorded) =>
    writeAudit(tx, user, "check", "audit_chain_check", String(recorded.id), user.team.id, [
      { field: "outcome", old: null, new: recorded.broken ? "broken" : "intact" },
      { field: "rows_checked", old: null, new: recorded.rowsChecked },
    ]),
  );
  return check ? summary(check) : null;
}
