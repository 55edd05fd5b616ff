import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { compareCoursesWithTrials } from "@/lib/data/comparisons";
import { chooseBaseline } from "@/lib/data/course-writes";
import { getPatientRecord } from "@/lib/data/patients";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { buildProgress } from "@/lib/progress/progress";
import { createPatient } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// The progress panel and the trial comparison sit on one patient page: for every course they both
// describe, they must name the same baseline and the same latest change.

describe(`The progress panel and the trial comparison agree on every seeded course (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const clinicians: SessionUser[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await seedDatabase(db, { today: new Date("2026-11-01T00:00:00Z") });
    for (const email of ["clinician@yardstick.demo", "clinician@northside.demo"]) {
      const [user] = await db.select().from(schema.users).where(eq(schema.users.email, email));
      clinicians.push((await loadSessionUser(db, user.id))!);
    }

    // Beside the seeded patients, one whose scores arrive in an order that once split the two panels:
    // two courses, a chosen baseline, two scores on one day entered out of order, a score after a course ended.
    const [clinician] = clinicians;
    const patient = await createPatient(db, clinician.team.id, "YS-TIMELINE");
    const [stopped, active] = await db
      .insert(schema.treatmentCourses)
      .values([
        {
          patientId: patient.id,
          drug: "memantine",
          indication: "fibromyalgia",
          targetDose: 20,
          doseUnit: "mg/day",
          startDate: "2026-01-10",
          endDate: "2026-03-01",
          status: "stopped",
        },
        {
          patientId: patient.id,
          drug: "low-dose naltrexone",
          indication: "fibromyalgia",
          targetDose: 4.5,
          doseUnit: "mg/day",
          startDate: "2026-05-01",
        },
      ])
      .returning();
    const at = (iso: string) => new Date(iso);
    const scores = await db
      .insert(schema.assessments)
      .values(
        (
          [
            ["fiqr", "2026-01-05", 70, "2026-01-05T09:00:00Z"],
            ["fiqr", "2026-02-20", 61, "2026-02-20T09:00:00Z"],
            ["fiqr", "2026-04-01", 68, "2026-04-01T09:00:00Z"],
            ["fiqr", "2026-04-20", 66, "2026-04-20T09:00:00Z"],
            // Same day, inserted later but entered earlier: the 09:00 entry (52) is the earlier score, 48 the latest.
            ["fiqr", "2026-07-01", 48, "2026-07-01T15:00:00Z"],
            ["fiqr", "2026-07-01", 52, "2026-07-01T09:00:00Z"],
            ["pain_nrs_0_10", "2026-04-28", 7, "2026-04-28T09:00:00Z"],
            ["pain_nrs_0_10", "2026-06-15", 5, "2026-06-15T09:00:00Z"],
          ] as const
        ).map(([instrumentId, takenOn, totalScore, createdAt]) => ({
          patientId: patient.id,
          instrumentId,
          takenOn,
          totalScore,
          enteredBy: clinician.id,
          createdAt: at(createdAt),
        })),
      )
      .returning();
    await chooseBaseline(clinician, active.id, scores[2].id); // FIQR 68 on 2026-04-01, not the default 66
    expect(stopped.status).toBe("stopped");
  });
  afterAll(async () => database.dispose());

  it("for every course and instrument the progress summary follows: same baseline (date, score) and same latest change", async () => {
    let checked = 0;
    let withFollowUp = 0;
    for (const clinician of clinicians) {
      const patients = await database.db
        .select({ id: schema.patients.id })
        .from(schema.patients)
        .where(eq(schema.patients.teamId, clinician.team.id))
        .orderBy(asc(schema.patients.code));
      for (const { id } of patients) {
        const record = await getPatientRecord(clinician, id);
        const progress = buildProgress(record);
        const comparisons = await compareCoursesWithTrials(clinician, record);
        for (const panel of progress) {
          const { summary } = panel;
          if (!summary.courseId || panel.instrumentId === "pgic") continue;
          const course = comparisons.find((c) => c.course.id === summary.courseId)!;
          const trajectory = course.trajectories.find((t) => t.instrumentId === panel.instrumentId)!;
          const [baseline, ...followUps] = trajectory.points;
          const latest = followUps.at(-1);
          checked++;

          expect(baseline).toMatchObject({ isBaseline: true, takenOn: summary.baseline!.takenOn, score: summary.baseline!.total });
          expect(trajectory.baselineChosen).toBe(summary.baselineChosen);
          expect(panel.points.find((p) => p.isBaseline)).toMatchObject({
            takenOn: summary.baseline!.takenOn,
            total: summary.baseline!.total,
          });
          if (!summary.latest) {
            expect(latest).toBeUndefined();
            continue;
          }
          withFollowUp++;
          expect(latest).toMatchObject({
            takenOn: summary.latest.takenOn,
            score: summary.latest.total,
            changePoints: summary.change!.points,
          });
          expect(latest!.percentReduction === null ? null : -latest!.percentReduction + 0).toEqual(
            summary.change!.percent === null ? null : summary.change!.percent + 0,
          );

          // Every study the course was compared with used that same baseline and latest score.
          for (const study of course.studies) {
            for (const result of study.results.filter((r) => r.instrumentId === panel.instrumentId)) {
              if (!result.outcome.comparable) continue;
              expect(result.outcome.patient.baseline).toMatchObject({ takenAt: summary.baseline!.takenOn, total: summary.baseline!.total });
              expect(result.outcome.patient.latest).toMatchObject({ takenAt: summary.latest.takenOn, total: summary.latest.total });
              expect(result.outcome.patient.points).toBe(summary.change!.points);
              expect(result.outcome.instrumentClassification).toEqual(summary.category);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(46);
    expect(withFollowUp).toBeGreaterThan(40);
  });

  it("the out-of-order patient: chosen baseline FIQR 68, latest 48 (the later entry of 2026-07-01), on the active course", async () => {
    const [clinician] = clinicians;
    const [{ id }] = await database.db
      .select({ id: schema.patients.id })
      .from(schema.patients)
      .where(eq(schema.patients.code, "YS-TIMELINE"));
    const record = await getPatientRecord(clinician, id);
    const fiqr = buildProgress(record).find((p) => p.instrumentId === "fiqr")!;
    // 68 → 48: −20 points, −20 × 100 / 68 = −29.41…%.
    expect(fiqr.summary).toMatchObject({
      courseLabel: "low-dose naltrexone 4.5 mg/day",
      baseline: { takenOn: "2026-04-01", total: 68 },
      baselineChosen: true,
      latest: { takenOn: "2026-07-01", total: 48 },
      change: { points: -20, percent: (-20 * 100) / 68 },
    });
    const [stopped, active] = await compareCoursesWithTrials(clinician, record);
    const activeFiqr = active.trajectories.find((t) => t.instrumentId === "fiqr")!;
    expect(activeFiqr.points.map((p) => [p.takenOn, p.score, p.changePoints])).toEqual([
      ["2026-04-01", 68, 0],
      ["2026-07-01", 52, -16],
      ["2026-07-01", 48, -20],
    ]);
    // The stopped course's follow-up ends on its end date: the 2026-04 scores are not its follow-ups.
    expect(stopped.trajectories.find((t) => t.instrumentId === "fiqr")!.points.map((p) => [p.takenOn, p.score])).toEqual([
      ["2026-01-05", 70],
      ["2026-02-20", 61],
    ]);
  });
});
