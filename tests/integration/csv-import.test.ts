import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { recordAssessment } from "@/lib/data/assessment-writes";
import { endCourse, recordDoseChange, startCourse } from "@/lib/data/course-writes";
import { exportPatientCsv, exportTeamCsv } from "@/lib/data/exports";
import { importCsv, type ImportResult } from "@/lib/data/imports";
import { createPatient } from "@/lib/data/patient-writes";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ImportKind } from "@/lib/import/formats";
import { scoreFiqr } from "@/lib/instruments/fiqr";
import { scoreIrls } from "@/lib/instruments/irls";
import { addMember, createTeamWithUser } from "../support/fixtures";
import { expectLatestSummaryCurrent } from "../support/assessment-latest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

type Team = Awaited<ReturnType<typeof createTeamWithUser>>;

const FIQR_KEYS = [
  ...Array.from({ length: 9 }, (_, i) => `function_${i + 1}`),
  "overall_1",
  "overall_2",
  ...Array.from({ length: 10 }, (_, i) => `symptoms_${i + 1}`),
];
const ASSESSMENT_HEADER = [
  "patient_code",
  "instrument",
  "taken_on",
  "total",
  "external_id",
  ...FIQR_KEYS.map((k) => `fiqr_${k}`),
  ...Array.from({ length: 10 }, (_, i) => `irls_item_${i + 1}`),
];

/** An assessments row in ASSESSMENT_HEADER's order. */
function assessmentLine(
  code: string,
  instrument: string,
  takenOn: string,
  opts: { total?: string; externalId?: string; fiqr?: (number | "")[]; irls?: number[] },
) {
  const fiqr = opts.fiqr ?? FIQR_KEYS.map(() => "");
  const irls = opts.irls ?? Array.from({ length: 10 }, () => "");
  return [code, instrument, takenOn, opts.total ?? "", opts.externalId ?? "", ...fiqr, ...irls].join(",");
}

const csv = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;

async function run(team: Team, text: string, kind?: ImportKind): Promise<ImportResult> {
  return importCsv(team.sessionUser, { name: `test-${kind ?? "auto"}.csv`, text, kind });
}

