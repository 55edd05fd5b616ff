import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { recordAssessment, recordAssessmentsInBulk, updateAssessment } from "@/lib/data/assessment-writes";
import { fillBenchDataset } from "@/scripts/bench/dataset";
import { expectLatestSummaryCurrent, latestSummaryDifferences } from "../support/assessment-latest";
import { createPatient, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// assessment_latest (each patient's latest assessment per instrument, read by the worklist) is kept by statement
// triggers on assessments and patients (migration 0016). After every kind of write below, the stored rows must
// equal a recomputation from assessments (tests/support/assessment-latest.ts). The CSV import, FHIR import,
// self-report and restore tests make the same check after their own writes.

describe(`assessment_latest follows every write to assessments (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let clinic: Awaited<ReturnType<typeof createTeamWithUser>>;
  let patientId: string;
  const latestOf = async (patient: string, instrument: string) =>
    (
      await database.db
        .select()
        .from(schema.assessmentLatest)
        .where(sql`${schema.assessmentLatest.patientId} = ${patient} and ${schema.assessmentLatest.instrumentId} = ${instrument}`)
    )[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    clinic = await createTeamWithUser(database.db, "clinician");
    patientId = (await createPatient(database.db, clinic.team.id)).id;
  });
  afterAll(async () => database?.dispose());

  it("is filled by a bulk INSERT … SELECT (the benchmark's generator: thousands of rows in one statement)", async () => {
    await fillBenchDataset(database, { patients: 60, assessments: 3_000, teams: 2 });
    await expectLatestSummaryCurrent(database.db, 60);
  });

  it("takes a new assessment from the form, and keeps the later one when an earlier date is entered after it", async () => {
    const first = await recordAssessment(clinic.sessionUser, patientId, {
      instrumentId: "pain_nrs_0_10",
      takenOn: "2026-03-10",
      courseId: null,
      total: 7,
    });
    expect((await latestOf(patientId, "pain_nrs_0_10")).assessmentId).toBe(first.id);
    await recordAssessment(clinic.sessionUser, patientId, {
      instrumentId: "pain_nrs_0_10",
      takenOn: "2026-02-01",
      courseId: null,
      total: 8,
    });
    expect((await latestOf(patientId, "pain_nrs_0_10")).assessmentId).toBe(first.id);
    const second = await recordAssessment(clinic.sessionUser, patientId, {
      instrumentId: "pain_nrs_0_10",
      takenOn: "2026-03-10",
      courseId: null,
      total: 5,
    });
    // Same day: the later entry is the latest.
    expect((await latestOf(patientId, "pain_nrs_0_10")).assessmentId).toBe(second.id);
    await expectLatestSummaryCurrent(database.db);
  });

  it("follows a correction that moves the latest assessment earlier (the one before becomes the latest), or changes its total", async () => {
    const [latest] = await database.db
      .select()
      .from(schema.assessments)
      .where(sql`${schema.assessments.patientId} = ${patientId} and ${schema.assessments.totalScore} = 5`);
    await updateAssessment(clinic.sessionUser, latest.id, latest.version, { takenOn: "2026-01-15", courseId: null, total: 5 });
    const now = await latestOf(patientId, "pain_nrs_0_10");
    expect(now.assessmentId).not.toBe(latest.id);
    expect(now.takenOn).toBe("2026-03-10");
    await updateAssessment(clinic.sessionUser, now.assessmentId, 1, { takenOn: "2026-03-10", courseId: null, total: 2 });
    expect((await latestOf(patientId, "pain_nrs_0_10")).totalScore).toBe(2);
    await expectLatestSummaryCurrent(database.db);
  });

  it("takes a bulk entry (several instruments and days in one transaction)", async () => {
    await recordAssessmentsInBulk(clinic.sessionUser, patientId, [
      { instrumentId: "pain_vas_0_100", takenOn: "2026-04-01", courseId: null, total: 55 },
      { instrumentId: "pain_vas_0_100", takenOn: "2026-04-02", courseId: null, total: 45 },
      { instrumentId: "pain_nrs_0_10", takenOn: "2026-04-02", courseId: null, total: 4 },
    ]);
    expect((await latestOf(patientId, "pain_vas_0_100")).totalScore).toBe(45);
    expect((await latestOf(patientId, "pain_nrs_0_10")).totalScore).toBe(4);
    await expectLatestSummaryCurrent(database.db);
  });

  it("breaks a tie of day and entry time by the larger id, as the worklist orders, within one statement", async () => {
    await database.db.execute(sql`
      insert into assessments (patient_id, instrument_id, taken_on, total_score, entered_by, created_at)
      select ${patientId}, 'fiq', date '2026-05-01', g, ${clinic.user.id}, timestamptz '2026-05-01 10:00:00+00'
      from generate_series(1, 5) g`);
    const [top] = await database.db
      .select({ id: schema.assessments.id })
      .from(schema.assessments)
      .where(sql`${schema.assessments.patientId} = ${patientId} and ${schema.assessments.instrumentId} = 'fiq'`)
      .orderBy(sql`${schema.assessments.id} desc`)
      .limit(1);
    expect((await latestOf(patientId, "fiq")).assessmentId).toBe(top.id);
    await expectLatestSummaryCurrent(database.db);
  });

  it("follows the owner's deletes: the next latest takes over, and a pair with no assessment left loses its row", async () => {
    await database.db.execute(sql`
      delete from assessments where id = (select assessment_id from assessment_latest where patient_id = ${patientId} and instrument_id = 'fiq')`);
    await expectLatestSummaryCurrent(database.db);
    await database.db.execute(sql`delete from assessments where patient_id = ${patientId} and instrument_id = 'fiq'`);
    expect(await latestOf(patientId, "fiq")).toBeUndefined();
    await expectLatestSummaryCurrent(database.db);
  });

  it("follows an assessment moved to another patient or instrument, and a patient moved to another team", async () => {
    const other = await createPatient(database.db, clinic.team.id);
    await database.db.execute(sql`
      update assessments set patient_id = ${other.id}
      where id = (select assessment_id from assessment_latest where patient_id = ${patientId} and instrument_id = 'pain_vas_0_100')`);
    await database.db.execute(sql`
      update assessments set instrument_id = 'pain_vas_0_100', total_score = total_score * 10
      where id = (select assessment_id from assessment_latest where patient_id = ${patientId} and instrument_id = 'pain_nrs_0_10')`);
    await expectLatestSummaryCurrent(database.db);
    const elsewhere = await createTeamWithUser(database.db, "clinician");
    await database.db.update(schema.patients).set({ teamId: elsewhere.team.id }).where(eq(schema.patients.id, other.id));
    expect((await latestOf(other.id, "pain_vas_0_100")).teamId).toBe(elsewhere.team.id);
    await expectLatestSummaryCurrent(database.db);
  });

  it.runIf(testDatabaseKind() === "postgres")(
    "stays right when two transactions write the same patient and instrument at once (an insert and a correction, both orders)",
    async () => {
      const client = postgres(database.url!, { max: 3, onnotice: () => {} });
      try {
        const subject = (await createPatient(database.db, clinic.team.id)).id;
        const insert = (day: string, total: number) =>
          sql`insert into assessments (patient_id, instrument_id, taken_on, total_score, entered_by)
              values (${subject}, 'irls', ${day}, ${total}, ${clinic.user.id})`;
        await database.db.execute(insert("2026-01-01", 10));
        await database.db.execute(insert("2026-02-01", 12));
        for (const order of ["correction first", "insert first"]) {
          const [first, second] = [await client.reserve(), await client.reserve()];
          const correct = (c: postgres.ReservedSql) =>
            c`update assessments set taken_on = taken_on - 400 where id = (
                select assessment_id from assessment_latest where patient_id = ${subject} and instrument_id = 'irls')`;
          const add = (c: postgres.ReservedSql) =>
            c`insert into assessments (patient_id, instrument_id, taken_on, total_score, entered_by)
              values (${subject}, 'irls', ${order === "insert first" ? "2026-03-01" : "2026-04-01"}, 20, ${clinic.user.id})`;
          const [{ pid }] = await second<{ pid: number }[]>`select pg_backend_pid() as pid`;
          // The second transaction's statement must be waiting on the first's lock before the first commits.
          const blocked = async () => {
            for (let tries = 0; tries < 200; tries++) {
              const [row] = await client<
                { wait: string | null }[]
              >`select wait_event_type as wait from pg_stat_activity where pid = ${pid}`;
              if (row?.wait === "Lock") return;
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
            throw new Error("The second transaction never waited for the first one's lock.");
          };
          await first`begin`;
          await second`begin`;
          await (order === "correction first" ? correct(first) : add(first));
          const waiting = (order === "correction first" ? add(second) : correct(second)).then(() => second`commit`);
          await blocked();
          await first`commit`;
          await waiting;
          first.release();
          second.release();
          expect(await latestSummaryDifferences(database.db)).toEqual([]);
        }
      } finally {
        await client.end({ timeout: 5 });
      }
      await expectLatestSummaryCurrent(database.db);
    },
  );

  it("is emptied by a TRUNCATE of assessments", async () => {
    await database.db.execute(sql`truncate assessments cascade`);
    expect(await latestSummaryDifferences(database.db)).toEqual([]);
    expect((await database.db.select().from(schema.assessmentLatest)).length).toBe(0);
  });
});
