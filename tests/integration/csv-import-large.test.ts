import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { importCsv, type ImportProgress } from "@/lib/data/imports";
import { generateImportCsv } from "../../scripts/generate-import-csv";
import { createTeamWithUser } from "../support/fixtures";
import { expectLatestSummaryCurrent } from "../support/assessment-latest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// 100,000 rows on PostgreSQL (the size); a tenth of that on in-memory PGlite, to keep the suite quick.
const ROWS = testDatabaseKind() === "postgres" ? 100_000 : 10_000;
const PATIENTS = ROWS / 100;

describe(`A ${ROWS.toLocaleString("en")}-row assessments import on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.dispose());

  it("writes every row in one transaction with progress, reports rows/s, and a second import adds nothing", async () => {
    const { sessionUser, team } = await createTeamWithUser(database.db, "clinician");
    const files = generateImportCsv({ rows: ROWS, patients: PATIENTS });
    expect(await importCsv(sessionUser, { name: "patients.csv", text: files.patientsCsv })).toMatchObject({
      outcome: "accepted",
      added: PATIENTS,
    });

    const progress: ImportProgress[] = [];
    let started = performance.now();
    const result = await importCsv(
      sessionUser,
      { name: "assessments.csv", text: files.assessmentsCsv },
      { onProgress: (p) => void progress.push(p) },
    );
    let seconds = (performance.now() - started) / 1000;
    console.log(`imported ${ROWS} rows in ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds)} rows/s) on ${testDatabaseKind()}`);
    expect(result).toMatchObject({ outcome: "accepted", rows: ROWS, added: ROWS, alreadyPresent: 0 });
    const writes = progress.filter((p) => p.phase === "writing");
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.at(-1)).toEqual({ phase: "writing", done: ROWS, total: ROWS });

    const stored = async () =>
      (
        await database.db
          .select({ n: count() })
          .from(schema.assessments)
          .innerJoin(schema.patients, eq(schema.patients.id, schema.assessments.patientId))
          .where(eq(schema.patients.teamId, team.id))
      )[0].n;
    expect(await stored()).toBe(ROWS);

    started = performance.now();
    const again = await importCsv(sessionUser, { name: "assessments.csv", text: files.assessmentsCsv });
    seconds = (performance.now() - started) / 1000;
    console.log(`re-imported ${ROWS} rows (all present) in ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds)} rows/s)`);
    expect(again).toMatchObject({ outcome: "accepted", added: 0, alreadyPresent: ROWS });
    expect(await stored()).toBe(ROWS);
  });

  it("leaves the worklist's stored latest scores (assessment_latest) equal to a recomputation after the large import above", async () => {
    await expectLatestSummaryCurrent(database.db);
  });
});
