import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { describeDatabaseUrl, DatabaseUnavailableError } from "./connection-error";
import { lockFolder } from "./folder-lock";
import { instrumentSqlTiming } from "./sql-timing";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "postgres" | "pglite";
export type OpenDatabase = {
  db: Database;
  kind: DatabaseKind;
  close: () => Promise<void>;
  label: string;
  /**
   * Runs `task` while holding the PostgreSQL session-level advisory lock `key`, taken on a connection of
   * its own (so the task may use the whole pool), and released afterwards even if the task fails. Other
   * processes asking for the same key wait. PGlite serves one process only (see db/folder-lock.ts), so
   * there the task simply runs.
   */
  runExclusively: <T>(key: bigint, task: () => Promise<T>) => Promise<T>;
};

const DEFAULT_DATA_DIR = ".data/pglite";

/** The embedded database's folder: YARDSTICK_DATA_DIR, or .data/pglite beside the project. */
export function pgliteDirectory(): string {
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
      runExclusively: (key, task) => withAdvisoryLock(url, key, task),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = options.pgliteDir ?? pgliteDirectory();
  const release = dir === "memory://" ? () => {} : lockFolder(dir);
  let client: InstanceType<typeof PGlite>;
  try {
    if (dir !== "memory://") mkdirSync(dir, { recursive: true });
    client = dir === "memory://" ? new PGlite() : new PGlite(dir);
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema }) as unknown as Database;
  instrumentSqlTiming(db);
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
    label: dir === "memory://" ? "embedded PGlite (in memory)" : `embedded PGlite in ${dir}`,
    runExclusively: (_key, task) => task(),
  };
}

/** Holds `pg_advisory_lock(key)` on a one-connection client of its own while `task` runs. */
async function withAdvisoryLock<T>(url: string, key: bigint, task: () => Promise<T>): Promise<T> {
  const { default: postgres } = await import("postgres");
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockClient`select pg_advisory_lock(${key.toString()}::bigint)`;
    try {
      return await task();
    } finally {
      await lockClient`select pg_advisory_unlock(${key.toString()}::bigint)`;
    }
  } finally {
    await lockClient.end({ timeout: 5 });
  }
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
