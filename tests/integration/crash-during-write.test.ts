import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { assessments } from "@/db/schema";
import { createPatient, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

const ROWS = 10_000;

/** Starts the child, kills it with SIGKILL a moment after it starts writing; says whether it had finished. */
function killMidWrite(env: Record<string, string>, userId: string, patientId: string): Promise<{ finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/bulk-write-child.ts", userId, patientId, String(ROWS)],
      {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("WRITING") && !child.killed) setTimeout(() => child.kill("SIGKILL"), 300);
    });
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL" || output.includes("DONE")) resolve({ finished: output.includes("DONE") });
      else reject(new Error(`child exited ${code}: ${errors.slice(0, 500)}`));
    });
  });
}

async function rowsFor(open: OpenDatabase, patientId: string) {
  return (await open.db.select({ n: count() }).from(assessments).where(eq(assessments.patientId, patientId)))[0].n;
}

describe(`A process killed in the middle of a bulk write (${testDatabaseKind()})`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`leaves all ${ROWS} rows or none`, async () => {
    let open: OpenDatabase;
    let env: Record<string, string>;
    if (testDatabaseKind() === "postgres") {
      const database = await createTestDatabase({ activate: false });
      cleanups.push(database.dispose);
      open = database;
      env = { CHILD_DATABASE_URL: database.url! };
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), "yardstick-crash-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      open = await openDatabase({ url: "", pgliteDir: dir });
      await applyMigrations(open);
      env = { CHILD_PGLITE_DIR: dir };
    }
    const { user, team } = await createTeamWithUser(open.db);
    const patient = await createPatient(open.db, team.id, "CRASH-1");
    if (testDatabaseKind() === "pglite") await open.close(); // PGlite: one process at a time on a folder

    const { finished } = await killMidWrite(env, user.id, patient.id);

    if (testDatabaseKind() === "pglite") {
      open = await openDatabase({ url: "", pgliteDir: env.CHILD_PGLITE_DIR });
      cleanups.push(() => open.close());
    }
    const stored = await rowsFor(open, patient.id);
    expect(finished ? ROWS : 0).toBe(stored);
    expect(finished).toBe(false); // the kill landed inside the transaction, so this proves "none"
  }, 120_000);
});
