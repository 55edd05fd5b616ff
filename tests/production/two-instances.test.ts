import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_FAILURE_LIMIT } from "@/lib/auth/sign-in-throttle";
import { type AppInstance, freePort, productionBuildExists, startAppInstance } from "../support/app-instance";
import { createTeamWithUser } from "../support/fixtures";
import { cookieHeader, signInOverHttp, signOutOverHttp } from "../support/http-sign-in";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// Two production app instances (scripts/serve.ts over the same build) share one PostgreSQL database and
// nothing else, as they would behind a load balancer. `npm test` runs this file after the browser tests,
// whose start builds the app (scripts/test-all.ts); run alone, it needs a build in .next.
const onPostgres = testDatabaseKind() === "postgres";
const hasBuild = productionBuildExists();
if (onPostgres && !hasBuild) {
  if (process.env.YARDSTICK_REQUIRE_BUILD === "1") throw new Error("No production build in .next: run `npx next build` first.");
  console.warn("two-instances test skipped: no production build in .next (run `npx next build`, or `npm test`, which builds).");
}

const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };

async function rowsOf<T>(database: TestDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe.runIf(onPostgres && hasBuild)("Two app instances over one PostgreSQL database", () => {
  let database: TestDatabase;
  let a: AppInstance;
  let b: AppInstance;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false, activate: false });
    // The same secret on every instance (the cookie is signed with it); everything else is in the database.
    const env = { DATABASE_URL: database.url!, AUTH_SECRET: randomBytes(32).toString("base64"), TRUSTED_PROXIES: "" };
    // Both start at once on the empty database: each runs the migrations at start-up, under the advisory lock.
    [a, b] = await Promise.all([startAppInstance(await freePort(), env), startAppInstance(await freePort(), env)]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.dispose();
  });

  it("start together on an empty database and apply each migration once", async () => {
    const applied = await rowsOf<{ hash: string }>(database, sql`select hash from drizzle.__drizzle_migrations`);
    expect(applied).toHaveLength(journal.entries.length);
    expect(new Set(applied.map((r) => r.hash)).size).toBe(journal.entries.length);
  });

  it("accept a session opened on one instance on the other, and end it everywhere at sign-out", async () => {
    const { user, password } = await createTeamWithUser(database.db, "clinician");
    const signedIn = await signInOverHttp(a.url, user.email, password);
    expect(signedIn.outcome).toBe("signed_in");
    const cookie = cookieHeader(signedIn.cookies);

    const onB = await fetch(`${b.url}/worklist`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(user.displayName);
    const anonymous = await fetch(`${b.url}/worklist`, { redirect: "manual" });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.headers.get("location")).toMatch(/\/login$/);

    // Signing out on B revokes the session row, so A refuses the same cookie at once.
    expect(await signOutOverHttp(b.url, signedIn.cookies)).toBeLessThan(400);
    const onAAfter = await fetch(`${a.url}/worklist`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onAAfter.headers.get("location")).toMatch(/\/login$/);
  });

  it("count failed sign-ins across both instances against one limit", async () => {
    const { user, password } = await createTeamWithUser(database.db, "clinician");
    // ACCOUNT_FAILURE_LIMIT wrong passwords, alternating between the instances: neither alone sees the limit.
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt++) {
      const instance = attempt % 2 === 0 ? a : b;
      expect((await signInOverHttp(instance.url, user.email, `wrong password ${attempt}`)).outcome).toBe("refused");
    }
    // B has seen fewer than the limit itself, yet refuses even the right password.
    expect((await signInOverHttp(b.url, user.email, password)).outcome).toBe("locked");
    expect((await signInOverHttp(a.url, user.email, password)).outcome).toBe("locked");
    const [row] = await rowsOf<{ failures: number }>(
      database,
      sql`select failures from sign_in_throttle where key = ${`account:${user.email}`}`,
    );
    expect(Number(row.failures)).toBe(ACCOUNT_FAILURE_LIMIT + 2);
  });
});
