import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPatientsForTeam } from "@/lib/data/patients";
import { createPatient, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// Restarts the local PostgreSQL cluster, so it runs only against a server this machine controls.
const canRestart =
  testDatabaseKind() === "postgres" && process.getuid?.() === 0 && existsSync("/etc/postgresql") && existsSync("/usr/bin/pg_ctlcluster");

function restartPostgres() {
  const version = readdirSync("/etc/postgresql")[0];
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart", "--", "-m", "fast"], { stdio: "ignore" });
}

describe.runIf(canRestart)("PostgreSQL restarts while the app runs", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.dispose());

  it("the same data layer and connection pool serve again afterwards, without restarting the app", async () => {
    const { team, sessionUser } = await createTeamWithUser(database.db);
    await createPatient(database.db, team.id, "RESTART-1");
    expect((await listPatientsForTeam(sessionUser)).total).toBe(1);

    restartPostgres();

    // Requests made while the server is down may fail; the pool must reconnect by itself.
    let recoveredAfter = -1;
    for (let attempt = 0; attempt < 60 && recoveredAfter < 0; attempt++) {
      try {
        expect((await listPatientsForTeam(sessionUser)).total).toBe(1);
        recoveredAfter = attempt;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(recoveredAfter).toBeGreaterThanOrEqual(0);
    // And it keeps working.
    for (let i = 0; i < 5; i++) expect((await listPatientsForTeam(sessionUser)).total).toBe(1);
  }, 60_000);
});
