import path from "node:path";
import type { OpenDatabase } from "./client";

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/**
 * The PostgreSQL advisory lock key that start-up preparation (migrations, then studies and demo data)
 * is taken under, so that app instances starting together against one database run it one at a time:
 * the first applies the migrations and seeds, the others then find nothing left to do. A fixed
 * number, the same in every instance (the ASCII bytes of "yardstic" read as one 64-bit integer).
 */
export const PREPARE_LOCK_KEY = 0x7961726473746963n;

/** Runs `task` under the start-up lock (PostgreSQL); on PGlite, a one-process database, it just runs. */
export function withPrepareLock<T>(open: OpenDatabase, task: () => Promise<T>): Promise<T> {
  return open.runExclusively(PREPARE_LOCK_KEY, task);
}

/** Applies the pending migrations; the caller holds the start-up lock. */
export async function applyMigrationsUnlocked(open: OpenDatabase, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (open.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(open.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(open.db as never, { migrationsFolder });
  }
}

/** Applies the committed drizzle-kit migrations that this database has not seen yet, under the start-up lock. */
export function applyMigrations(open: OpenDatabase, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  return withPrepareLock(open, () => applyMigrationsUnlocked(open, migrationsFolder));
}
