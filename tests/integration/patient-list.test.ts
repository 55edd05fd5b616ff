import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { CLINIC_COHORT_CODES } from "@/db/seed/clinic-cohort";
import { listPatientsForTeam, type PatientListFilters, type PatientListItem } from "@/lib/data/patients";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { getInstrument } from "@/lib/instruments";
import { classifyResponse } from "@/lib/instruments/response";
import type { InstrumentId } from "@/lib/instruments/types";
import { createPatient } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// The list's values are checked against plain rows read with raw SQL and worked out here by hand,
// never against the list's own query: the list once read "none" in every row while every test passed.

type CourseRow = { id: string; patient_id: string; drug: string; start_date: string; end_date: string | null; status: string };
type ScoreRow = { id: string; patient_id: string; instrument_id: InstrumentId; taken_on: string; total_score: number; created_at: string };
type ChoiceRow = { course_id: string; instrument_id: string; assessment_id: string };
type Expected = Pick<PatientListItem, "code" | "activeDrugs" | "lastAssessedOn" | "trend">;

const TREND_INSTRUMENTS: InstrumentId[] = ["fiqr", "irls", "fiq", "pain_nrs_0_10", "pain_vas_0_100"];

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** The trend worked out by hand: the most recent course (active first) with a baseline, baseline → last follow-up on treatment. */
function expectedTrend(courses: CourseRow[], scores: ScoreRow[], choices: ChoiceRow[]): PatientListItem["trend"] {
  for (const instrumentId of TREND_INSTRUMENTS) {
    const series = scores
      .filter((s) => s.instrument_id === instrumentId)
      .sort((a, b) => a.taken_on.localeCompare(b.taken_on) || a.created_at.localeCompare(b.created_at));
    const candidates = courses
      .map((course) => {
        const chosenId = choices.find((c) => c.course_id === course.id && c.instrument_id === instrumentId)?.assessment_id;
        const baseline = series.find((s) => s.id === chosenId) ?? series.filter((s) => s.taken_on <= course.start_date).at(-1);
        if (!baseline) return null;
        // Dates as YYYY-MM-DD strings: the later of the two, compared as text (Math.max would not work on strings).
        // biome-ignore lint/complexity/useMathMinMax: these are date strings, not numbers
        const after = baseline.taken_on > course.start_date ? baseline.taken_on : course.start_date;
        const latest = series.filter((s) => s.taken_on > after && (course.end_date === null || s.taken_on <= course.end_date)).at(-1);
        return { course, baseline, latest };
      })
      .filter((c) => c !== null)
      .sort((a, b) => a.course.start_date.localeCompare(b.course.start_date));
    const followed = candidates.filter((c) => c.course.status === "active").at(-1) ?? candidates.at(-1);
    if (!followed?.latest) continue;
    const category = classifyResponse(instrumentId, followed.baseline.total_score, followed.latest.total_score);
    const direction = { improved: "improving", unchanged: "stable", worsened: "worsening", unknown: null }[category.direction];
    if (!direction) return null;
    return {
      direction: direction as "improving" | "stable" | "worsening",
      instrument: getInstrument(instrumentId)!.shortName,
      label: category.label,
    };
  }
  return null;
}

