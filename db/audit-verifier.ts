import { fullCheckDue, runExclusiveFullCheck } from "./audit-chain-checks";
import type { OpenDatabase } from "./client";

type Holder = { yardstickAuditVerifier?: { stop: () => void } };
const holder = globalThis as unknown as Holder;

/** How often the verifier asks whether a full check is due (the walk itself runs once per interval). */
const POLL_MS = 60_000;
/** The first ask comes soon after start, so a server with no recorded check gets one at once. */
const FIRST_POLL_MS = 5_000;

/**
 * Walks the whole audit chain in the background whenever the last recorded full check (by this
 * server, another instance, `npm run audit:verify` or an admin) is `intervalMs` old or there is none
 * (db/audit-chain-checks.ts explains why). It asks 5 s after start, then every minute (or every interval, when shorter);
 * instances share the answer through the recorded checks and an advisory lock, so the chain is walked
 * about once per interval whatever their number. A broken chain or a failure is one log line with the
 * row id and the kind of problem, never a row's content. 0 starts nothing.
 */
export function startAuditVerifier(open: Pick<OpenDatabase, "db" | "kind">, intervalMs: number): void {
  if (intervalMs <= 0 || holder.yardstickAuditVerifier) return;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    try {
      if (await fullCheckDue(open.db, intervalMs)) {
        const check = await runExclusiveFullCheck(open, "background");
        if (check?.broken) {
          console.error(
            `yardstick: the audit chain is broken at audit row ${check.broken.auditId ?? "?"} (chain link ${check.broken.seq}): ${check.broken.problem}`,
          );
        }
      }
    } catch (error) {
      console.error(`yardstick: checking the audit chain failed (will retry): ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) schedule(POLL_MS);
  };
  const schedule = (delay: number) => {
    timer = setTimeout(run, Math.min(intervalMs, delay));
    timer.unref();
  };
  schedule(FIRST_POLL_MS);
  holder.yardstickAuditVerifier = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      holder.yardstickAuditVerifier = undefined;
    },
  };
}

/** Stops this process's verifier (tests). */
export function stopAuditVerifier(): void {
  holder.yardstickAuditVerifier?.stop();
}
