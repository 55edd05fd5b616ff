import path from "node:path";
import type { OpenDatabase } from "./client";

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations that this database has not seen yet. */
export async function applyMigrations(open: OpenDatabase, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (open.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(open.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(open.db as never, { migrationsFolder });
  }
}
