import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, activateDatabaseForThisProcess, type OpenDatabase } from "@/db/client";
import { applyMigrations } from "@/db/migrate";

export type TestDatabase = OpenDatabase & { dispose: () => Promise<void>; url?: string };

/** Which database the integration run uses: TEST_DB=postgres (a real server) or pglite (default). */
export function testDatabaseKind(): "postgres" | "pglite" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/yardstick_test)");
  return url;
}

/**
 * A brand-new, empty database for one test file: a fresh database on the PostgreSQL server (dropped
 * afterwards), or an in-memory PGlite. Migrated unless `migrate: false`.
 */
export async function createTestDatabase(options: { migrate?: boolean; activate?: boolean } = {}): Promise<TestDatabase> {
  let open: OpenDatabase;
  let dispose: () => Promise<void>;
  let databaseUrl: string | undefined;
  if (testDatabaseKind() === "postgres") {
    const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
    const name = `yardstick_t_${randomBytes(6).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl());
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    open = await openDatabase({ url: databaseUrl });
    dispose = async () => {
      await open.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    open = await openDatabase({ url: "", pgliteDir: "memory://" });
    dispose = () => open.close();
  }
  if (options.migrate !== false) await applyMigrations(open);
  if (options.activate !== false) activateDatabaseForThisProcess(open);
  return { ...open, dispose, url: databaseUrl };
}
