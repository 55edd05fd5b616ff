import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

type Writer = Pick<Database, "execute">;

/**
 * Counts one request against `key` in a fixed window and says whether it is within `limit`, in one
 * upsert: parallel requests each get their own count, and every app server shares the same rows.
 */
export async function claimRateLimit(db: Writer, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const window = sql.raw(`interval '${Math.trunc(windowSeconds)} seconds'`);
  const t = rateLimits;
  const fresh = sql`${t.windowStartedAt} <= now() - ${window}`;
  const rows = await db.execute<{ hits: number }>(sql`
    insert into ${t} (key, hits, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      hits = case when ${fresh} then 1 else ${t.hits} + 1 end,
      window_started_at = case when ${fresh} then now() else ${t.windowStartedAt} end
    returning hits`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { hits: number }[] }).rows;
  return Number(list[0].hits) <= limit;
}
