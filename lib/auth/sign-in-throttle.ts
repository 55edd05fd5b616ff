import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { signInThrottle } from "@/db/schema";

// Failed attempts allowed in one window before the key is locked for the rest of LOCK_MINUTES.
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export function throttleKeys(email: string, ip: string | null): { key: string; limit: number }[] {
  const keys = [{ key: `account:${email.trim().toLowerCase()}`, limit: ACCOUNT_FAILURE_LIMIT }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: IP_FAILURE_LIMIT });
  return keys;
}

/** True when the account or the address is locked now. Unknown emails are limited the same way. */
export async function isSignInLocked(db: Database, email: string, ip: string | null): Promise<boolean> {
  for (const { key } of throttleKeys(email, ip)) {
    const [row] = await db.select({ lockedUntil: signInThrottle.lockedUntil }).from(signInThrottle).where(eq(signInThrottle.key, key)).limit(1);
    if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now()) return true;
  }
  return false;
}

/** Counts a failure atomically (one upsert per key), locking the key when it reaches its limit. */
export async function recordSignInFailure(db: Database, email: string, ip: string | null): Promise<void> {
  const window = sql.raw(`interval '${WINDOW_MINUTES} minutes'`);
  const lock = sql.raw(`interval '${LOCK_MINUTES} minutes'`);
  for (const { key, limit } of throttleKeys(email, ip)) {
    await db.execute(sql`
      insert into ${signInThrottle} (key, failures, window_started_at, locked_until)
      values (${key}, 1, now(), ${limit <= 1 ? sql`now() + ${lock}` : sql`null`})
      on conflict (key) do update set
        failures = case when ${signInThrottle.windowStartedAt} < now() - ${window} then 1 else ${signInThrottle.failures} + 1 end,
        window_started_at = case when ${signInThrottle.windowStartedAt} < now() - ${window} then now() else ${signInThrottle.windowStartedAt} end,
        locked_until = case
          when ${signInThrottle.windowStartedAt} >= now() - ${window} and ${signInThrottle.failures} + 1 >= ${limit} then now() + ${lock}
          else ${signInThrottle.lockedUntil} end`);
  }
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, throttleKeys(email, null)[0].key));
}
