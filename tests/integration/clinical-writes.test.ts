import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { recordAssessment, recordAssessmentsInBulk, updateAssessment } from "@/lib/data/assessment-writes";
import { chooseBaseline, endCourse, recordAdverseEvent, recordDoseChange, startCourse } from "@/lib/data/course-writes";
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { createPatient, setPatientArchived, updatePatient } from "@/lib/data/patient-writes";
import { getPatientRecord, listPatientsForTeam } from "@/lib/data/patients";
import { todayIso } from "@/lib/validation/dates";
import { addMember, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const fullFiqr = (value: number) =>
  Object.fromEntries([
    ...Array.from({ length: 9 }, (_, i) => [`function_${i + 1}`, value]),
    ...Array.from({ length: 2 }, (_, i) => [`overall_${i + 1}`, value]),
    ...Array.from({ length: 10 }, (_, i) => [`symptoms_${i + 1}`, value]),
  ]);

describe(`Clinical records on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let clinic: Awaited<ReturnType<typeof createTeamWithUser>>;
  let other: Awaited<ReturnType<typeof createTeamWithUser>>;
  const rows = async (
    table: typeof schema.assessments | typeof schema.patients | typeof schema.treatmentCourses | typeof schema.auditLog,
  ) => (await database.db.select({ n: count() }).from(table))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase();
    clinic = await createTeamWithUser(database.db, "clinician");
    other = await createTeamWithUser(database.db, "clinician");
  });
  afterAll(async () => database.dispose());

  const patientInput = { code: "FM-100", birthYear: 1970, sex: "female" as const, conditions: ["fibromyalgia"], notes: null };

  describe("patients", () => {
    it("creates a patient in the user's team and audits it", async () => {
      const auditBefore = await rows(schema.auditLog);
      const { id } = await createPatient(clinic.sessionUser, patientInput);
      const record = await getPatientRecord(clinic.sessionUser, id);
      expect(record.patient).toMatchObject({ code: "FM-100", teamId: clinic.team.id, conditions: ["fibromyalgia"] });
      expect(await rows(schema.auditLog)).toBe(auditBefore + 2); // the create and the read
    });

    it("refuses a duplicate code in the same team with a message on the code field", async () => {
      const error = await createPatient(clinic.sessionUser, patientInput).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.fieldErrors.code).toMatch(/already exists in your team/);
    });

    it("allows the same code in another team", async () => {
      await expect(createPatient(other.sessionUser, patientInput)).resolves.toHaveProperty("id");
    });

    it("a viewer cannot add patients", async () => {
      const viewer = await addMember(database.db, clinic.team.id, "viewer");
      await expect(createPatient(viewer, { ...patientInput, code: "V-1" })).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("edits carry their version: of two concurrent edits from the same version, one wins and the other is refused", async () => {
      const { id } = await createPatient(clinic.sessionUser, { ...patientInput, code: "RACE-1" });
      const results = await Promise.allSettled([
        updatePatient(clinic.sessionUser, id, 1, { ...patientInput, code: "RACE-1", notes: "first edit" }),
        updatePatient(clinic.sessionUser, id, 1, { ...patientInput, code: "RACE-1", notes: "second edit" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(StaleVersionError);
      const [row] = await database.db.select().from(schema.patients).where(eq(schema.patients.id, id));
      expect(row.version).toBe(2);
      expect(["first edit", "second edit"]).toContain(row.notes);
    });

    it("archives a patient: hidden from the list, still readable", async () => {
      const { id } = await createPatient(clinic.sessionUser, { ...patientInput, code: "ARCH-1" });
      await setPatientArchived(clinic.sessionUser, id, 1, true);
      expect((await listPatientsForTeam(clinic.sessionUser, { code: "ARCH-1" })).total).toBe(0);
      expect((await getPatientRecord(clinic.sessionUser, id)).patient.archived).toBe(true);
    });

    it("another team's patient is not found for edits", async () => {
      const { id } = await createPatient(other.sessionUser, { ...patientInput, code: "OTHER-9" });
      await expect(updatePatient(clinic.sessionUser, id, 1, patientInput)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setPatientArchived(clinic.sessionUser, id, 1, true)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("treatment courses", () => {
    let patientId: string;
    beforeAll(async () => {
      patientId = (await createPatient(clinic.sessionUser, { ...patientInput, code: "COURSE-1" })).id;
    });

    it("starts memantine at 5 mg titrating to 20 mg/day, records dose steps, a side effect and stops with a reason", async () => {
      const { id } = await startCourse(clinic.sessionUser, patientId, {
        drug: "memantine",
        indication: "fibromyalgia",
        targetDose: 20,
        doseUnit: "mg/day",
        startDate: "2026-06-01",
        startingDose: 5,
      });
      await recordDoseChange(clinic.sessionUser, id, { changedOn: "2026-06-08", dose: 10, doseUnit: "mg/day", note: null });
      await recordAdverseEvent(clinic.sessionUser, id, { occurredOn: "2026-06-10", event: "dizziness", severity: "mild", notes: null });
      await endCourse(clinic.sessionUser, id, { status: "stopped", endDate: "2026-07-01", stopReason: "dizziness", version: 1 });
      const course = (await getPatientRecord(clinic.sessionUser, patientId)).courses.find((c) => c.id === id)!;
      expect(course.doseChanges.map((d) => d.dose)).toEqual([5, 10]);
      expect(course.adverseEvents[0]).toMatchObject({ event: "dizziness", severity: "mild" });
      expect(course).toMatchObject({ status: "stopped", endDate: "2026-07-01", stopReason: "dizziness" });
    });

    it("refuses a future start, a start before the birth year, and a stop before the start; nothing is saved", async () => {
      const before = await rows(schema.treatmentCourses);
      const base = { drug: "low-dose naltrexone", indication: "fibromyalgia", targetDose: 4.5, doseUnit: "mg/day" };
      const future = await startCourse(clinic.sessionUser, patientId, { ...base, startDate: "2999-01-01" }).catch((e) => e);
      expect(future.fieldErrors.startDate).toMatch(/cannot be in the future/);
      const early = await startCourse(clinic.sessionUser, patientId, { ...base, startDate: "1960-01-01" }).catch((e) => e);
      expect(early.fieldErrors.startDate).toMatch(/before the patient's birth year \(1970\)/);
      expect(await rows(schema.treatmentCourses)).toBe(before);

      const { id } = await startCourse(clinic.sessionUser, patientId, { ...base, startDate: "2026-08-01" });
      const backwards = await endCourse(clinic.sessionUser, id, {
        status: "completed",
        endDate: "2026-07-01",
        stopReason: "x",
        version: 1,
      }).catch((e) => e);
      expect(backwards.fieldErrors.endDate).toMatch(/cannot precede the start date \(2026-08-01\)/);
    });

    it("another team cannot touch the course", async () => {
      const { id } = await startCourse(clinic.sessionUser, patientId, {
        drug: "memantine",
        indication: "fibromyalgia",
        targetDose: 20,
        doseUnit: "mg/day",
        startDate: "2026-09-01",
      });
      await expect(
        recordDoseChange(other.sessionUser, id, { changedOn: "2026-09-08", dose: 10, doseUnit: "mg/day", note: null }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("assessments", () => {
    let patientId: string;
    let courseId: string;
    beforeAll(async () => {
      patientId = (await createPatient(clinic.sessionUser, { ...patientInput, code: "SCORE-1" })).id;
      courseId = (
        await startCourse(clinic.sessionUser, patientId, {
          drug: "memantine",
          indication: "fibromyalgia",
          targetDose: 20,
          doseUnit: "mg/day",
          startDate: "2026-05-01",
        })
      ).id;
    });

    it("stores the server's FIQR score, not one sent by the client", async () => {
      const { total } = await recordAssessment(clinic.sessionUser, patientId, {
        instrumentId: "fiqr",
        takenOn: "2026-04-28",
        courseId: null,
        items: fullFiqr(6),
        total: 1, // ignored for item-level instruments
      });
      // function 9×6/3 = 18, overall 2×6 = 12, symptoms 10×6/2 = 30
      expect(total).toBe(18 + 12 + 30);
    });

    it("refuses an out-of-range item with a message naming it, and saves nothing", async () => {
      const before = await rows(schema.assessments);
      const error = await recordAssessment(clinic.sessionUser, patientId, {
        instrumentId: "fiqr",
        takenOn: "2026-05-20",
        courseId,
        items: { ...fullFiqr(5), function_3: 11 },
      }).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.fieldErrors.function_3).toMatch(/0 to 10/);
      expect(await rows(schema.assessments)).toBe(before);
    });

    it("refuses a bulk write with one bad row entirely: all rows or none", async () => {
      const before = await rows(schema.assessments);
      const good = { instrumentId: "pain_nrs_0_10" as const, courseId, total: 5 };
      const error = await recordAssessmentsInBulk(clinic.sessionUser, patientId, [
        { ...good, takenOn: "2026-05-10" },
        { ...good, takenOn: "2026-05-17" },
        { ...good, takenOn: "2999-05-24" },
      ]).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.values(error.fieldErrors)[0]).toMatch(/Row 3: Date taken cannot be in the future/);
      expect(await rows(schema.assessments)).toBe(before);
      expect(
        await recordAssessmentsInBulk(clinic.sessionUser, patientId, [
          { ...good, takenOn: "2026-05-10" },
          { ...good, takenOn: "2026-05-17" },
        ]),
      ).toBe(2);
      expect(await rows(schema.assessments)).toBe(before + 2);
    });

    it("a correction keeps who entered it and records who changed it; a stale correction is refused", async () => {
      const { id } = await recordAssessment(clinic.sessionUser, patientId, {
        instrumentId: "pain_nrs_0_10",
        takenOn: "2026-06-01",
        courseId,
        total: 6,
      });
      const colleague = await addMember(database.db, clinic.team.id, "clinician");
      await updateAssessment(colleague, id, 1, { takenOn: "2026-06-01", courseId, total: 5 });
      const [row] = await database.db.select().from(schema.assessments).where(eq(schema.assessments.id, id));
      expect(row).toMatchObject({ totalScore: 5, enteredBy: clinic.user.id, updatedBy: colleague.id, version: 2 });
      await expect(updateAssessment(clinic.sessionUser, id, 1, { takenOn: "2026-06-01", courseId, total: 4 })).rejects.toBeInstanceOf(
        StaleVersionError,
      );
    });

    it("another team's user cannot record on the patient: not found, nothing saved", async () => {
      const before = await rows(schema.assessments);
      await expect(
        recordAssessment(other.sessionUser, patientId, { instrumentId: "pain_nrs_0_10", takenOn: "2026-06-01", courseId: null, total: 3 }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await rows(schema.assessments)).toBe(before);
    });

    it("a clinician may choose the baseline, but only from scores on or before the start", async () => {
      const { id: early } = await recordAssessment(clinic.sessionUser, patientId, {
        instrumentId: "pain_nrs_0_10",
        takenOn: "2026-04-20",
        courseId: null,
        total: 8,
      });
      await chooseBaseline(clinic.sessionUser, courseId, early);
      const course = (await getPatientRecord(clinic.sessionUser, patientId)).courses.find((c) => c.id === courseId)!;
      expect(course.chosenBaselines.pain_nrs_0_10).toBe(early);
      const { id: late } = await recordAssessment(clinic.sessionUser, patientId, {
        instrumentId: "pain_nrs_0_10",
        takenOn: todayIso(),
        courseId,
        total: 3,
      });
      await expect(chooseBaseline(clinic.sessionUser, courseId, late)).rejects.toBeInstanceOf(ValidationError);
    });
  });
});
