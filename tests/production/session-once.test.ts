import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { SESSION_RESOLVED, SESSION_USER_LOADED } from "@/lib/data/session-user";
import { type AppInstance, freePort, productionBuildExists, startAppInstance } from "../support/app-instance";
import { cookieHeader, signInOverHttp } from "../support/http-sign-in";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// Issue 12: "the session resolved once per request", counted on real requests to the production build
// over a real PostgreSQL database. With YARDSTICK_SQL_TIMING=1, scripts/serve.ts tallies each request's
// statements by table and the events the code counts (db/sql-timing.ts), and logs the tally of a request
// that carries an `x-yardstick-tally` label once its response has ended. Each signed-in request must run
// getSessionUser's body once (React cache() shares it between the layout, the page and every component),
// read the sessions table once and load the session user once.
const onPostgres = testDatabaseKind() === "postgres";
const hasBuild = productionBuildExists();
if (onPostgres && !hasBuild) {
  if (process.env.YARDSTICK_REQUIRE_BUILD === "1") throw new Error("No production build in .next: run `npx next build` first.");
  console.warn("session-once test skipped: no production build in .next (run `npx next build`, or `npm test`, which builds).");
}

type Tally = { queries: number; statements: Record<string, number>; events: Record<string, number> };

/** What one request resolved of the session: getSessionUser runs, reads of the sessions table, session-user loads. */
const sessionWork = (tally: Tally) => ({
  resolved: tally.events[SESSION_RESOLVED] ?? 0,
  sessionReads: tally.statements["select sessions"] ?? 0,
  userLoads: tally.events[SESSION_USER_LOADED] ?? 0,
});
const ONCE = { resolved: 1, sessionReads: 1, userLoads: 1 };

