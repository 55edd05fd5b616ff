import type { ReactNode } from "react";
import type { AuditChainState, FullCheckSummary } from "@/lib/data/audit-chain-state";

const at = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;
const rows = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "row" : "rows"}`;
const links = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "link" : "links"}`;

const RUNNERS: Record<FullCheckSummary["ranBy"], string> = {
  background: "the server's periodic check",
  cli: "npm run audit:verify",
  admin: "an admin",
};

function verdict({ lastFullCheck: last, sinceLastCheck: since, sealedRows }: AuditChainState): { altered: boolean; text: ReactNode } {
  if (last?.broken) {
    const { auditId, seq, problem } = last.broken;
    return {
      altered: true,
      text: (
        <>
          <strong>The audit trail has been altered.</strong> The full check of {at(last.checkedAt)} found that the first row that does not
          match is audit row {auditId ?? "unknown"} (chain link {seq}): {problem}. The {rows(last.rowsChecked)} before it match their seal.
        </>
      ),
    };
  }
  if (since.broken) {
    const { auditId, seq, problem } = since.broken;
    return {
      altered: true,
      text: (
        <>
          <strong>The audit trail has been altered.</strong>{" "}
          {auditId === null
            ? `Checked on this visit, chain link ${seq}: ${problem}.`
            : `Among the links sealed since the last full check, the first row that does not match is audit row ${auditId} (chain link ${seq}): ${problem}.`}
        </>
      ),
    };
  }
  if (!last && sealedRows === 0) return { altered: false, text: "Nothing sealed yet, so nothing to check." };
  if (!last) {
    return {
      altered: false,
      text:
        since.checked === sealedRows
          ? `Not checked in full yet. The ${rows(since.checked)} sealed so far match their seal (checked on this visit).`
          : `Not checked in full yet. The first ${rows(since.checked)} of ${rows(sealedRows)} match their seal (checked on this visit).`,
    };
  }
  return {
    altered: false,
    text: `Intact at the last full check (${at(last.checkedAt)}): every sealed row then (${rows(last.rowsChecked)}) matched its seal.`,
  };
}

function sinceText({ lastFullCheck: last, sinceLastCheck: since }: AuditChainState): string {
  if (since.links === 0) return "none";
  if (last?.broken) return `${links(since.links)}, not checked (the chain is broken before them)`;
  if (since.broken) return `${links(since.links)}: one does not match (above)`;
  if (since.checked === since.links) return `${links(since.links)}, all checked on this visit: they match their seal`;
  return `${links(since.links)}: the first ${since.checked.toLocaleString("en")} checked on this visit match their seal; the rest wait for the next full check`;
}

function lastCheckText(last: FullCheckSummary | null): string {
  if (!last) return "none yet";
  const outcome = last.broken
    ? `broken at audit row ${last.broken.auditId ?? "unknown"} (chain link ${last.broken.seq})`
    : `intact through chain link ${last.throughSeq.toLocaleString("en")}`;
  return `${at(last.checkedAt)}, ${rows(last.rowsChecked)} matched, ${outcome}; by ${RUNNERS[last.ranBy]} in ${last.durationMs.toLocaleString("en")} ms`;
}

/**
 * The seal of the audit trail (db/audit-chain.ts): how far it reaches, what waits, the last full check
 * as recorded (with its time: older links are as of then) and the links sealed since, checked on this visit.
 */
export function AuditChainStatus({ state, checkNow }: { state: AuditChainState; checkNow?: ReactNode }) {
  const { sealedRows, lastSealedAt, lastSealedAuditId, pending, lastFullCheck } = state;
  const { altered, text } = verdict(state);
  return (
    <section aria-labelledby="audit-chain-heading" className={altered ? "form-error" : "notice"}>
      <h2 id="audit-chain-heading">Tamper check</h2>
      <p data-testid="audit-chain-verdict">{text}</p>
      <dl className="audit-chain-facts">
        <dt>Sealed up to</dt>
        <dd data-testid="audit-chain-sealed">
          {lastSealedAt && lastSealedAuditId !== null
            ? `audit row ${lastSealedAuditId} (chain link ${sealedRows.toLocaleString("en")}), sealed ${at(lastSealedAt)}`
            : "nothing sealed yet"}
        </dd>
        <dt>Waiting to be sealed</dt>
        <dd data-testid="audit-chain-pending">{rows(pending)}</dd>
        <dt>Last full check</dt>
        <dd data-testid="audit-chain-last-check">{lastCheckText(lastFullCheck)}</dd>
        <dt>Sealed since the last full check</dt>
        <dd data-testid="audit-chain-since">{sinceText(state)}</dd>
      </dl>
      {checkNow}
      <p className="muted">
        The whole database&apos;s trail is chained by SHA-256 a few seconds after each entry. The whole chain is walked in the background
        (hourly by default), by <code>npm run audit:verify</code> and by the button above; each outcome is recorded, and this page shows the
        last one with its time and checks only the links sealed since.
      </p>
    </section>
  );
}
