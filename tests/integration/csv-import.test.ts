import { and, asc, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { recordAssessment } from "@/lib/data/assessment-writes";
import { endCourse, recordAdverseEvent, recordDoseChange, startCourse } from "@/lib/data/course-writes";
import { exportPatientCsv, exportTeamCsv } from "@/lib/data/exports";
import { importCsv, type ImportResult } from "@/lib/data/imports";
import { createPatient } from "@/lib/data/patient-writes";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/formats";
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

const ADVERSE_EVENT_HEADER = "patient_code,course_drug,course_start_date,occurred_on,event,severity,notes";

async function run(team: Team, text: string, kind?: ImportKind): Promise<ImportResult> {
  return importCsv(team.sessionUser, { name: `test-${kind ?? "auto"}.csv`, text, kind });
}

describe(`CSV import and export on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let clinic: Team;
  let other: Team;
  const countOf = async (
    table:
      | typeof schema.patients
      | typeof schema.assessments
      | typeof schema.treatmentCourses
      | typeof schema.doseChanges
      | typeof schema.adverseEvents,
  ) => (await database.db.select({ n: count() }).from(table))[0].n;
  /** The clinic's newest `import` audit row. */
  const lastImportAudit = async () =>
    (
      await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "import"), eq(schema.auditLog.teamId, clinic.team.id)))
        .orderBy(desc(schema.auditLog.id))
        .limit(1)
    )[0];

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

      // Side effects name their course by patient, drug and start date; after a stopped course's end is allowed, as on the form.
      const sideEffects = await run(
        clinic,
        csv(
          ADVERSE_EVENT_HEADER,
          "IM-001,memantine,2025-01-06,2025-01-15,dizziness,mild,'=after the step up",
          "IM-001,memantine,2025-01-06,2025-01-15,headache,moderate,",
          'IM-002,memantine,2025-02-01,2025-03-10,nausea,severe,"lasted, on and off, a week"',
        ),
      );
      expect(sideEffects).toMatchObject({ outcome: "accepted", kind: "adverse_events", rows: 3, added: 3, alreadyPresent: 0 });
      const events = await database.db
        .select({
          code: schema.patients.code,
          drug: schema.treatmentCourses.drug,
          startDate: schema.treatmentCourses.startDate,
          occurredOn: schema.adverseEvents.occurredOn,
          event: schema.adverseEvents.event,
          severity: schema.adverseEvents.severity,
          notes: schema.adverseEvents.notes,
        })
        .from(schema.adverseEvents)
        .innerJoin(schema.treatmentCourses, eq(schema.treatmentCourses.id, schema.adverseEvents.courseId))
        .innerJoin(schema.patients, eq(schema.patients.id, schema.treatmentCourses.patientId))
        .where(eq(schema.patients.teamId, clinic.team.id))
        .orderBy(asc(schema.patients.code), asc(schema.adverseEvents.event));
      expect(events).toEqual([
        {
          code: "IM-001",
          drug: "memantine",
          startDate: "2025-01-06",
          occurredOn: "2025-01-15",
          event: "dizziness",
          severity: "mild",
          notes: "=after the step up",
        },
        {
          code: "IM-001",
          drug: "memantine",
          startDate: "2025-01-06",
          occurredOn: "2025-01-15",
          event: "headache",
          severity: "moderate",
          notes: null,
        },
        {
          code: "IM-002",
          drug: "memantine",
          startDate: "2025-02-01",
          occurredOn: "2025-03-10",
          event: "nausea",
          severity: "severe",
          notes: "lasted, on and off, a week",
        },
      ]);
    });

    it("importing the same files again adds nothing", async () => {
      const before = await Promise.all([
        countOf(schema.patients),
        countOf(schema.treatmentCourses),
        countOf(schema.doseChanges),
        countOf(schema.assessments),
        countOf(schema.adverseEvents),
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
      // The severity and notes are not part of the key: a side effect already recorded is left as it is.
      const sideEffects = await run(
        clinic,
        csv(
          ADVERSE_EVENT_HEADER,
          "IM-001,memantine,2025-01-06,2025-01-15,dizziness,severe,",
          "IM-001,memantine,2025-01-06,2025-01-15,headache,moderate,",
        ),
        "adverse_events",
      );
      expect(sideEffects).toMatchObject({ outcome: "accepted", kind: "adverse_events", added: 0, alreadyPresent: 2 });
      const after = await Promise.all([
        countOf(schema.patients),
        countOf(schema.treatmentCourses),
        countOf(schema.doseChanges),
        countOf(schema.assessments),
        countOf(schema.adverseEvents),
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
      expect((await lastImportAudit()).changes).toEqual([
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

    it("a side-effects file with a bad row imports nothing and names every bad row; the refusal is audited", async () => {
      const before = await countOf(schema.adverseEvents);
      // Refused by the checks against the team's records: unknown course, unknown patient, a date in the future.
      const result = await run(
        clinic,
        csv(
          ADVERSE_EVENT_HEADER,
          "IM-001,memantine,2025-01-06,2025-04-01,insomnia,mild,",
          "IM-001,low-dose naltrexone,2025-01-06,2025-04-01,insomnia,mild,",
          "NOPE-1,memantine,2025-01-06,2025-04-01,insomnia,mild,",
          "IM-001,memantine,2025-01-06,2999-01-01,insomnia,mild,",
        ),
      );
      expect(result.outcome).toBe("rejected");
      if (result.outcome !== "rejected") return;
      expect(result.problems).toEqual([
        {
          row: 3,
          column: "course_drug",
          value: "low-dose naltrexone",
          reason: "The patient has no low-dose naltrexone course starting 2025-01-06: import the courses file first.",
        },
        {
          row: 4,
          column: "patient_code",
          value: "NOPE-1",
          reason: "No patient with this code in your team: import the patients file first.",
        },
        {
          row: 5,
          column: "occurred_on",
          value: "2999-01-01",
          reason: expect.stringMatching(/^Date of the side effect cannot be in the future/),
        },
      ]);
      // Refused by the form's rules when the row is read: before the course's start, an unknown severity.
      const read = await run(
        clinic,
        csv(
          ADVERSE_EVENT_HEADER,
          "IM-001,memantine,2025-01-06,2025-04-01,insomnia,mild,",
          "IM-001,memantine,2025-01-06,2025-01-01,insomnia,mild,",
          "IM-001,memantine,2025-01-06,2025-04-02,insomnia,unbearable,",
        ),
      );
      expect(read.outcome === "rejected" && read.problems).toEqual([
        {
          row: 3,
          column: "occurred_on",
          value: "2025-01-01",
          reason: "A side effect of this course cannot precede its start (2025-01-06).",
        },
        { row: 4, column: "severity", value: "unbearable", reason: "Choose mild, moderate or severe." },
      ]);
      expect(await countOf(schema.adverseEvents)).toBe(before);
      expect((await lastImportAudit()).changes).toEqual([
        { field: "file_name", old: null, new: "test-auto.csv" },
        { field: "kind", old: null, new: "adverse_events" },
        { field: "rows", old: null, new: 3 },
        { field: "outcome", old: null, new: "rejected" },
      ]);
    });

    it("two rows of one side-effects file with the same course, date and event are refused", async () => {
      const before = await countOf(schema.adverseEvents);
      const result = await run(
        clinic,
        csv(
          ADVERSE_EVENT_HEADER,
          "IM-001,memantine,2025-01-06,2025-04-05,dry mouth,mild,",
          "IM-001,memantine,2025-01-06,2025-04-05,dry mouth,moderate,worse",
        ),
      );
      expect(result.outcome === "rejected" && result.problems).toEqual([
        {
          row: 3,
          column: "event",
          value: "dry mouth",
          reason: "The same course, date and side effect as row 2: each side effect once.",
        },
      ]);
      expect(await countOf(schema.adverseEvents)).toBe(before);
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

    it("a side effect cannot be imported onto another team's course", async () => {
      await run(
        other,
        csv("patient_code,drug,indication,target_dose,dose_unit,start_date", "OT-001,memantine,fibromyalgia,20,mg/day,2025-01-06"),
      );
      const before = await countOf(schema.adverseEvents);
      const result = await run(clinic, csv(ADVERSE_EVENT_HEADER, "OT-001,memantine,2025-01-06,2025-01-10,nausea,mild,"));
      expect(result.outcome === "rejected" && result.problems).toEqual([
        {
          row: 2,
          column: "patient_code",
          value: "OT-001",
          reason: "No patient with this code in your team: import the patients file first.",
        },
      ]);
      expect(await countOf(schema.adverseEvents)).toBe(before);
    });

    it("the team export holds only the team's patients, and another team's patient is not found", async () => {
      const exported = await exportTeamCsv(clinic.sessionUser, "patients", {});
      expect(exported).toContain("IM-001");
      expect(exported).not.toContain("OT-001");
      const [ot] = await database.db.select().from(schema.patients).where(eq(schema.patients.code, "OT-001"));
      await expect(exportPatientCsv(clinic.sessionUser, ot.id, "assessments")).rejects.toBeInstanceOf(NotFoundError);
      await expect(exportPatientCsv(clinic.sessionUser, ot.id, "adverse_events")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("the side-effects export holds only the team's side effects and is audited", async () => {
      const [otCourse] = await database.db
        .select({ id: schema.treatmentCourses.id })
        .from(schema.treatmentCourses)
        .innerJoin(schema.patients, eq(schema.patients.id, schema.treatmentCourses.patientId))
        .where(eq(schema.patients.code, "OT-001"));
      await recordAdverseEvent(other.sessionUser, otCourse.id, {
        occurredOn: "2025-01-12",
        event: "other team's rash",
        severity: "mild",
        notes: null,
      });
      const exported = await exportTeamCsv(clinic.sessionUser, "adverse_events", {});
      const lines = exported.trim().split("\r\n");
      expect(lines[0]).toBe(ADVERSE_EVENT_HEADER);
      expect(exported).not.toContain("other team's rash");
      expect(exported).not.toContain("OT-001");
      const [{ n }] = await database.db
        .select({ n: count() })
        .from(schema.adverseEvents)
        .innerJoin(schema.treatmentCourses, eq(schema.treatmentCourses.id, schema.adverseEvents.courseId))
        .innerJoin(schema.patients, eq(schema.patients.id, schema.treatmentCourses.patientId))
        .where(eq(schema.patients.teamId, clinic.team.id));
      expect(lines).toHaveLength(n + 1);
      const [audit] = await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "export"), eq(schema.auditLog.teamId, clinic.team.id)))
        .orderBy(schema.auditLog.id)
        .then((rows) => rows.slice(-1));
      expect(audit.changes).toEqual(
        expect.arrayContaining([
          { field: "kind", old: null, new: "adverse_events" },
          { field: "rows", old: null, new: n },
        ]),
      );
    });

    it("the team export follows the patient list's filters", async () => {
      const exported = await exportTeamCsv(clinic.sessionUser, "assessments", { condition: "restless legs syndrome" });
      expect(exported).toContain("IM-002");
      expect(exported).not.toContain("IM-001");
      const sideEffects = await exportTeamCsv(clinic.sessionUser, "adverse_events", { condition: "restless legs syndrome" });
      expect(sideEffects.trim().split("\r\n").slice(1)).toEqual([
        'IM-002,memantine,2025-02-01,2025-03-10,nausea,severe,"lasted, on and off, a week"',
      ]);
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
      const events = (await db.select().from(schema.adverseEvents)).filter((e) => courseName.has(e.courseId));
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
        adverseEvents: sortBy(
          events.map(({ courseId, occurredOn, event, severity, notes }) => ({
            course: courseName.get(courseId),
            occurredOn,
            event,
            severity,
            notes,
          })),
          (e) => JSON.stringify(e),
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
      await recordAdverseEvent(user, course.id, { occurredOn: "2025-01-06", event: "dizziness", severity: "mild", notes: null });
      await recordAdverseEvent(user, course.id, {
        occurredOn: "2025-01-21",
        event: "+headache",
        severity: "moderate",
        notes: 'after the step up;\n"every" afternoon',
      });
      // After the course's end, as the form allows.
      await recordAdverseEvent(user, ended.id, {
        occurredOn: "2025-03-04",
        event: "vivid dreams",
        severity: "severe",
        notes: "-slept badly",
      });

      for (const kind of IMPORT_KINDS) {
        const file = await exportTeamCsv(user, kind, {});
        expect(await run(target, file, kind)).toMatchObject({ outcome: "accepted", alreadyPresent: 0 });
      }
      const original = await recordsOf(source.team.id);
      expect(original.assessments).toHaveLength(5);
      expect(original.doses).toHaveLength(3);
      expect(original.adverseEvents).toEqual([
        { course: "RT-1 memantine 2025-01-06", occurredOn: "2025-01-06", event: "dizziness", severity: "mild", notes: null },
        {
          course: "RT-1 memantine 2025-01-06",
          occurredOn: "2025-01-21",
          event: "+headache",
          severity: "moderate",
          notes: 'after the step up;\n"every" afternoon',
        },
        {
          course: "RT-2 low-dose naltrexone 2025-02-01",
          occurredOn: "2025-03-04",
          event: "vivid dreams",
          severity: "severe",
          notes: "-slept badly",
        },
      ]);
      expect(await recordsOf(target.team.id)).toEqual(original);

      // The patient record's own export imports back as the same, adding nothing.
      for (const kind of IMPORT_KINDS) {
        const { csv: file } = await exportPatientCsv(user, a.id, kind);
        expect(await run(target, file, kind)).toMatchObject({ outcome: "accepted", added: 0 });
      }
    });
  });

  it("leaves the worklist's stored latest scores (assessment_latest) equal to a recomputation after the CSV imports above", async () => {
    await expectLatestSummaryCurrent(database.db);
  });
});