/** The id of a server action in the build, by its file and exported name. */
function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === file && action.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${file} in the build`);
  return found[0];
}

describe.runIf(onPostgres && hasBuild)("The session is resolved once per request (production build, PostgreSQL)", () => {
  let database: TestDatabase;
  let app: AppInstance;
  let cookie: string;
  let patientId: string;
  let labels = 0;

  async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  }

  /** The tally lines the app has logged for `label`, in the order their responses ended. */
  function talliesOf(label: string): Tally[] {
    const prefix = `yardstick-tally ${label} `;
    return app
      .output()
      .split("\n")
      .filter((line) => line.startsWith(prefix))
      .map((line) => JSON.parse(line.slice(prefix.length)) as Tally);
  }

  /** Sends one request with a fresh tally label, reads its whole body, and waits for the tally lines it logged. */
  async function tallied(path: string, init: RequestInit = {}, expectedLines = 1) {
    const label = `request-${++labels}`;
    const response = await fetch(`${app.url}${path}`, {
      redirect: "manual",
      ...init,
      headers: { Cookie: cookie, "x-yardstick-tally": label, ...init.headers },
    });
    const body = await response.text();
    // The line is written when the server has ended the response, a moment after the client has read it.
    while (talliesOf(label).length < expectedLines) await new Promise((resolve) => setTimeout(resolve, 20));
    return { response, body, tallies: talliesOf(label) };
  }

  beforeAll(async () => {
    database = await createTestDatabase({ activate: false });
    await seedDatabase(database.db);
    app = await startAppInstance(await freePort(), {
      DATABASE_URL: database.url!,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      TRUSTED_PROXIES: "",
      YARDSTICK_SQL_TIMING: "1",
    });
    const signedIn = await signInOverHttp(app.url, "admin@yardstick.demo", DEMO_PASSWORD);
    expect(signedIn.outcome).toBe("signed_in");
    cookie = cookieHeader(signedIn.cookies);
    const [patient] = await rowsOf<{ id: string }>(
      sql`select p.id from patients p join teams t on t.id = p.team_id where t.name = 'Demo Pain Clinic' and p.code = 'YS-001'`,
    );
    patientId = patient.id;
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await database?.dispose();
  });

  it.each([
    ["the patient page", () => `/patients/${patientId}`, "Patient YS-001"],
    ["the patient list", () => "/patients", "YS-001"],
    ["the worklist", () => "/worklist", "Worklist"],
    ["the clinic dashboard", () => "/clinic", "Demo Pain Clinic"],
    ["the admin audit page (two layouts and the page check the session)", () => "/admin/audit", "Audit trail of Demo Pain Clinic"],
    ["a study's page (its metadata and the page ask too)", () => "/evidence/olivan-blazquez-2014", "Olivan-Blázquez 2014"],
  ])("%s: one resolution, one read of sessions, one session-user load", async (_name, path, shown) => {
    const { response, body, tallies } = await tallied(path());
    expect(response.status).toBe(200);
    expect(body.replace(/<!-- -->/g, "").includes(shown)).toBe(true); // signed in: the page itself, not the sign-in page
    expect(tallies).toHaveLength(1);
    expect(sessionWork(tallies[0])).toEqual(ONCE);
  });

  it.each([
    ["a patient's CSV export", () => `/api/patients/${patientId}/export?kind=assessments`, "text/csv"],
    ["the team's CSV export", () => "/api/export/patients", "text/csv"],
    ["a patient's FHIR export", () => `/api/fhir/Patient/${patientId}/$everything`, "application/fhir+json"],
  ])("%s (a route handler): one resolution, one read of sessions, one session-user load", async (_name, path, type) => {
    const { response, tallies } = await tallied(path());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(type);
    expect(tallies).toHaveLength(1);
    expect(sessionWork(tallies[0])).toEqual(ONCE);
  });

  it("a server action that revalidates its page: once for the action and once for the page it renders after the write", async () => {
    // "Check the whole chain now" on /admin/audit, posted as the browser's fetch does (React's reply
    // encoding: argument list in field 0, the FormData argument "$K1", its fields named "_1_<name>").
    const before = await rowsOf<{ n: number }>(sql`select count(*)::int as n from audit_chain_checks`);
    const body = new FormData();
    body.set("0", JSON.stringify([{}, "$K1"]));
    const {
      response,
      body: payload,
      tallies,
    } = await tallied("/admin/audit", {
      method: "POST",
      headers: {
        "Next-Action": serverActionId("app/(clinic)/admin/audit/actions.ts", "checkAuditChainAction"),
        Accept: "text/x-component",
        Origin: app.url,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(payload).toContain("Checked: intact");
    const after = await rowsOf<{ n: number }>(sql`select count(*)::int as n from audit_chain_checks`);
    expect(after[0].n).toBe(before[0].n + 1); // the action ran
    const audited = await rowsOf<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'check'`);
    expect(audited[0].n).toBe(1); // and was audited once
    expect(tallies).toHaveLength(1);
    // The action resolves the session for its own work; revalidatePath then renders the page again in
    // the same response, as a new React render (its own cache), after the write. That render must see
    // the session as the action left it (switching team, accepting an invitation change it), so the
    // two are not shared: exactly two, never more.
    expect(sessionWork(tallies[0])).toEqual({ resolved: 2, sessionReads: 2, userLoads: 2 });
  });

  it("a server action that redirects: once for the action, once for the page Next.js fetches from itself to answer it", async () => {
    // Switching team (the header's switcher): the action writes, then redirect("/patients"); Next.js
    // answers with that page's payload, which it gets by a second, internal request to this server
    // (with the same headers, so the same tally label): two requests, each resolving the session once.
    await database.db.execute(sql`insert into team_memberships (user_id, team_id, role)
      select u.id, t.id, 'clinician' from users u, teams t where u.email = 'admin@yardstick.demo' and t.name = 'Northside Sleep Clinic'`);
    const [northside] = await rowsOf<{ id: string }>(sql`select id from teams where name = 'Northside Sleep Clinic'`);
    const body = new FormData();
    body.set("_1_teamId", northside.id); // before the argument list, as React sends it: the list is read when it arrives
    body.set("0", JSON.stringify([{}, "$K1"]));
    const {
      response,
      body: payload,
      tallies,
    } = await tallied(
      "/admin/audit",
      {
        method: "POST",
        headers: {
          "Next-Action": serverActionId("app/(clinic)/team-actions.ts", "switchTeamAction"),
          Accept: "text/x-component",
          Origin: app.url,
        },
        body,
      },
      2,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-action-redirect")).toMatch(/^\/patients;/);
    expect(payload).toContain("Northside Sleep Clinic"); // the redirect target, rendered for the new team
    expect(tallies.map(sessionWork)).toEqual([ONCE, ONCE]);
  });

  it("an anonymous request resolves the session once and reads no session row", async () => {
    const label = `request-${++labels}`;
    const response = await fetch(`${app.url}/worklist`, { redirect: "manual", headers: { "x-yardstick-tally": label } });
    await response.text();
    expect(response.headers.get("location")).toMatch(/\/login$/);
    while (talliesOf(label).length < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessionWork(talliesOf(label)[0])).toEqual({ resolved: 1, sessionReads: 0, userLoads: 0 });
  });
});
