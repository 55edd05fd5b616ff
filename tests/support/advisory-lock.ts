import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";

/**
 * Takes a transaction-scoped advisory lock on a second connection pool, as another app instance would,
 * and holds it until `release()` (which also ends that transaction and closes the pool). PostgreSQL only.
 */
export async function holdAdvisoryLockElsewhere(url: string | undefined, key: number): Promise<{ release: () => Promise<void> }> {
  if (!url) throw new Error("Holding an advisory lock from another instance needs a PostgreSQL server (a URL).");
  const other = await openDatabase({ url });
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holding = other.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
    locked();
    await held;
  });
  await Promise.race([lockTaken, holding]);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      letGo();
      try {
        await holding;
      } finally {
        await other.close();
      }
    },
  };
}
