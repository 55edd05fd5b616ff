import type { AuditChainState } from "@/lib/data/audit-chain-state";

const at = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;
const rows = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "row" : "rows"}`;

/** The seal of the audit trail (db/audit-chain.ts): how far it reaches, what waits, and whether it holds. */
export function AuditChainStatus({ state }: { state: AuditChainState }) {
  const { sealedRows, lastSealedAt, lastSealedAuditId, pending, broken } = state;
  return (
    <section aria-labelledby="audit-chain-heading" className={broken ? "form-error" : "notice"}>
      <h2 id="audit-chain-heading">Tamper check</h2>
      {broken ? (
        <p data-testid="audit-chain-verdict">
          <strong>The audit trail has been altered.</strong> The first row that does not match is audit row {broken.auditId ?? "unknown"}{" "}
          (chain link {broken.seq}): {broken.problem}. The {rows(sealedRows)} before it match their seal.
        </p>
      ) : (
        <p data-testid="audit-chain-verdict">Intact: every sealed row ({rows(sealedRows)}) matches its seal.</p>
      )}
      <dl className="audit-chain-facts">
        <dt>Sealed up to</dt>
        <dd data-testid="audit-chain-sealed">
          {lastSealedAt && lastSealedAuditId !== null ? `audit row ${lastSealedAuditId}, sealed ${at(lastSealedAt)}` : "nothing sealed yet"}
        </dd>
        <dt>Waiting to be sealed</dt>
        <dd data-testid="audit-chain-pending">{rows(pending)}</dd>
      </dl>
      <p className="muted">
        The whole database's trail is chained by SHA-256 a few seconds after each entry; changing, removing or reordering a sealed entry
        shows here and in <code>npm run audit:verify</code>.
      </p>
    </section>
  );
}
