import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { checkEligibility } from "@/lib/comparison/eligibility";
import { studyMatchesCourse } from "@/lib/comparison/matching";
import { percentReductionRule } from "@/lib/comparison/responder";
import { type CaseloadPanel, clinicCaseload, courseFollowUpPoints } from "@/lib/data/clinic";
import { chooseBaseline } from "@/lib/data/course-writes";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import type { Study } from "@/lib/evidence/types";
import type { InstrumentId } from "@/lib/instruments/types";
import { courseTimeline } from "@/lib/progress/timeline";
import { createPatient } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// The caseload's SQL is checked against rows read with separate plain queries and worked out here in
// JavaScript: the baseline/follow-up rule through lib/progress/timeline.ts, eligibility through
// lib/comparison/eligibility.ts, counts, means and SDs by hand.

type CourseRow = {
  id: string;
  patient_id: string;
  team_id: string;
  code: string;
  sex: string;
  birth_year: number;
  drug: string;
  indication: string;
  start_date: string;
  end_date: string | null;
  status: string;
  archived: boolean;
};
type ScoreRow = { id: string; patient_id: string; instrument_id: string; taken_on: string; total_score: number; created_at: string };
type ChoiceRow = { course_id: string; instrument_id: string; assessment_id: string };
type EventRow = { course_id: string; event: string };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const FINAL = "bruun-2024-final";

