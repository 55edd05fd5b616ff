import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activateDatabaseForThisProcess, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import { loadStudies } from "@/db/seed/studies";
import { clinicCaseload, clinicFilterOptions } from "@/lib/data/clinic";
import { compareCoursesWithTrials } from "@/lib/data/comparisons";
import { getPatientRecord, listConditionsAndDrugsForTeam, listPatientsForTeam } from "@/lib/data/patients";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { getWorklist } from "@/lib/data/worklist";
import { createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The pages that must stay fast at clinic-network scale (issue 12) read the big tables by index only.
// Each page's data functions run with a Drizzle logger that keeps every SQL statement; each statement is
// then EXPLAINed (plain EXPLAIN, nothing runs twice) and a sequential scan of `patients` or `assessments`
// fails the test. The rows are spread over 20 teams as in the benchmark (a team holds 1/20 of each table), and
// VACUUM ANALYZEd, so the planner costs the plans as it would on a real database. PGlite is PostgreSQL's own planner
// and gives the same plans, so the test runs on both.

const TEAMS = 20;
const PATIENTS_PER_TEAM = 150;
const SCORES_PER_COURSE = 24;

type Captured = { query: string; params: unknown[] };

let database: TestDatabase;
let captured: Captured[] = [];
let user: SessionUser;
let patientId: string;

/** The same connection with a logger that keeps every statement the data layer sends. */
async function loggingDatabase(open: TestDatabase): Promise<Database> {
  const client = (open.db as unknown as { $client: unknown }).$client;
  const logger = { logQuery: (query: string, params: unknown[]) => captured.push({ query, params }) };
  if (open.kind === "postgres") {
    const { drizzle } = await import("drizzle-orm/postgres-js");
    return drizzle({ client: client as never, schema, logger }) as unknown as Database;
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  return drizzle({ client: client as never, schema, logger }) as unknown as Database;
}

/** The plan of one captured statement, as text. */
async function explain({ query, params }: Captured): Promise<string> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === "postgres") {
    const rows = await (client as { unsafe: (q: string, p: unknown[]) => Promise<Record<string, string>[]> }).unsafe(
      `explain ${query}`,
      params as never[],
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  }
  const result = await (client as { query: (q: string, p: unknown[]) => Promise<{ rows: Record<string, string>[] }> }).query(
    `explain ${query}`,
    params,
  );
  return result.rows.map((r) => r["QUERY PLAN"]).join("\n");
}

/** Every read statement `load` sends, with its plan. */
async function plansOf(load: () => Promise<unknown>): Promise<{ query: string; plan: string }[]> {
  captured = [];
  await load();
  const reads = captured.filter(({ query }) => /^\s*(select|with)\b/i.test(query));
  expect(reads.length).toBeGreaterThan(0);
  return Promise.all(reads.map(async (c) => ({ query: c.query, plan: await explain(c) })));
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const SEQ_SCAN_OF_BIG_TABLE = /Seq Scan on (assessments|patients)\b/;

function expectIndexedOnly(plans: { query: string; plan: string }[]) {
  const scanned = plans.filter((p) => SEQ_SCAN_OF_BIG_TABLE.test(p.plan)).map((p) => `${p.query}\n${p.plan}`);
  expect(scanned).toEqual([]);
}

beforeAll(async () => {
  database = await createTestDatabase({ activate: false });
  const db = database.db;
  await loadStudies(db);
  const first = await createTeamWithUser(db, "clinician");
  const enteredBy = first.user.id;
  await db.execute(sql`
    insert into teams (slug, name) select 'plan-team-' || g, 'Plan team ' || g from generate_series(2, ${TEAMS}) g`);
  // Patients, one course each (half memantine for fibromyalgia, as FINAL and the memantine trials), three dose
  // steps, an adverse event for one in four, and a score every week on two instruments around the start.
  await db.execute(sql`
    insert into patients (team_id, code, birth_year, sex, conditions)
    select t.id, 'Q' || lpad(g::text, 5, '0'), 1940 + g % 60, (array['female','male'])[1 + g % 2],
           array[(array['fibromyalgia','restless legs syndrome'])[1 + g % 2]]
    from teams t cross join generate_series(1, ${PATIENTS_PER_TEAM}) g`);
  await db.execute(sql`
    insert into treatment_courses (patient_id, drug, indication, target_dose, dose_unit, start_date, status)
    select p.id, (array['memantine','low-dose naltrexone'])[1 + (hashtext(p.code) & 1)], p.conditions[1], 20, 'mg',
           date '2026-01-01' + (hashtext(p.id::text) & 255), 'active'
    from patients p`);
  await db.execute(sql`
    insert into dose_changes (course_id, changed_on, dose, dose_unit)
    select c.id, c.start_date + k * 14, 5 * k, 'mg' from treatment_courses c, generate_series(1, 3) k`);
  await db.execute(sql`
    insert into adverse_events (course_id, occurred_on, event, severity)
    select c.id, c.start_date + 20, 'nausea', 'severe' from treatment_courses c where hashtext(c.id::text) & 3 = 0`);
  await db.execute(sql`
    insert into assessments (patient_id, course_id, instrument_id, taken_on, total_score, entered_by)
    select c.patient_id, c.id, (array['fiqr','pain_nrs_0_10'])[1 + k % 2], c.start_date - 7 + (k / 2) * 7,
           case when k % 2 = 0 then 30 + (hashtext(c.id::text || k) & 63) else hashtext(c.id::text || k) & 7 end, ${enteredBy}
    from treatment_courses c, generate_series(0, ${SCORES_PER_COURSE - 1}) k`);
  // As autovacuum leaves a real database: statistics and the visibility map (which index-only scans rely on).
  await db.execute(sql`vacuum analyze`);
  user = (await loadSessionUser(db, enteredBy)) as SessionUser;
  const [patient] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from patients where team_id = ${first.team.id} order by code limit 1`),
  );
  patientId = patient.id;
  activateDatabaseForThisProcess({ ...database, db: await loggingDatabase(database) });
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe("the pages read patients and assessments by index, never by a sequential scan", () => {
  it("has the rows it claims (so a plan on an empty table cannot pass by accident)", async () => {
    const [{ patients, assessments }] = rowsOf<{ patients: number; assessments: number }>(
      await database.db.execute(sql`select (select count(*) from patients) as patients, (select count(*) from assessments) as assessments`),
    );
    expect(Number(patients)).toBe(TEAMS * PATIENTS_PER_TEAM);
    expect(Number(assessments)).toBe(TEAMS * PATIENTS_PER_TEAM * SCORES_PER_COURSE);
  });

  it("worklist", async () => {
    expectIndexedOnly(await plansOf(() => getWorklist(user, {}, { today: "2026-10-01" })));
  });

  it("patient list: first page, its filter options, filtered, sorted by last assessment, a later page", async () => {
    expectIndexedOnly(await plansOf(() => listPatientsForTeam(user)));
    expectIndexedOnly(await plansOf(() => listConditionsAndDrugsForTeam(user)));
    expectIndexedOnly(await plansOf(() => listPatientsForTeam(user, { code: "Q0001", condition: "fibromyalgia", drug: "memantine" })));
    expectIndexedOnly(await plansOf(() => listPatientsForTeam(user, { status: "on_treatment", sort: "last_assessment_desc" })));
    const first = await listPatientsForTeam(user, { sort: "last_assessment_asc" });
    expectIndexedOnly(await plansOf(() => listPatientsForTeam(user, { sort: "last_assessment_asc", after: first.nextCursor! })));
    const byCode = await listPatientsForTeam(user);
    expectIndexedOnly(await plansOf(() => listPatientsForTeam(user, { after: byCode.nextCursor! })));
  });

  it("patient page (record with its audit row, comparison with trials)", async () => {
    expectIndexedOnly(
      await plansOf(async () => {
        const record = await getPatientRecord(user, patientId);
        await compareCoursesWithTrials(user, record);
      }),
    );
  });

  it("clinic dashboard", async () => {
    expectIndexedOnly(await plansOf(() => Promise.all([clinicCaseload(user), clinicFilterOptions(user)])));
  });
});