describe(`The patient list shows each patient's real treatment, last assessment and trend (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let clinician: SessionUser;
  let expected: Expected[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await seedDatabase(db, { today: new Date("2026-11-01T00:00:00Z") });
    const [user] = await db.select().from(schema.users).where(eq(schema.users.email, "clinician@yardstick.demo"));
    clinician = (await loadSessionUser(db, user.id))!;
    const teamId = clinician.team.id;

    // Beside the 40 seeded patients: one with nothing recorded, one on two drugs at once.
    await createPatient(db, teamId, "ZZ-EMPTY");
    const twoDrugs = await createPatient(db, teamId, "YS-TWO");
    await db.insert(schema.treatmentCourses).values([
      {
        patientId: twoDrugs.id,
        drug: "memantine",
        indication: "fibromyalgia",
        targetDose: 20,
        doseUnit: "mg/day",
        startDate: "2026-06-01",
      },
      {
        patientId: twoDrugs.id,
        drug: "low-dose naltrexone",
        indication: "fibromyalgia",
        targetDose: 4.5,
        doseUnit: "mg/day",
        startDate: "2026-03-01",
      },
      {
        patientId: twoDrugs.id,
        drug: "amitriptyline",
        indication: "fibromyalgia",
        targetDose: 10,
        doseUnit: "mg/day",
        startDate: "2025-01-01",
        endDate: "2025-06-01",
        status: "stopped",
      },
    ]);
    await db.insert(schema.assessments).values(
      [
        ["2026-02-20", 70],
        ["2026-05-25", 64],
        ["2026-09-01", 40],
      ].map(([takenOn, totalScore]) => ({
        patientId: twoDrugs.id,
        instrumentId: "fiqr" as const,
        takenOn: takenOn as string,
        totalScore: totalScore as number,
        enteredBy: user.id,
      })),
    );

    const patients = rowsOf<{ id: string; code: string }>(
      await db.execute(sql`select id, code from patients where team_id = ${teamId} and archived_at is null`),
    );
    const courses = rowsOf<CourseRow>(
      await db.execute(sql`select c.id, c.patient_id, c.drug, c.start_date::text as start_date, c.end_date::text as end_date, c.status
        from treatment_courses c join patients p on p.id = c.patient_id where p.team_id = ${teamId}`),
    );
    const scores = rowsOf<ScoreRow>(
      await db.execute(sql`select a.id, a.patient_id, a.instrument_id, a.taken_on::text as taken_on, a.total_score, to_char(a.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_at
        from assessments a join patients p on p.id = a.patient_id where p.team_id = ${teamId}`),
    ).map((s) => ({ ...s, total_score: Number(s.total_score), taken_on: text(s.taken_on) }));
    const choices = rowsOf<ChoiceRow>(
      await db.execute(sql`select b.course_id, b.instrument_id, b.assessment_id from course_baselines b
        join treatment_courses c on c.id = b.course_id join patients p on p.id = c.patient_id where p.team_id = ${teamId}`),
    );

    expected = patients.map((patient) => {
      const own = courses
        .filter((c) => c.patient_id === patient.id)
        .map((c) => ({ ...c, start_date: text(c.start_date), end_date: c.end_date && text(c.end_date) }));
      const active = own
        .filter((c) => c.status === "active")
        .sort((a, b) => a.start_date.localeCompare(b.start_date) || a.drug.localeCompare(b.drug));
      const ownScores = scores.filter((s) => s.patient_id === patient.id);
      const last =
        ownScores
          .map((s) => s.taken_on)
          .sort()
          .at(-1) ?? null;
      return {
        code: patient.code,
        activeDrugs: active.length ? active.map((c) => c.drug).join(", ") : null,
        lastAssessedOn: last,
        trend: expectedTrend(own, ownScores, choices),
      };
    });
  });
  afterAll(async () => database.dispose());

  async function allRows(filters: PatientListFilters): Promise<Expected[]> {
    const rows: Expected[] = [];
    let after: PatientListFilters["after"];
    for (;;) {
      const result = await listPatientsForTeam(clinician, { ...filters, after });
      rows.push(...result.rows.map(({ code, activeDrugs, lastAssessedOn, trend }) => ({ code, activeDrugs, lastAssessedOn, trend })));
      if (!result.nextCursor) return rows;
      after = result.nextCursor;
    }
  }

  const byCode = (a: Expected, b: Expected) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

  it("every row's active treatment, last assessment date and trend match the records", async () => {
    const rows = await allRows({ sort: "code" });
    // 40 seeded, 6 worklist demo patients (db/seed/worklist-demo.ts), the clinic cohort, ZZ-EMPTY and YS-TWO.
    expect(rows).toHaveLength(48 + CLINIC_COHORT_CODES.length);
    expect(rows).toEqual([...expected].sort(byCode));
  });

  it("the figures are real, not blanks that happen to agree", async () => {
    const rows = await allRows({ sort: "code" });
    const ys001 = rows.find((r) => r.code === "YS-001")!;
    expect(ys001.activeDrugs).toBe("memantine");
    expect(ys001.lastAssessedOn).toMatch(/^2026-\d\d-\d\d$/);
    expect(rows.find((r) => r.code === "YS-TWO")).toMatchObject({
      activeDrugs: "low-dose naltrexone, memantine",
      lastAssessedOn: "2026-09-01",
    });
    expect(rows.find((r) => r.code === "ZZ-EMPTY")).toEqual({ code: "ZZ-EMPTY", activeDrugs: null, lastAssessedOn: null, trend: null });
    expect(rows.filter((r) => r.activeDrugs !== null).length).toBeGreaterThan(25);
    // Every demo patient has at least one score; only ZZ-EMPTY has none.
    expect(rows.filter((r) => r.lastAssessedOn !== null)).toHaveLength(47 + CLINIC_COHORT_CODES.length);
    expect(rows.filter((r) => r.trend !== null).length).toBeGreaterThan(25);
    expect(new Set(rows.map((r) => r.trend?.direction)).size).toBeGreaterThan(1);
  });

  it("sorts by last assessment, newest first (patients never assessed last), across pages", async () => {
    const rows = await allRows({ sort: "last_assessment_desc" });
    const want = [...expected].sort(
      (a, b) =>
        (a.lastAssessedOn === null ? 1 : 0) - (b.lastAssessedOn === null ? 1 : 0) ||
        (b.lastAssessedOn ?? "").localeCompare(a.lastAssessedOn ?? "") ||
        byCode(a, b),
    );
    expect(rows.map((r) => [r.code, r.lastAssessedOn])).toEqual(want.map((r) => [r.code, r.lastAssessedOn]));
    expect(rows[0].lastAssessedOn! > rows[40].lastAssessedOn!).toBe(true);
  });

  it("sorts by last assessment, oldest first (patients never assessed first), across pages", async () => {
    const rows = await allRows({ sort: "last_assessment_asc" });
    const want = [...expected].sort(
      (a, b) =>
        (a.lastAssessedOn === null ? 0 : 1) - (b.lastAssessedOn === null ? 0 : 1) ||
        (a.lastAssessedOn ?? "").localeCompare(b.lastAssessedOn ?? "") ||
        byCode(a, b),
    );
    expect(rows.map((r) => [r.code, r.lastAssessedOn])).toEqual(want.map((r) => [r.code, r.lastAssessedOn]));
    expect(rows[0].code).toBe("ZZ-EMPTY");
  });

  it("filters by treatment status agree with the active treatment shown", async () => {
    const on = await allRows({ status: "on_treatment" });
    const off = await allRows({ status: "no_active_treatment" });
    expect(on.map((r) => r.code).sort()).toEqual(
      expected
        .filter((r) => r.activeDrugs !== null)
        .map((r) => r.code)
        .sort(),
    );
    expect(off.map((r) => r.code).sort()).toEqual(
      expected
        .filter((r) => r.activeDrugs === null)
        .map((r) => r.code)
        .sort(),
    );
  });
});
