import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { describeDatabaseUrl, DatabaseUnavailableError } from "./connection-error";
import { instrumentSqlTiming } from "./sql-timing";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "postgres" | "pglite";
export type OpenDatabase = { db: Database; kind: DatabaseKind; close: () => Promise<void>; label: string };

const DEFAULT_DATA_DIR = ".data/pglite";

/** The embedded database's folder: YARDSTICK_DATA_DIR, or .data/pglite beside the project. */
function pgliteDirectory(): string {
  return path.resolve(process.env.YARDSTICK_DATA_DIR ?? DEFAULT_DATA_DIR);
}

/**
 * Opens the PostgreSQL server named by `url`, or the embedded PGlite database when there is none.
 * `pgliteDir` "memory://" gives a throw-away in-memory database (tests).
 */
export async function openDatabase(options: { url?: string; pgliteDir?: string } = {}): Promise<OpenDatabase> {
  const url = options.url === undefined ? process.env.DATABASE_URL : options.url;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    try {
      await client`select 1`;
    } catch (error) {
      await client.end({ timeout: 1 }).catch(() => {});
      throw new DatabaseUnavailableError(url, error);
    }
    const db = drizzle({ client, schema }) as unknown as Database;
    instrumentSqlTiming(db);
    return {
      db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
      label: `PostgreSQL at ${describeDatabaseUrl(url)}`,
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = options.pgliteDir ?? pgliteDirectory();
  if (dir !== "memory://") mkdirSync(dir, { recursive: true });
  const client = dir === "memory://" ? new PGlite() : new PGlite(dir);
  await client.waitReady;
  const db = drizzle({ client, schema }) as unknown as Database;
  instrumentSqlTiming(db);
  return {
    db,
    kind: "pglite",
    close: () => client.close(),
    label: dir === "memory://" ? "embedded PGlite (in memory)" : `embedded PGlite in ${dir}`,
  };
}

type Holder = { yardstickDatabase?: Promise<OpenDatabase> };
const holder = globalThis as unknown as Holder;

/** The one database of this process, kept on globalThis so dev reloads do not open PGlite twice. */
export function getOpenDatabase(): Promise<OpenDatabase> {
  if (!holder.yardstickDatabase) {
    holder.yardstickDatabase = openDatabase().catch((error) => {
      holder.yardstickDatabase = undefined;
      throw error;
    });
  }
  return holder.yardstickDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getOpenDatabase()).db;
}

/** Tests point the data layer at their own database. */
export function activateDatabaseForThisProcess(open: OpenDatabase): void {
  holder.yardstickDatabase = Promise.resolve(open);
}
