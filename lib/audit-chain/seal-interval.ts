/** How often the app seals new audit rows when AUDIT_SEAL_INTERVAL_MS is not set. */
export const DEFAULT_SEAL_INTERVAL_MS = 5000;

/**
 * AUDIT_SEAL_INTERVAL_MS: milliseconds between seals (default 5000); 0 turns the app's sealer off
 * (then `npm run audit:seal` seals on demand). Anything but a whole number ≥ 0 is refused, naming it.
 */
export function sealIntervalFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_SEAL_INTERVAL_MS;
  if (!/^\d+$/.test(value.trim())) {
    throw new Error(`AUDIT_SEAL_INTERVAL_MS must be a whole number of milliseconds (0 turns sealing off), not "${value}"`);
  }
  return Number(value.trim());
}
