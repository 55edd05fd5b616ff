import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { signInThrottle } from "@/db/schema";

// Attempts allowed per key in one window; after that the key is locked for LOCK_MINUTES.
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

type Writer = Pick<Database, "execute">;

function throttleKeys(email: string, ip: string | null): { key: string; limit: number }[] {
  const keys = [{ key: `account:${email.trim().toLowerCase()}`, limit: ACCOUNT_FAILURE_LIMIT }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: IP_FAILURE_LIMIT });
  return keys;
}

/**
 * Counts one attempt for the key and says whether it may go on to the password check, in a single
 * upsert: parallel attempts each get their own count, so no more than `limit` of them pass. (Checking
 * first and counting after the slow hash let 13 of 15 parallel attempts through.)
 */
async function claimKey(db: Writer, key: string, limit: number): Promise<boolean> {
  const window = sql.raw(`interval '${WINDOW_MINUTES} minutes'`);
  const lock = sql.raw(`interval '${LOCK_MINUTES} minutes'`);
  const t = signInThrottle;
  const fresh = sql`(${t.windowStartedAt} < now() - ${window} and (${t.lockedUntil} is null or ${t.lockedUntil} <= now()))`;
  const rows = await db.execute<{ failures: number }>(sql`
    insert into ${t} (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), null)
    on conflict (key) do update set
      failures = case when ${fresh} then 1 else ${t.failures} + 1 end,
      window_started_at = case when ${fresh} then now() else ${t.windowStartedAt} end,
      locked_until = case
        when ${fresh} then null
        when ${t.failures} + 1 > ${limit} and (${t.lockedUntil} is null or ${t.lockedUntil} <= now()) then now() + ${lock}
        else ${t.lockedUntil} end
    returning failures`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { failures: number }[] }).rows;
  return Number(list[0].failures) <= limit;
}

/**
 * Counts the attempt against the account and the address before any password is checked; false
 * means refuse without checking. Unknown emails are limited the same way.
 */
export async function claimSignInAttempt(db: Writer, email: string, ip: string | null): Promise<boolean> {
  let allowed = true;
  for (const { key, limit } of throttleKeys(email, ip)) {
    if (!(await claimKey(db, key, limit))) allowed = false;
  }
  return allowed;
}

/** A successful sign-in clears the account's count and gives the address back this attempt. */
export async function releaseAfterSuccess(db: Writer, email: string, ip: string | null): Promise<void> {
  const [account, address] = throttleKeys(email, ip);
  await db.execute(sql`delete from ${signInThrottle} where key = ${account.key}`);
  if (address) {
    await db.execute(sql`update ${signInThrottle} set failures = greatest(failures - 1, 0) where key = ${address.key}`);
  }
}
