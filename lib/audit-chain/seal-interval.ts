/** How often the app seals new audit rows when AUDIT_SEAL_INTERVAL_MS is not set. */
export const DEFAULT_SEAL_INTERVAL_MS = 5000;

/** How often the app walks the whole chain when AUDIT_VERIFY_INTERVAL_MS is not set: one hour. */
export const DEFAULT_VERIFY_INTERVAL_MS = 3_600_000;

function intervalFrom(name: string, value: string | undefined, fallback: number, off: string): number {
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d+$/.test(value.trim())) {
    throw new Error(`${name} must be a whole number of milliseconds (0 turns ${off} off), not "${value}"`);
  }
  return Number(value.trim());
}

/**
 * AUDIT_SEAL_INTERVAL_MS: milliseconds between seals (default 5000); 0 turns the app's sealer off
 * (then `npm run audit:seal` seals on demand). Anything but a whole number ≥ 0 is refused, naming it.
 */
export function sealIntervalFrom(value: string | undefined): number {
  return intervalFrom("AUDIT_SEAL_INTERVAL_MS", value, DEFAULT_SEAL_INTERVAL_MS, "sealing");
}

/**
 * AUDIT_VERIFY_INTERVAL_MS: how old the last full check of the chain may get before the server walks
 * it again (default one hour); 0 turns the background check off (`npm run audit:verify` and the admin
 * page's button still run one). Anything but a whole number ≥ 0 is refused, naming it.
 */
export function verifyIntervalFrom(value: string | undefined): number {
  return intervalFrom("AUDIT_VERIFY_INTERVAL_MS", value, DEFAULT_VERIFY_INTERVAL_MS, "the background check");
}
