import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { loadStudies, STUDIES_FILE, StudyFileError } from "@/db/seed/studies";
import { summarizeComparison, type ComparisonResult } from "@/lib/comparison";
import { compareCoursesWithTrials, type CourseComparisons } from "@/lib/data/comparisons";
import { NotFoundError } from "@/lib/errors";
import { getPatientRecord } from "@/lib/data/patients";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { getStudy, listStudies } from "@/lib/data/studies";
import { addScore, chooseBaseline, createCourse } from "../support/evidence-fixtures";
import { createPatient, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const kind = testDatabaseKind();
const SHARED_STUDIES_FILE = path.resolve(process.cwd(), "../shared/evidence/studies.json");

type RawStudy = Record<string, unknown> & { id: string };

async function rawStudies(file: string): Promise<RawStudy[]> {
  return (JSON.parse(await readFile(file, "utf8")) as { studies: RawStudy[] }).studies;
}

function expectedColumns(study: RawStudy) {
  const perArm = study.n_per_arm as Record<string, number> | null | undefined;
  const size = typeof study.n_total === "number" ? study.n_total : perArm ? Object.values(perArm).reduce((a, b) => a + b, 0) : null;
  return {
    id: study.id,
    drug: study.drug,
    condition: study.condition ?? null,
    design: study.design ?? null,
    verification: study.verification,
    evidenceLevel: study.evidence_level,
    citation: study.citation,
    doi: study.doi ?? null,
    nTotal: size,
    durationWeeks: study.duration_weeks ?? null,
  };
}

async function expectRowsMatchFile(database: TestDatabase, file: string) {
  const fileStudies = await rawStudies(file);
  const rows = await database.db.select().from(schema.studies);
  expect(rows.map((r) => r.id).sort()).toEqual(fileStudies.map((s) => s.id).sort());
  for (const study of fileStudies) {
    const row = rows.find((r) => r.id === study.id)!;
    expect(row.data, `data of ${study.id}`).toEqual(study);
    const { data: _data, loadedAt: _loadedAt, ...columns } = row;
    expect(columns, `list columns of ${study.id}`).toEqual(expectedColumns(study));
  }
}

async function studyCount(database: TestDatabase): Promise<number> {
  return (await database.db.select({ n: count() }).from(schema.studies))[0].n;
}

describe(`The evidence library on ${kind}`, () => {
  describe("loading the evidence file", () => {
    let database: TestDatabase;
    let tempDir: string;
    beforeAll(async () => {
      database = await createTestDatabase({ activate: false });
      tempDir = await mkdtemp(path.join(tmpdir(), "yardstick-evidence-"));
    });
    afterAll(async () => {
      await database.dispose();
      await rm(tempDir, { recursive: true, force: true });
    });

    it("a study file with a missing or invalid field fails the seed with the study id and field named; nothing partial is loaded", async () => {
      const good = await rawStudies(STUDIES_FILE);
      const writeStudies = async (name: string, studies: unknown[]) => {
        const file = path.join(tempDir, name);
        await writeFile(file, JSON.stringify({ studies }));
        return file;
      };
      const { evidence_level: _dropped, ...finalWithoutLevel } = good.find((s) => s.id === "bruun-2024-final")!;
      const missing = await writeStudies("missing.json", [good[0], finalWithoutLevel, ...good.slice(1)]);

      const failure = await loadStudies(database.db, missing).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StudyFileError);
      expect((failure as Error).message).toMatch(/bruun-2024-final: evidence_level/);
      expect(await studyCount(database)).toBe(0);

      // Already loaded studies stay exactly as they were: the changed good study before the bad one is not written either.
      await loadStudies(database.db);
      const changedFirst = { ...good[0], citation: "Changed citation" };
      const younger = structuredClone(good.find((s) => s.id === "younger-2013")!) as unknown as {
        outcomes: { arm_results: { mean_pct_reduction: unknown }[] }[];
      };
      younger.outcomes[0].arm_results[1].mean_pct_reduction = "18%";
      const invalid = await writeStudies("invalid.json", [
        changedFirst,
        ...good.filter((s) => s.id !== "younger-2013" && s.id !== good[0].id),
        younger,
      ]);

      await expect(loadStudies(database.db, invalid)).rejects.toThrow(/younger-2013: outcomes\[0\]\.arm_results\[1\]\.mean_pct_reduction/);
      expect(await studyCount(database)).toBe(good.length);
      await expectRowsMatchFile(database, STUDIES_FILE);
    });

    it("the seeded studies match studies.json field by field", async () => {
      await loadStudies(database.db);
      await expectRowsMatchFile(database, STUDIES_FILE);
    });

    it.skipIf(!existsSync(SHARED_STUDIES_FILE))(
      "the seeded studies match the shared evidence file (../shared/evidence/studies.json) field by field",
      async () => {
        await expectRowsMatchFile(database, SHARED_STUDIES_FILE);
      },
    );
  });

  describe("reading the library", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
      await loadStudies(database.db);
    });
    afterAll(async () => database.dispose());

    it("listStudies works for a viewer: every study, with its verification status", async () => {
      const { sessionUser: viewer } = await createTeamWithUser(database.db, "viewer");
      const list = await listStudies(viewer);
      expect(list).toHaveLength((await rawStudies(STUDIES_FILE)).length);
      const final = list.find((s) => s.id === "bruun-2024-final")!;
      expect(final).toMatchObject({
        shortName: "the FINAL trial",
        verified: true,
        nTotal: 99,
        durationWeeks: 12,
        doi: "10.1016/S2665-9913(23)00278-3",
      });
      expect(list.find((s) => s.id === "memantine-rls-claims")).toMatchObject({ verified: false, design: null, nTotal: null });
      expect(list.find((s) => s.id === "fayed-2014")?.verified).toBe(false);
    });

    it("an unverified study's evidence level is not shown; a probable identification is flagged", async () => {
      const { sessionUser: viewer } = await createTeamWithUser(database.db, "viewer");
      const list = await listStudies(viewer);
      const file = await rawStudies(STUDIES_FILE);
      for (const record of list) {
        const raw = file.find((s) => s.id === record.id)!;
        const unverified = raw.verification === "source-material-only";
        expect(record.evidenceLevel, record.id).toBe(unverified ? "not verified" : raw.evidence_level);
        expect(record.identificationProbable, record.id).toBe(/^Probably:/.test(raw.citation as string));
      }
      expect(list.filter((s) => s.identificationProbable).map((s) => s.id)).toEqual(["memantine-fm-open-pilot"]);
    });

    it("getStudy returns the study exactly as in the file, and an unknown id is not found", async () => {
      const { sessionUser: viewer } = await createTeamWithUser(database.db, "viewer");
      const file = await rawStudies(STUDIES_FILE);
      const record = await getStudy(viewer, "bruun-2024-final");
      expect(record.study).toEqual(file.find((s) => s.id === "bruun-2024-final"));
      await expect(getStudy(viewer, "no-such-study")).rejects.toBeInstanceOf(NotFoundError);
      await expect(getStudy(viewer, "../bruun-2024-final")).rejects.toBeInstanceOf(NotFoundError);
      await expect(getStudy(viewer, 42)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("a patient's courses compared with the trials", () => {
    let database: TestDatabase;
    let clinician: SessionUser;
    beforeAll(async () => {
      database = await createTestDatabase();
      await seedDatabase(database.db, { today: new Date("2026-11-01T00:00:00Z") });
      const [user] = await database.db.select().from(schema.users).where(eq(schema.users.email, "clinician@yardstick.demo"));
      clinician = (await loadSessionUser(database.db, user.id))!;
    });
    afterAll(async () => database.dispose());

    const studyIn = (course: CourseComparisons, id: string) => course.studies.find((s) => s.study.id === id);

    async function seededLdnFibromyalgiaPatients(): Promise<string[]> {
      const rows = await database.db
        .select({ id: schema.patients.id })
        .from(schema.patients)
        .innerJoin(schema.treatmentCourses, eq(schema.treatmentCourses.patientId, schema.patients.id))
        .where(
          and(
            eq(schema.patients.teamId, clinician.team.id),
            eq(schema.treatmentCourses.drug, "low-dose naltrexone"),
            eq(schema.treatmentCourses.indication, "fibromyalgia"),
          ),
        )
        .orderBy(asc(schema.patients.code));
      return rows.map((r) => r.id);
    }

    it("a seeded LDN fibromyalgia patient is set beside FINAL (bruun-2024-final), or told clearly why not", async () => {
      const patientIds = await seededLdnFibromyalgiaPatients();
      expect(patientIds.length).toBeGreaterThan(0);
      let compared = 0;
      for (const patientId of patientIds) {
        const record = await getPatientRecord(clinician, patientId);
        const [course] = await compareCoursesWithTrials(clinician, record);
        const final = studyIn(course, "bruun-2024-final")!;
        expect(final.study).toMatchObject({
          shortName: "the FINAL trial",
          size: 99,
          verified: true,
          caveats: "LDN was not superior to placebo for pain.",
        });
        const nrs = final.results.find((r) => r.instrumentId === "pain_nrs_0_10")!;
        if (!nrs.outcome.comparable) {
          expect(nrs.outcome.reason.length).toBeGreaterThan(20);
          continue;
        }
        compared++;
        const result: ComparisonResult = nrs.outcome;
        expect(result.mode).toBe("arm-benchmark");
        expect(result.arms.map((a) => [a.label, a.mean, a.ciText])).toEqual([
          ["LDN 6 mg", -1.3, "-1.7 to -0.8"],
          ["placebo", -0.9, "-1.4 to -0.5"],
        ]);
        expect(result.patientValue).toBe(result.patient.latest.total - result.patient.baseline.total);
        // FIQR is not FINAL's instrument; once FINAL is compared on pain NRS, that refusal is left out as noise.
        expect(final.results.map((r) => r.instrumentId)).toEqual(["pain_nrs_0_10"]);
        const trajectory = course.trajectories.find((t) => t.instrumentId === "pain_nrs_0_10")!;
        expect(trajectory.points[0]).toMatchObject({ isBaseline: true, changePoints: 0, score: result.patient.baseline.total });
        expect(trajectory.points.at(-1)).toMatchObject({
          score: result.patient.latest.total,
          weeksSinceStart: result.patient.latest.weeksSinceStart,
        });
      }
      expect(compared).toBeGreaterThan(0);
    });

    it("another team's clinician cannot read the patient or their comparison: not found", async () => {
      const [patientId] = await seededLdnFibromyalgiaPatients();
      const record = await getPatientRecord(clinician, patientId);
      const other = await createTeamWithUser(database.db);
      await expect(getPatientRecord(other.sessionUser, patientId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(compareCoursesWithTrials(other.sessionUser, record)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("states the FINAL comparison in plain words, and keeps the other LDN trials with their reasons", async () => {
      const { team, user, sessionUser } = await createTeamWithUser(database.db);
      const patient = await createPatient(database.db, team.id, "EV-LDN");
      const course = await createCourse(database.db, patient.id, { drug: "LDN", indication: "Fibromyalgia", startDate: "2024-01-01" });
      await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2024-01-01", 7);
      await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2024-03-25", 4.5);
      await addScore(database.db, patient.id, user.id, "fiqr", "2023-12-29", 60);
      await addScore(database.db, patient.id, user.id, "fiqr", "2024-03-25", 45);

      const [entry] = await compareCoursesWithTrials(sessionUser, await getPatientRecord(sessionUser, patient.id));
      expect(entry.course.id).toBe(course.id);
      const final = studyIn(entry, "bruun-2024-final")!;
      expect(summarizeComparison(final.results[0].outcome, "Pain NRS")).toBe(
        "Pain NRS fell 2.5 points by week 12; in the FINAL trial, LDN 6 mg reduced pain NRS by 1.3 points on average (95% CI 0.8–1.7) " +
          "and placebo by 0.9 — the patient's fall exceeds both arms' averages.",
      );
      expect(entry.studies[0].study.id).toBe("bruun-2024-final");
      const modes = Object.fromEntries(
        entry.studies.map((s) => [
          s.study.id,
          s.results.map((r) => `${r.instrumentId}:${r.outcome.comparable ? r.outcome.mode : r.outcome.code}`),
        ]),
      );
      expect(modes).toMatchObject({
        "younger-2013": ["pain_nrs_0_10:arm-benchmark"],
        "bested-2023": ["fiqr:threshold-only"],
        "vatvani-2024": ["fiqr:no-numeric-outcome", "pain_nrs_0_10:context-only"],
        // Not comparable on any of the patient's instruments: every reason stays.
        "bruun-plesner-2020": ["fiqr:different-instrument", "pain_nrs_0_10:different-instrument"],
        "younger-mackey-2009": ["fiqr:no-numeric-outcome", "pain_nrs_0_10:no-numeric-outcome"],
      });
      expect(Object.keys(modes).every((id) => !id.startsWith("memantine") && id !== "olivan-blazquez-2014")).toBe(true);
    });

    it("checks the patient against FINAL's eligibility: a man aged 65 or 66 with baseline NRS 3 is outside, and not called a trial responder", async () => {
      const { team, user, sessionUser } = await createTeamWithUser(database.db);
      const patient = await createPatient(database.db, team.id, "EV-ELIG");
      await database.db.update(schema.patients).set({ sex: "male", birthYear: 1958 }).where(eq(schema.patients.id, patient.id));
      await createCourse(database.db, patient.id, { drug: "low-dose naltrexone", indication: "fibromyalgia", startDate: "2024-01-01" });
      await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2024-01-01", 3);
      await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2024-03-25", 1);

      const [entry] = await compareCoursesWithTrials(sessionUser, await getPatientRecord(sessionUser, patient.id));
      const result = studyIn(entry, "bruun-2024-final")!.results[0].outcome as ComparisonResult;
      expect(result.comparable).toBe(true);
      const eligibility = (await rawStudies(STUDIES_FILE)).find((s) => s.id === "bruun-2024-final")!.eligibility as {
        age_years: [number, number];
        baseline_min: { value: number };
      };
      // 2024 - 1958 = 66, or 65 before the birthday: both above FINAL's upper age.
      expect(2024 - 1958 - 1).toBeGreaterThan(eligibility.age_years[1]);
      expect(3).toBeLessThan(eligibility.baseline_min.value);
      expect(Object.fromEntries(result.applicability.findings.map((f) => [f.field, f.kind]))).toEqual({
        sex: "outside",
        age: "outside",
        baseline: "outside",
        diagnosis: "question",
      });
      expect(result.applicability.findings.find((f) => f.field === "baseline")!.message).toBe(
        "The FINAL trial enrolled only patients with a baseline pain NRS of at least 4/10; this patient's baseline was 3.",
      );
      // A 67% fall would be a responder by FINAL's >30% definition; below the minimum it is not applied.
      expect(result.responder).toMatchObject({ applicable: false, isResponder: null });

      const younger = studyIn(entry, "younger-2013")!.results[0].outcome as ComparisonResult;
      expect(younger.applicability.findings).toEqual([
        { kind: "outside", field: "sex", message: "Younger 2013 enrolled only women; this patient is recorded as male." },
      ]);
      const mackey = studyIn(entry, "younger-mackey-2009")!;
      expect(mackey.results.every((r) => !r.outcome.comparable)).toBe(true);
      // Not compared (its results are in words only), so the card itself carries who it enrolled; the opioid exclusion is asked.
      expect(mackey.applicability.findings).toEqual([
        { kind: "outside", field: "sex", message: "Younger 2009 enrolled only women; this patient is recorded as male." },
        {
          kind: "question",
          field: "excludes",
          message: "Younger 2009 excluded patients with current opioid use — does this patient currently take opioids?",
        },
      ]);
    });

    it("uses the clinician's chosen baseline, and ends a finished course's follow-up on its end date", async () => {
      const { team, user, sessionUser } = await createTeamWithUser(database.db);
      const patient = await createPatient(database.db, team.id, "EV-BASE");
      const course = await createCourse(database.db, patient.id, {
        drug: "low-dose naltrexone",
        indication: "fibromyalgia",
        startDate: "2024-01-01",
        endDate: "2024-03-25",
      });
      const chosen = await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2023-12-01", 8);
      await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2024-01-01", 6);
      await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2024-03-25", 5);
      await addScore(database.db, patient.id, user.id, "pain_nrs_0_10", "2024-06-01", 2);
      await chooseBaseline(database.db, course.id, "pain_nrs_0_10", chosen.id);

      const [entry] = await compareCoursesWithTrials(sessionUser, await getPatientRecord(sessionUser, patient.id));
      const outcome = studyIn(entry, "bruun-2024-final")!.results[0].outcome as ComparisonResult;
      expect(entry.trajectories).toHaveLength(1);
      expect(outcome.comparable).toBe(true);
      expect(outcome.patient.baseline).toMatchObject({ takenAt: "2023-12-01", total: 8 });
      expect(outcome.patient.latest).toMatchObject({ takenAt: "2024-03-25", total: 5 });
      expect(entry.trajectories[0]).toMatchObject({ baselineChosen: true });
      expect(entry.trajectories[0].points.map((p) => [p.takenOn, p.changePoints])).toEqual([
        ["2023-12-01", 0],
        ["2024-03-25", -3],
      ]);
    });

    it("shows a memantine course's unverified and wordless studies with why they are not compared", async () => {
      const { team, user, sessionUser } = await createTeamWithUser(database.db);
      const patient = await createPatient(database.db, team.id, "EV-RLS");
      await createCourse(database.db, patient.id, { drug: "Memantine", indication: "RLS", startDate: "2024-01-01", targetDose: 20 });
      await addScore(database.db, patient.id, user.id, "irls", "2024-01-01", 25);
      await addScore(database.db, patient.id, user.id, "irls", "2024-02-12", 15);

      const [entry] = await compareCoursesWithTrials(sessionUser, await getPatientRecord(sessionUser, patient.id));
      expect(entry.studies.map((s) => s.study.id).sort()).toEqual(["kurian-2019", "memantine-rls-claims", "pickering-morel-2018"]);
      const claims = studyIn(entry, "memantine-rls-claims")!;
      expect(claims.study.verified).toBe(false);
      const refusal = claims.results[0].outcome;
      expect(refusal).toMatchObject({
        comparable: false,
        code: "unverified-study",
        claims: ["RLS symptoms and sleep quality: significant reduction vs placebo"],
      });
      expect(studyIn(entry, "kurian-2019")!.results[0].outcome).toMatchObject({ comparable: false, code: "different-instrument" });
    });
  });
});
