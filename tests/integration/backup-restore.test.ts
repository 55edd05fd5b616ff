import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { sql } from "drizzle-orm";
import { expectLatestSummaryCurrent } from "../support/assessment-latest";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";
import { type TableFingerprint, tableFingerprints } from "../support/table-fingerprints";

const kind = testDatabaseKind();

/** Runs `npm run db:backup` / `db:restore` as an operator would, in a process of its own. */
function cli(script: "db-backup" | "db-restore", args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", DATABASE_MIGRATION_URL: "", ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectSeeded(fingerprints: Record<string, TableFingerprint>) {
  for (const table of ["public.patients", "public.assessments", "public.treatment_courses", "public.users", "public.studies"]) {
    expect(fingerprints[table]?.rows, table).toBeGreaterThan(0);
  }
  expect(fingerprints["drizzle.__drizzle_migrations"]?.rows).toBeGreaterThan(0);
}

describe(`Backup and restore of the ${kind === "pglite" ? "embedded database (PGlite)" : "PostgreSQL database"}`, () => {
  const work = mkdtempSync(path.join(tmpdir(), "yardstick-backup-"));
  const cleanups: (() => Promise<void>)[] = [];
  let source: OpenDatabase;
  let sourceEnv: Record<string, string>;
  let original: Record<string, TableFingerprint>;
  let archive: string;

  beforeAll(async () => {
    if (kind === "postgres") {
      const database = await createTestDatabase({ activate: false });
      cleanups.push(database.dispose);
      source = database;
      sourceEnv = { DATABASE_URL: database.url! };
    } else {
      const dir = path.join(work, "source");
      source = await openDatabase({ url: "", pgliteDir: dir });
      await applyMigrations(source);
      sourceEnv = { YARDSTICK_DATA_DIR: dir };
    }
    await seedDatabase(source.db);
    await expectLatestSummaryCurrent(source.db); // the seed's writes kept the worklist's stored latest scores
    original = await tableFingerprints(source);
    expectSeeded(original);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it.runIf(kind === "pglite")("refuses to back up the folder while another process has it open", () => {
    const result = cli("db-backup", ["--out", path.join(work, "refused")], sourceEnv);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`is in use by process ${process.pid}`);
  });

  it("writes one dated archive", async () => {
    if (kind === "pglite") await source.close(); // the server is stopped before a backup of the embedded database
    const out = path.join(work, "backups");
    const result = cli("db-backup", ["--out", out], sourceEnv);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const files = readdirSync(out);
    const pattern = kind === "pglite" ? /^yardstick-pglite-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/ : /^yardstick-postgres-.*Z\.dump$/;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(pattern);
    archive = path.join(out, files[0]);
  });

  it("restores into an empty database with every row of every table", async () => {
    let restoredEnv: Record<string, string>;
    let open: () => Promise<OpenDatabase>;
    if (kind === "postgres") {
      const empty = await createTestDatabase({ migrate: false, activate: false });
      cleanups.push(empty.dispose);
      restoredEnv = { DATABASE_URL: empty.url! };
      open = async () => empty;
    } else {
      const dir = path.join(work, "restored");
      restoredEnv = { YARDSTICK_DATA_DIR: dir };
      open = () => openDatabase({ url: "", pgliteDir: dir });
    }
    const result = cli("db-restore", [archive], restoredEnv);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);

    const restored = await open();
    const copy = await tableFingerprints(restored);
    if (kind === "pglite") await restored.close();
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    expect(copy).toEqual(original);

    // A second restore into the now non-empty database is refused, and changes nothing.
    const again = cli("db-restore", [archive], restoredEnv);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/is not empty/);
    const reopened = await open();
    expect(await tableFingerprints(reopened)).toEqual(original);

    // The stored latest scores came back current, and so did the triggers that keep them: a new assessment moves them.
    await expectLatestSummaryCurrent(reopened.db);
    await reopened.db.execute(sql`
      insert into assessments (patient_id, instrument_id, taken_on, total_score, entered_by)
      select patient_id, instrument_id, taken_on + 1, total_score, entered_by from assessment_latest order by patient_id, instrument_id limit 1`);
    await expectLatestSummaryCurrent(reopened.db);
    if (kind === "pglite") await reopened.close();
  });

  it("refuses to restore over the database it was taken from", async () => {
    const result = cli("db-restore", [archive], sourceEnv);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/is not empty/);
    expect(result.stdout).toBe("");
  });
});
