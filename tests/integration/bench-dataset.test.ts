import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { listPatientsForTeam } from "@/lib/data/patients";
import { loadSessionUser } from "@/lib/data/session-user";
import { getInstrument } from "@/lib/instruments";
import { BENCH_PASSWORD, benchClinicianEmail, fillBenchDataset, type DatasetSummary } from "@/scripts/bench/dataset";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The benchmark's synthetic data must be data the app itself could have written: every total is what
// the instrument's own scorer gives for the stored answers, dates and courses agree, and the clinicians
// can sign in. Checked here on a small fill, against the app's scorers and plain SQL.

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

let database: TestDatabase;
let summary: DatasetSummary;
const size = { patients: 60, assessments: 3000, teams: 3 };

beforeAll(async () => {
  database = await createTestDatabase();
  summary = await fillBenchDataset(database, size);
});
afterAll(() => database.dispose());

describe("the benchmark dataset", () => {
  it("has exactly the sizes asked for, with courses, dose changes and adverse events", async () => {
    expect(summary).toMatchObject(size);
    const counts = rowsOf(
      await database.db.execute(sql`select
        (select count(*)::int from patients) as patients, (select count(*)::int from assessments) as assessments,
        (select count(*)::int from teams) as teams, (select count(*)::int from treatment_courses) as courses,
        (select count(*)::int from dose_changes) as dose_changes, (select count(*)::int from adverse_events) as adverse_events,
        (select count(distinct team_id)::int from patients) as teams_with_patients`),
    )[0];
    expect(counts).toMatchObject({ patients: 60, assessments: 3000, teams: 3, teams_with_patients: 3 });
    expect(counts.courses).toBeGreaterThanOrEqual(60);
    expect(counts.dose_changes).toBeGreaterThanOrEqual(60);
    expect(counts.adverse_events).toBeGreaterThan(0);
  });

  it("stores every total as the instrument's scorer computes it from the answers", async () => {
    const rows = rowsOf(await database.db.execute(sql`select instrument_id, total_score, item_responses from assessments`));
    const seen = new Set<string>();
    for (const row of rows) {
      const instrument = getInstrument(String(row.instrument_id))!;
      seen.add(instrument.id);
      const result =
        instrument.entry === "items"
          ? instrument.score({ items: row.item_responses as Record<string, unknown> })
          : instrument.score({ total: row.total_score });
      expect(result, `${instrument.id} ${JSON.stringify(row)}`).toMatchObject({ ok: true, total: Number(row.total_score) });
    }
    expect([...seen].sort()).toEqual(["fiq", "fiqr", "irls", "pain_nrs_0_10", "pain_vas_0_100", "pgic"]);
  });

  it("links an assessment to a course only within the course's dates, and spreads dates over years", async () => {
    const rows = rowsOf(
      await database.db.execute(sql`select a.taken_on, c.start_date, c.end_date from assessments a
        join treatment_courses c on c.id = a.course_id`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(day(row.taken_on) >= day(row.start_date)).toBe(true);
      if (row.end_date !== null) expect(day(row.taken_on) <= day(row.end_date)).toBe(true);
    }
    const [span] = rowsOf(await database.db.execute(sql`select (max(taken_on) - min(taken_on))::int as days from assessments`));
    expect(Number(span.days)).toBeGreaterThan(365);
  });

  it("gives each team one clinician who signs in with the known password and sees only that team's patients", async () => {
    const [user] = rowsOf(await database.db.execute(sql`select id, password_hash from users where email = ${benchClinicianEmail(1)}`));
    expect(await verifyPassword(String(user.password_hash), BENCH_PASSWORD)).toBe(true);
    const sessionUser = (await loadSessionUser(database.db, String(user.id)))!;
    expect(sessionUser.team.name).toBe("Benchmark Clinic 01");
    const page = await listPatientsForTeam(sessionUser, {});
    expect(page.total).toBe(20);
    expect(page.rows.every((row) => row.code.startsWith("B01-"))).toBe(true);
  });

  it("refuses to fill a database that already holds a benchmark dataset", async () => {
    await expect(fillBenchDataset(database, size)).rejects.toThrow(/already holds a benchmark dataset/);
  });
});