describe(`CSV import and export on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let clinic: Team;
  let other: Team;
  const countOf = async (
    table: typeof schema.patients | typeof schema.assessments | typeof schema.treatmentCourses | typeof schema.doseChanges,
  ) => (await database.db.select({ n: count() }).from(table))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase();
    clinic = await createTeamWithUser(database.db, "clinician");
    other = await createTeamWithUser(database.db, "clinician");
  });
  afterAll(async () => database.dispose());

  describe("a good file", () => {
    it("imports patients, courses with their dose steps and assessments scored on the server", async () => {
      const patients = await run(
        clinic,
        csv(
          "code,birth_year,sex,conditions,notes",
          "IM-001,1975,female,fibromyalgia|chronic pain,",
          "IM-002,1960,male,restless legs syndrome,",
        ),
      );
      expect(patients).toMatchObject({ outcome: "accepted", kind: "patients", rows: 2, added: 2, alreadyPresent: 0 });
      const courses = await run(
        clinic,
        csv(
          "patient_code,drug,indication,target_dose,dose_unit,start_date,status,end_date,stop_reason,change_on,change_dose,change_unit,change_note",
          "IM-001,memantine,fibromyalgia,20,mg/day,2025-01-06,active,,,2025-01-06,5,,starting dose",
          "IM-001,memantine,fibromyalgia,20,mg/day,2025-01-06,active,,,2025-01-13,10,,",
          "IM-002,memantine,restless legs syndrome,20,mg/day,2025-02-01,stopped,2025-03-01,nausea,,,,",
        ),
      );
      expect(courses).toMatchObject({ outcome: "accepted", kind: "courses", rows: 3, added: 3 });
      const [im1] = await database.db.select().from(schema.patients).where(eq(schema.patients.code, "IM-001"));
      expect(im1.conditions).toEqual(["fibromyalgia", "chronic pain"]);
      const [course] = await database.db.select().from(schema.treatmentCourses).where(eq(schema.treatmentCourses.patientId, im1.id));
      const doses = await database.db
        .select()
        .from(schema.doseChanges)
        .where(eq(schema.doseChanges.courseId, course.id))
        .orderBy(asc(schema.doseChanges.changedOn));
      expect(doses.map((d) => [d.changedOn, d.dose, d.doseUnit, d.note])).toEqual([
        ["2025-01-06", 5, "mg/day", "starting dose"],
        ["2025-01-13", 10, "mg/day", null],
      ]);

      const fiqrAnswers: (number | "")[] = [3, 4, 5, 6, 7, 8, 9, 10, 0, 6, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9, ""];
      const irlsAnswers = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4];
      const assessments = await run(
        clinic,
        csv(
          ASSESSMENT_HEADER.join(","),
          assessmentLine("IM-001", "pain_nrs_0_10", "2025-01-06", { total: "7" }),
          assessmentLine("IM-001", "fiqr", "2025-01-06", { externalId: "paper-1", fiqr: fiqrAnswers }),
          assessmentLine("IM-002", "irls", "2025-02-01", { irls: irlsAnswers }),
        ),
      );
      expect(assessments).toMatchObject({ outcome: "accepted", kind: "assessments", rows: 3, added: 3 });
      const stored = await database.db.select().from(schema.assessments).where(eq(schema.assessments.instrumentId, "fiqr"));
      const expected = scoreFiqr(Object.fromEntries(FIQR_KEYS.map((k, i) => [k, fiqrAnswers[i]])));
      expect(expected.ok).toBe(true);
      expect(stored[0].totalScore).toBe(expected.ok ? expected.total : Number.NaN);
      expect(stored[0].externalId).toBe("paper-1");
      expect(stored[0].itemResponses?.symptoms_10).toBeNull();
      const [irls] = await database.db.select().from(schema.assessments).where(eq(schema.assessments.instrumentId, "irls"));
      const irlsExpected = scoreIrls(Object.fromEntries(irlsAnswers.map((v, i) => [`item_${i + 1}`, v])));
      expect(irls.totalScore).toBe(irlsExpected.ok ? irlsExpected.total : Number.NaN);
      expect(irls.totalScore).toBe(20);
    });

    it("importing the same files again adds nothing", async () => {
      const before = await Promise.all([
        countOf(schema.patients),
        countOf(schema.treatmentCourses),
        countOf(schema.doseChanges),
        countOf(schema.assessments),
      ]);
      const patients = await run(clinic, csv("code,birth_year,sex", "IM-001,1975,female", "IM-002,1960,male"));
      expect(patients).toMatchObject({ outcome: "accepted", added: 0, alreadyPresent: 2 });
      const courses = await run(
        clinic,
        csv(
          "patient_code,drug,indication,target_dose,dose_unit,start_date,change_on,change_dose",
          "IM-001,memantine,fibromyalgia,20,mg/day,2025-01-06,2025-01-06,5",
        ),
      );
      expect(courses).toMatchObject({ outcome: "accepted", added: 0, alreadyPresent: 1 });
      const assessments = await run(
        clinic,
        csv(ASSESSMENT_HEADER.join(","), assessmentLine("IM-001", "pain_nrs_0_10", "2025-01-06", { total: "7" })),
      );
      expect(assessments).toMatchObject({ outcome: "accepted", added: 0, alreadyPresent: 1 });
      const after = await Promise.all([
        countOf(schema.patients),
        countOf(schema.treatmentCourses),
        countOf(schema.doseChanges),
        countOf(schema.assessments),
      ]);
      expect(after).toEqual(before);
    });

    it("reads a byte-order mark, ; as separator and a quoted cell with a newline and quotes", async () => {
      const text = `\uFEFFcode;birth_year;sex;notes\r\nIM-010;1980;female;"first line\nsecond; with ""quotes"""\r\n`;
      const result = await run(clinic, text);
      expect(result).toMatchObject({ outcome: "accepted", kind: "patients", added: 1 });
      const [row] = await database.db.select().from(schema.patients).where(eq(schema.patients.code, "IM-010"));
      expect(row.notes).toBe('first line\nsecond; with "quotes"');
    });
  });

  describe("a file with a bad row", () => {
    it("imports nothing and names the row, column, value and reason; the refusal is audited", async () => {
      const before = await countOf(schema.patients);
      const result = await run(clinic, csv("code,birth_year,sex", "IM-020,1975,female", "IM-021,1875,female", "IM-022,1990,dragon"));
      expect(result.outcome).toBe("rejected");
      if (result.outcome !== "rejected") return;
      expect(result.problems).toEqual([
        { row: 3, column: "birth_year", value: "1875", reason: "Birth year must be 1900 or later." },
        { row: 4, column: "sex", value: "dragon", reason: "Choose female, male, other or unknown." },
      ]);
      expect(await countOf(schema.patients)).toBe(before);
      const [audit] = await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "import"), eq(schema.auditLog.teamId, clinic.team.id)))
        .orderBy(schema.auditLog.id)
        .then((rows) => rows.slice(-1));
      expect(audit.changes).toEqual([
        { field: "file_name", old: null, new: "test-auto.csv" },
        { field: "kind", old: null, new: "patients" },
        { field: "rows", old: null, new: 3 },
        { field: "outcome", old: null, new: "rejected" },
      ]);
    });

    it("a row refused by the database-side checks (unknown patient, date before birth) rolls back every other row", async () => {
      const before = await countOf(schema.assessments);
      const result = await run(
        clinic,
        csv(
          ASSESSMENT_HEADER.join(","),
          assessmentLine("IM-001", "pain_nrs_0_10", "2025-03-01", { total: "5" }),
          assessmentLine("NOPE-1", "pain_nrs_0_10", "2025-03-01", { total: "5" }),
          assessmentLine("IM-002", "pain_nrs_0_10", "1950-03-01", { total: "5" }),
        ),
      );
      expect(result.outcome).toBe("rejected");
      if (result.outcome !== "rejected") return;
      expect(result.problems.map((p) => [p.row, p.column])).toEqual([
        [3, "patient_code"],
        [4, "taken_on"],
      ]);
      expect(await countOf(schema.assessments)).toBe(before);
    });

    it("refuses items that do not score, a total that disagrees with the answers, and an unknown column", async () => {
      const result = await run(
        clinic,
        csv(
          ASSESSMENT_HEADER.join(","),
          assessmentLine("IM-001", "irls", "2025-03-02", { irls: [0, 1, 2, 3, 4, 0, 1, 2, 3, 9] }),
          assessmentLine("IM-001", "irls", "2025-03-03", { total: "21", irls: [0, 1, 2, 3, 4, 0, 1, 2, 3, 4] }),
          assessmentLine("IM-001", "pain_nrs_0_10", "2025-03-04", { total: "11" }),
        ),
      );
      expect(result.outcome === "rejected" && result.problems.map((p) => [p.row, p.column])).toEqual([
        [2, "irls_item_10"],
        [3, "total"],
        [4, "total"],
      ]);
      const header = await run(clinic, csv("code,birth_year,sex,birthday", "IM-030,1975,female,x"));
      expect(header.outcome === "rejected" && header.problems[0]).toMatchObject({ row: 1, column: "birthday" });
    });
  });

  describe("team scoping", () => {
    it("a viewer cannot import", async () => {
      const viewer = await addMember(database.db, clinic.team.id, "viewer");
      await expect(importCsv(viewer, { name: "x.csv", text: csv("code,birth_year,sex", "V-1,1975,female") })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    });

    it("an import writes only into the user's team and cannot reach another team's patient", async () => {
      await run(other, csv("code,birth_year,sex", "OT-001,1970,female"));
      const result = await run(
        clinic,
        csv(ASSESSMENT_HEADER.join(","), assessmentLine("OT-001", "pain_nrs_0_10", "2025-03-01", { total: "5" })),
      );
      expect(result.outcome === "rejected" && result.problems[0]).toMatchObject({ row: 2, column: "patient_code", value: "OT-001" });
      const [ot] = await database.db.select().from(schema.patients).where(eq(schema.patients.code, "OT-001"));
      expect(ot.teamId).toBe(other.team.id);
    });

    it("the team export holds only the team's patients, and another team's patient is not found", async () => {
      const exported = await exportTeamCsv(clinic.sessionUser, "patients", {});
      expect(exported).toContain("IM-001");
      expect(exported).not.toContain("OT-001");
      const [ot] = await database.db.select().from(schema.patients).where(eq(schema.patients.code, "OT-001"));
      await expect(exportPatientCsv(clinic.sessionUser, ot.id, "assessments")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("the team export follows the patient list's filters", async () => {
      const exported = await exportTeamCsv(clinic.sessionUser, "assessments", { condition: "restless legs syndrome" });
      expect(exported).toContain("IM-002");
      expect(exported).not.toContain("IM-001");
    });
  });

  describe("formula-injection guarding", () => {
    it("guards text that a spreadsheet would run, and the import restores it exactly", async () => {
      const notes = ['=HYPERLINK("http://evil.example")', "+1", "-tired", "@SUM(A1)", "'quoted"];
      const source = await createTeamWithUser(database.db, "clinician");
      const target = await createTeamWithUser(database.db, "clinician");
      for (const [i, note] of notes.entries()) {
        await createPatient(source.sessionUser, { code: `INJ-${i}`, birthYear: 1980, sex: "other", conditions: [], notes: note });
      }
      const exported = await exportTeamCsv(source.sessionUser, "patients", {});
      expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
      for (const guarded of ["'+1", "'-tired", "'@SUM(A1)", "''quoted"]) expect(exported).toContain(guarded);
      expect(exported).toMatch(/^INJ-0,1980,other,,/m); // numbers stay plain numbers
      expect(await run(target, exported)).toMatchObject({ outcome: "accepted", added: notes.length });
      const back = await database.db
        .select({ code: schema.patients.code, notes: schema.patients.notes })
        .from(schema.patients)
        .where(eq(schema.patients.teamId, target.team.id))
        .orderBy(asc(schema.patients.code));
      expect(back.map((p) => p.notes)).toEqual(notes);
    });
  });

  describe("round trip", () => {
    /** A team's records without ids, timestamps or who entered them: what must survive export and import. */
    async function recordsOf(teamId: string) {
      const db = database.db;
      const patients = await db.select().from(schema.patients).where(eq(schema.patients.teamId, teamId)).orderBy(asc(schema.patients.code));
      const codeOf = new Map(patients.map((p) => [p.id, p.code]));
      const courses = (await db.select().from(schema.treatmentCourses)).filter((c) => codeOf.has(c.patientId));
      const courseName = new Map(courses.map((c) => [c.id, `${codeOf.get(c.patientId)} ${c.drug} ${c.startDate}`]));
      const doses = (await db.select().from(schema.doseChanges)).filter((d) => courseName.has(d.courseId));
      const scores = (await db.select().from(schema.assessments)).filter((a) => codeOf.has(a.patientId));
      const sortBy = <T>(list: T[], key: (t: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
      return {
        patients: patients.map(({ code, birthYear, sex, conditions, notes }) => ({ code, birthYear, sex, conditions, notes })),
        courses: sortBy(
          courses.map(({ patientId, drug, indication, targetDose, doseUnit, startDate, endDate, status, stopReason }) => ({
            patient: codeOf.get(patientId),
            drug,
            indication,
            targetDose,
            doseUnit,
            startDate,
            endDate,
            status,
            stopReason,
          })),
          (c) => JSON.stringify(c),
        ),
        doses: sortBy(
          doses.map(({ courseId, changedOn, dose, doseUnit, note }) => ({
            course: courseName.get(courseId),
            changedOn,
            dose,
            doseUnit,
            note,
          })),
          (d) => JSON.stringify(d),
        ),
        assessments: sortBy(
          scores.map(({ patientId, courseId, instrumentId, takenOn, totalScore, itemResponses, externalId }) => ({
            patient: codeOf.get(patientId),
            course: courseId ? courseName.get(courseId) : null,
            instrumentId,
            takenOn,
            totalScore,
            itemResponses,
            externalId,
          })),
          (a) => JSON.stringify(a),
        ),
      };
    }

    it("export then import into an empty team gives identical records", async () => {
      const source = await createTeamWithUser(database.db, "clinician");
      const target = await createTeamWithUser(database.db, "clinician");
      const user = source.sessionUser;
      const a = await createPatient(user, {
        code: "RT-1",
        birthYear: 1971,
        sex: "female",
        conditions: ["fibromyalgia", "ME/CFS"],
        notes: "line one\nline, two",
      });
      const b = await createPatient(user, {
        code: "RT-2",
        birthYear: 1958,
        sex: "male",
        conditions: ["restless legs syndrome"],
        notes: null,
      });
      const course = await startCourse(user, a.id, {
        drug: "memantine",
        indication: "fibromyalgia",
        targetDose: 20,
        doseUnit: "mg/day",
        startDate: "2025-01-06",
        startingDose: 5,
      });
      await recordDoseChange(user, course.id, { changedOn: "2025-01-20", dose: 12.5, doseUnit: "mg/day", note: "=step up" });
      const ended = await startCourse(user, b.id, {
        drug: "low-dose naltrexone",
        indication: "restless legs syndrome",
        targetDose: 4.5,
        doseUnit: "mg",
        startDate: "2025-02-01",
      });
      await endCourse(user, ended.id, { status: "stopped", endDate: "2025-03-01", stopReason: "vivid dreams", version: 1 });
      await recordAssessment(user, a.id, {
        instrumentId: "fiqr",
        takenOn: "2025-01-06",
        courseId: course.id,
        items: Object.fromEntries(FIQR_KEYS.map((k, i) => [k, i % 11])),
      });
      await recordAssessment(user, a.id, {
        instrumentId: "fiqr",
        takenOn: "2025-02-06",
        courseId: course.id,
        items: { ...Object.fromEntries(FIQR_KEYS.map((k) => [k, 7])), symptoms_3: "" },
      });
      await recordAssessment(user, a.id, { instrumentId: "pain_vas_0_100", takenOn: "2025-02-06", courseId: null, total: "33.5" });
      await recordAssessment(user, b.id, {
        instrumentId: "irls",
        takenOn: "2025-02-01",
        courseId: ended.id,
        items: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`item_${i + 1}`, i % 5])),
      });
      await recordAssessment(user, b.id, { instrumentId: "pgic", takenOn: "2025-02-20", courseId: ended.id, total: "3" });

      for (const kind of ["patients", "courses", "assessments"] as const) {
        const file = await exportTeamCsv(user, kind, {});
        expect(await run(target, file, kind)).toMatchObject({ outcome: "accepted", alreadyPresent: 0 });
      }
      const original = await recordsOf(source.team.id);
      expect(original.assessments).toHaveLength(5);
      expect(original.doses).toHaveLength(3);
      expect(await recordsOf(target.team.id)).toEqual(original);

      // The patient record's own export imports back as the same, adding nothing.
      for (const kind of ["patients", "courses", "assessments"] as const) {
        const { csv: file } = await exportPatientCsv(user, a.id, kind);
        expect(await run(target, file, kind)).toMatchObject({ outcome: "accepted", added: 0 });
      }
    });
  });

  it("leaves the worklist's stored latest scores (assessment_latest) equal to a recomputation after the CSV imports above", async () => {
    await expectLatestSummaryCurrent(database.db);
  });
});
