import { sealAuditChain } from "./audit-chain";
import type { Database } from "./client";

type Holder = { yardstickAuditSealer?: { stop: () => void } };
const holder = globalThis as unknown as Holder;

/**
 * Seals new audit rows every `intervalMs` in the background (db/audit-chain.ts explains the
 * design). One sealer per process (kept on globalThis, so a dev reload does not start a second); runs
 * never overlap; a failure is one log line, and the next run tries again. 0 starts nothing.
 */
export function startAuditSealer(db: Database, intervalMs: number): void {
  if (intervalMs <= 0 || holder.yardstickAuditSealer) return;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    try {
      await sealAuditChain(db);
    } catch (error) {
      console.error(`yardstick: sealing the audit trail failed (will retry): ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(run, intervalMs);
    timer.unref();
  };
  schedule();
  holder.yardstickAuditSealer = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      holder.yardstickAuditSealer = undefined;
    },
  };
}

/** Stops this process's sealer (tests). */
export function stopAuditSealer(): void {
  holder.yardstickAuditSealer?.stop();
}
