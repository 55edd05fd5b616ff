import "server-only";
import { getDb } from "@/db/client";
import { type ChainBreak, verifyAuditChain } from "@/db/audit-chain";
import { assertCan, type SessionUser } from "./session-user";

export type AuditChainState = {
  sealedRows: number;
  lastSealedAt: string | null;
  /** The audit row the newest link seals. */
  lastSealedAuditId: number | null;
  pending: number;
  /** The first row that does not match (its id and what is wrong; never its content), or null when intact. */
  broken: ChainBreak | null;
};

/**
 * The seal of the whole audit trail, for the admin audit page: checked in full on each request (the
 * chain is one for the database, so the first broken row may belong to another team: only its id and
 * the kind of problem are shown).
 */
export async function auditChainState(user: SessionUser): Promise<AuditChainState> {
  assertCan(user, "audit:read");
  const { sealedRows, lastSealedAt, lastSealedAuditId, pending, broken } = await verifyAuditChain(await getDb());
  return { sealedRows, lastSealedAt, lastSealedAuditId, pending, broken };
}
