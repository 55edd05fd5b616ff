import { readFile } from "node:fs/promises";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { STUDIES_FILE } from "@/db/seed/studies";
import { NotFoundError } from "@/lib/errors";
import { getPatientReport } from "@/lib/data/patient-report";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { latestScorePerInstrument } from "@/lib/report/latest-scores";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const kind = testDatabaseKind();

describe(`The printable patient report on ${kind}`, () => {
  let database: TestDatabase;
  let clinician: SessionUser;
  let otherTeamClinician: SessionUser;
  let patientId: string;

  const userByEmail = async (email: string) => {
    const [user] = await database.db.select().from(schema.users).where(eq(schema.users.email, email));
    return (await loadSessionUser(database.db, user.id))!;
  };
  const readsOf = async (id: string) =>
    (
      await database.db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "read"), eq(schema.auditLog.recordType, "patient"), eq(schema.auditLog.recordId, id)))
    )[0].n;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.db, { today: new Date("2026-11-01T00:00:00Z") });
    clinician = await userByEmail("clinician@yardstick.demo");
    otherTeamClinician = await userByEmail("clinician@northside.demo");
    const [row] = await database.db
      .select({ id: schema.patients.id })
      .from(schema.patients)
      .innerJoin(schema.treatmentCourses, eq(schema.treatmentCourses.patientId, schema.patients.id))
      .where(and(eq(schema.patients.teamId, clinician.team.id), eq(schema.treatmentCourses.drug, "low-dose naltrexone")))
      .orderBy(asc(schema.patients.code))
      .limit(1);
    patientId = row.id;
  });
  afterAll(async () => database.dispose());

  it("is an audited read of the record, naming the clinician who prints it", async () => {
    const before = await readsOf(patientId);
    const report = await getPatientReport(clinician, patientId);
    expect(await readsOf(patientId)).toBe(before + 1);
    expect(report.record.patient.id).toBe(patientId);
    expect(report.printedBy).toEqual({ displayName: "Dr Dana Clinician", teamName: "Demo Pain Clinic" });
  });

  it("another team's patient is not found, and nothing is audited as read", async () => {
    const before = await readsOf(patientId);
    await expect(getPatientReport(otherTeamClinician, patientId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPatientReport(clinician, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await readsOf(patientId)).toBe(before);
  });

  it("cites every study it compares the patient with, once each, as the evidence file words it", async () => {
    const report = await getPatientReport(clinician, patientId);
    const shown = report.comparisons.flatMap((c) => c.studies.map((s) => s.study.id));
    expect(shown.length).toBeGreaterThan(0);
    expect(report.citedStudies.map((s) => s.id).sort()).toEqual([...new Set(shown)].sort());
    expect(report.citedStudies.map((s) => s.id)).toContain("bruun-2024-final");
    const file = JSON.parse(await readFile(STUDIES_FILE, "utf8")) as { studies: { id: string; citation: string }[] };
    for (const cited of report.citedStudies) {
      expect(cited.study.citation, cited.id).toBe(file.studies.find((s) => s.id === cited.id)?.citation);
    }
  });

  it("the latest score per instrument agrees with the database's newest assessment", async () => {
    const report = await getPatientReport(clinician, patientId);
    const result = await database.db.execute(sql`
      select distinct on (instrument_id) instrument_id, total_score, taken_on::text as taken_on
      from ${schema.assessments} where patient_id = ${patientId}
      order by instrument_id, taken_on desc, created_at desc`);
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    const expected = (rows as { instrument_id: string; total_score: number; taken_on: string }[])
      .map((r) => ({ instrumentId: r.instrument_id, total: Number(r.total_score), takenOn: r.taken_on }))
      .sort((a, b) => a.instrumentId.localeCompare(b.instrumentId));
    expect(expected.length).toBeGreaterThan(0);
    const latest = latestScorePerInstrument(report.record.assessments).map(({ instrumentId, total, takenOn }) => ({
      instrumentId,
      total,
      takenOn,
    }));
    expect([...latest].sort((a, b) => a.instrumentId.localeCompare(b.instrumentId))).toEqual(expected);
  });
});