describe(`Caseload against the trials (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let demo: SessionUser;
  let northside: SessionUser;
  let courses: CourseRow[];
  let scores: ScoreRow[];
  let choices: ChoiceRow[];
  let events: EventRow[];
  let final: Study;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await seedDatabase(db, { today: new Date("2026-11-01T00:00:00Z") });
    const sessionFor = async (email: string) => {
      const [user] = await db.select().from(schema.users).where(eq(schema.users.email, email));
      return (await loadSessionUser(db, user.id))!;
    };
    demo = await sessionFor("clinician@yardstick.demo");
    northside = await sessionFor("clinician@northside.demo");

    // Orders that test the rule's edges: a stopped course, two scores on the start day entered out of
    // order, two on the week-12 day, a score after the end, and a clinician-chosen baseline.
    const tie = await createPatient(db, demo.team.id, "YS-EDGE1");
    const chosen = await createPatient(db, demo.team.id, "YS-EDGE2");
    const [tieCourse, chosenCourse] = await db
      .insert(schema.treatmentCourses)
      .values([
        {
          patientId: tie.id,
          drug: "LDN",
          indication: "Fibromyalgia",
          targetDose: 4.5,
          doseUnit: "mg/day",
          startDate: "2026-05-01",
          endDate: "2026-08-20",
          status: "stopped",
        },
        {
          patientId: chosen.id,
          drug: "low-dose naltrexone",
          indication: "fibromyalgia",
          targetDose: 4.5,
          doseUnit: "mg/day",
          startDate: "2026-03-01",
        },
      ])
      .returning();
    const score = (patientId: string, takenOn: string, totalScore: number, createdAt: string) => ({
      patientId,
      instrumentId: "pain_nrs_0_10" as const,
      takenOn,
      totalScore,
      enteredBy: demo.id,
      createdAt: new Date(createdAt),
    });
    const inserted = await db
      .insert(schema.assessments)
      .values([
        score(tie.id, "2026-04-20", 8, "2026-04-20T09:00:00Z"),
        score(tie.id, "2026-05-01", 6, "2026-05-01T15:00:00Z"),
        score(tie.id, "2026-05-01", 7, "2026-05-01T09:00:00Z"),
        score(tie.id, "2026-07-24", 4, "2026-07-24T15:00:00Z"),
        score(tie.id, "2026-07-24", 5, "2026-07-24T09:00:00Z"),
        score(tie.id, "2026-09-01", 2, "2026-09-01T09:00:00Z"),
        score(chosen.id, "2026-02-01", 9, "2026-02-01T09:00:00Z"),
        score(chosen.id, "2026-02-25", 5, "2026-02-25T09:00:00Z"),
        score(chosen.id, "2026-06-01", 6, "2026-06-01T09:00:00Z"),
      ])
      .returning();
    await chooseBaseline(demo, chosenCourse.id, inserted[6].id); // 9 on 2026-02-01, not the default 5
    expect(tieCourse.status).toBe("stopped");

    courses = rowsOf<CourseRow>(
      await db.execute(
        `select c.id, c.patient_id, p.team_id, p.code, p.sex, p.birth_year, c.drug, c.indication, c.start_date::text as start_date,
                c.end_date::text as end_date, c.status, p.archived_at is not null as archived
         from treatment_courses c join patients p on p.id = c.patient_id order by c.id` as never,
      ),
    );
    scores = rowsOf<ScoreRow>(
      await db.execute(
        "select id, patient_id, instrument_id, taken_on::text as taken_on, total_score, created_at::text as created_at from assessments order by id" as never,
      ),
    );
    choices = rowsOf<ChoiceRow>(await db.execute("select course_id, instrument_id, assessment_id from course_baselines" as never));
    events = rowsOf<EventRow>(await db.execute("select course_id, event from adverse_events" as never));
    const [studyRow] = await db.select().from(schema.studies).where(eq(schema.studies.id, FINAL));
    final = studyRow.data as Study;
  });
  afterAll(async () => database?.dispose());

  /** lib/progress/timeline.ts on the plain rows: the baseline and the first follow-up at or past `weeks`. */
  function timelinePoints(course: CourseRow, instrumentId: InstrumentId, weeks: number) {
    const timeline = courseTimeline(
      {
        startDate: course.start_date,
        endDate: course.end_date,
        chosenBaselines: Object.fromEntries(
          choices.filter((c) => c.course_id === course.id).map((c) => [c.instrument_id, c.assessment_id]),
        ),
      },
      instrumentId,
      scores
        .filter((s) => s.patient_id === course.patient_id)
        .map((s) => ({
          id: s.id,
          instrumentId: s.instrument_id,
          takenOn: s.taken_on,
          totalScore: Number(s.total_score),
          createdAt: s.created_at,
        })),
    );
    if (!timeline.ok) throw new Error(timeline.problem);
    return { baseline: timeline.baseline, followUp: timeline.followUps.find((f) => f.weeksSinceStart >= weeks) ?? null };
  }

  it.each([
    ["pain_nrs_0_10", 12],
    ["fiqr", 12],
    ["irls", 12],
    ["pain_nrs_0_10", 4],
  ] as const)(
    "the SQL baseline and follow-up on %s at week %i match lib/progress/timeline.ts on every course of both teams",
    async (instrumentId, weeks) => {
      let withBaseline = 0;
      let withFollowUp = 0;
      for (const user of [demo, northside]) {
        const sqlPoints = await courseFollowUpPoints(user, instrumentId, weeks);
        const own = courses.filter((c) => c.team_id === user.team.id);
        expect(sqlPoints.map((p) => p.courseId).sort()).toEqual(own.map((c) => c.id).sort());
        for (const course of own) {
          const fromSql = sqlPoints.find((p) => p.courseId === course.id)!;
          const expected = timelinePoints(course, instrumentId, weeks);
          expect({ course: course.code, baseline: fromSql.baseline?.id ?? null, followUp: fromSql.followUp?.id ?? null }).toEqual({
            course: course.code,
            baseline: expected.baseline?.score.id ?? null,
            followUp: expected.followUp?.score.id ?? null,
          });
          if (expected.baseline) withBaseline++;
          if (expected.followUp) withFollowUp++;
        }
      }
      // The comparison is not vacuous: some courses have each.
      expect(withBaseline).toBeGreaterThan(0);
      if (instrumentId !== "irls") expect(withFollowUp).toBeGreaterThan(0);
    },
  );

  it("the edge courses take the later same-day entry as baseline, the clinician's choice, and the earlier week-12 entry", async () => {
    const points = await courseFollowUpPoints(demo, "pain_nrs_0_10", 12);
    const byCode = (code: string) => points.find((p) => courses.find((c) => c.id === p.courseId)!.code === code)!;
    expect(byCode("YS-EDGE1").baseline).toMatchObject({ takenOn: "2026-05-01", total: 6 });
    expect(byCode("YS-EDGE1").followUp).toMatchObject({ takenOn: "2026-07-24", total: 5 });
    expect(byCode("YS-EDGE2").baseline).toMatchObject({ takenOn: "2026-02-01", total: 9 });
    expect(byCode("YS-EDGE2").followUp).toMatchObject({ takenOn: "2026-06-01", total: 6 });
  });

  /** The FINAL panel worked out in JavaScript from the plain rows. */
  function expectedFinalPanel(teamId: string, status?: string) {
    const rule = percentReductionRule(FINAL)!;
    const matching = courses.filter(
      (c) =>
        c.team_id === teamId &&
        !c.archived &&
        (status === undefined || c.status === status) &&
        studyMatchesCourse(final, { drug: c.drug, indication: c.indication }).matches,
    );
    const latestPerPatient = new Map<string, CourseRow>();
    for (const course of matching) {
      const held = latestPerPatient.get(course.patient_id);
      if (!held || course.start_date > held.start_date || (course.start_date === held.start_date && course.id > held.id))
        latestPerPatient.set(course.patient_id, course);
    }
    const cohort = [...latestPerPatient.values()];
    const rows = cohort.map((course) => {
      const { baseline, followUp } = timelinePoints(course, "pain_nrs_0_10", rule.timepointWeeks);
      const findings = checkEligibility({
        studyName: "FINAL",
        eligibility: final.eligibility!,
        patient: { sex: course.sex, birthYear: Number(course.birth_year) },
        courseStart: course.start_date,
        baseline: baseline ? { instrumentId: "pain_nrs_0_10", total: baseline.total } : null,
      });
      return { course, baseline, followUp, outside: findings.some((f) => f.kind === "outside") };
    });
    const compared = rows.filter((r) => r.followUp && !r.outside);
    const changes = compared.map((r) => r.followUp!.total - r.baseline!.total);
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    const sd = Math.sqrt(changes.reduce((a, b) => a + (b - mean) ** 2, 0) / (changes.length - 1));
    const withPct = compared.filter((r) => r.baseline!.total !== 0);
    const responders = withPct.filter(
      (r) => ((r.baseline!.total - r.followUp!.total) * 100) / r.baseline!.total > rule.thresholdPct + 1e-9,
    );
    const courseIds = new Set(cohort.map((c) => c.id));
    const eventPatients = new Map<string, Set<string>>();
    for (const e of events.filter((e) => courseIds.has(e.course_id))) {
      const key = e.event.trim().toLowerCase();
      const patient = cohort.find((c) => c.id === e.course_id)!.patient_id;
      eventPatients.set(key, (eventPatients.get(key) ?? new Set()).add(patient));
    }
    return {
      treated: cohort.length,
      withBaseline: rows.filter((r) => r.baseline).length,
      withFollowUp: rows.filter((r) => r.followUp).length,
      outside: rows.filter((r) => r.followUp && r.outside).length,
      compared: compared.length,
      mean,
      sd,
      responders: responders.length,
      responderOf: withPct.length,
      events: Object.fromEntries([...eventPatients].map(([event, set]) => [event, set.size])),
      anyEvent: new Set(events.filter((e) => courseIds.has(e.course_id)).map((e) => cohort.find((c) => c.id === e.course_id)!.patient_id))
        .size,
    };
  }

  function finalPanel(panels: CaseloadPanel[]) {
    return panels.find((p) => p.benchmark.study.id === FINAL)!;
  }

  it("the FINAL panel's counts, responders, mean change and adverse events equal the independent computation", async () => {
    const panel = finalPanel(await clinicCaseload(demo));
    const expected = expectedFinalPanel(demo.team.id);
    expect(panel).toBeDefined();
    expect({
      treated: panel.treated,
      withBaseline: panel.withBaseline,
      withFollowUp: panel.withFollowUp,
      outside: panel.outsideEnrolment,
      compared: panel.meanChange.n,
      responders: panel.responders!.count,
      responderOf: panel.responders!.of,
      anyEvent: panel.anyAdverseEvent.patients,
    }).toEqual({
      treated: expected.treated,
      withBaseline: expected.withBaseline,
      withFollowUp: expected.withFollowUp,
      outside: expected.outside,
      compared: expected.compared,
      responders: expected.responders,
      responderOf: expected.responderOf,
      anyEvent: expected.anyEvent,
    });
    expect(panel.meanChange.mean).toBeCloseTo(expected.mean, 10);
    expect(panel.meanChange.sd).toBeCloseTo(expected.sd, 10);
    expect(Object.fromEntries(panel.adverseEvents.map((e) => [e.event, e.patients]))).toEqual(expected.events);
    expect(panel.patients).toHaveLength(expected.withFollowUp);
    expect(panel.patients.filter((p) => p.outsideEnrolment.length > 0)).toHaveLength(expected.outside);
    // Each panel shows every one; the demo cohort makes every figure non-trivial.
    expect(expected.compared).toBeGreaterThanOrEqual(10);
    expect(expected.outside).toBeGreaterThanOrEqual(2);
    expect(expected.responders).toBeGreaterThan(0);
    expect(expected.responders).toBeLessThan(expected.responderOf);
    expect(Object.keys(expected.events).length).toBeGreaterThanOrEqual(3);
  });

  it("the seeded cohort's flags: the man and the baseline below 4/10 are outside FINAL's enrolment; exactly 30% is not a responder", async () => {
    const panel = finalPanel(await clinicCaseload(demo));
    const patient = (code: string) => panel.patients.find((p) => p.code === code)!;
    expect(patient("YS-K11").outsideEnrolment).toEqual(["sex"]);
    expect(patient("YS-K12").outsideEnrolment).toEqual(["baseline"]);
    expect(patient("YS-K10")).toMatchObject({ percentReduction: 30, responder: false });
    expect(patient("YS-K01")).toMatchObject({ baselineTotal: 7, followUpTotal: 4, changePoints: -3, responder: true });
    expect(panel.patients.some((p) => p.code === "YS-K13" || p.code === "YS-K14")).toBe(false);
  });

  it("filters by course status and drug", async () => {
    const stopped = finalPanel(await clinicCaseload(demo, { status: "stopped" }));
    const expected = expectedFinalPanel(demo.team.id, "stopped");
    expect(stopped.treated).toBe(expected.treated);
    expect(stopped.patients.map((p) => p.code)).toContain("YS-EDGE1");
    expect((await clinicCaseload(demo, { drug: "memantine" })).some((p) => p.benchmark.study.id === FINAL)).toBe(false);
    expect(finalPanel(await clinicCaseload(demo, { drug: "LDN", condition: "Fibromyalgia" }))).toBeDefined();
  });

  it("shows only the active team's patients", async () => {
    const demoCodes = new Set(courses.filter((c) => c.team_id === demo.team.id).map((c) => c.code));
    for (const panel of await clinicCaseload(northside)) {
      expect(panel.patients.filter((p) => demoCodes.has(p.code))).toEqual([]);
      const expected = expectedFinalPanel(northside.team.id);
      if (panel.benchmark.study.id === FINAL) expect(panel.treated).toBe(expected.treated);
    }
    const northsidePoints = await courseFollowUpPoints(northside, "pain_nrs_0_10", 12);
    const demoCourseIds = new Set(courses.filter((c) => c.team_id === demo.team.id).map((c) => c.id));
    expect(northsidePoints.filter((p) => demoCourseIds.has(p.courseId))).toEqual([]);
  });
});
