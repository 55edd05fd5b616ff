import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { recordAssessment, updateAssessment } from "@/lib/data/assessment-writes";
import { listAuditEntries } from "@/lib/data/audit-queries";
import { chooseBaseline, endCourse, startCourse } from "@/lib/data/course-writes";
import { NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { createPatient, setPatientArchived, updatePatient } from "@/lib/data/patient-writes";
import { getPatientRecord } from "@/lib/data/patients";
import type { SessionUser } from "@/lib/data/session-user";
import { describeCorrection } from "@/lib/history/describe-correction";
import { addMember, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

describe(`Corrections never lose data, on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let clinic: Awaited<ReturnType<typeof createTeamWithUser>>;
  let other: Awaited<ReturnType<typeof createTeamWithUser>>;
  let colleague: SessionUser;
  let admin: SessionUser;
  let patientId: string;
  let courseId: string;
  const patientInput = { code: "HIST-1", birthYear: 1970, sex: "female" as const, conditions: ["fibromyalgia"], notes: null };

  const keptCount = async () => (await database.db.select({ n: count() }).from(schema.recordVersions))[0].n;
  const auditCount = async () => (await database.db.select({ n: count() }).from(schema.auditLog))[0].n;
  /** Read straight from the tables, not through the data layer. */
  const keptValues = (recordId: string, field: string) =>
    database.db
      .select({ version: schema.recordVersions.version, value: sql<unknown>`${schema.recordVersions.values} -> ${field}` })
      .from(schema.recordVersions)
      .where(eq(schema.recordVersions.recordId, recordId))
      .orderBy(asc(schema.recordVersions.version));
  const auditChanges = (recordType: string, recordId: string) =>
    database.db
      .select({ action: schema.auditLog.action, changes: schema.auditLog.changes })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.recordType, recordType),
          eq(schema.auditLog.recordId, recordId),
          sql`${schema.auditLog.changes} is not null`,
        ),
      )
      .orderBy(asc(schema.auditLog.id));
  const assessmentOnPage = async (id: string) =>
    (await getPatientRecord(clinic.sessionUser, patientId)).assessments.find((a) => a.id === id)!;

  beforeAll(async () => {
    database = await createTestDatabase();
    clinic = await createTeamWithUser(database.db, "clinician");
    other = await createTeamWithUser(database.db, "clinician");
    colleague = await addMember(database.db, clinic.team.id, "clinician");
    admin = await addMember(database.db, clinic.team.id, "admin");
    patientId = (await createPatient(clinic.sessionUser, patientInput)).id;
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
  afterAll(async () => database.dispose());

  describe("a pain score corrected twice", () => {
    let id: string;
    beforeAll(async () => {
      id = (
        await recordAssessment(clinic.sessionUser, patientId, { instrumentId: "pain_nrs_0_10", takenOn: "2026-06-01", courseId, total: 6 })
      ).id;
      await updateAssessment(clinic.sessionUser, id, 1, { takenOn: "2026-06-01", courseId, total: 5 });
      await updateAssessment(colleague, id, 2, { takenOn: "2026-06-02", courseId, total: 4 });
    });

    it("reads all three scores back from the patient record: the current one and both it replaced, newest first", async () => {
      const assessment = await assessmentOnPage(id);
      expect(assessment.totalScore).toBe(4);
      expect(assessment.corrections.map((c) => [c.version, c.changedByName, c.changes])).toEqual([
        [
          2,
          colleague.displayName,
          [
            { field: "takenOn", old: "2026-06-01", new: "2026-06-02" },
            { field: "totalScore", old: 5, new: 4 },
          ],
        ],
        [1, clinic.user.displayName, [{ field: "totalScore", old: 6, new: 5 }]],
      ]);
      expect(describeCorrection("assessment", assessment.corrections[0])).toMatch(
        new RegExp(`^corrected on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC by ${colleague.displayName}, was date taken 2026-06-01; score 5$`),
      );
    });

    it("reads the same three scores straight from the tables", async () => {
      expect(await keptValues(id, "totalScore")).toEqual([
        { version: 1, value: 6 },
        { version: 2, value: 5 },
      ]);
      const [current] = await database.db.select().from(schema.assessments).where(eq(schema.assessments.id, id));
      expect(current).toMatchObject({ totalScore: 4, version: 3, enteredBy: clinic.user.id, updatedBy: colleague.id });
      const [kept] = await database.db
        .select()
        .from(schema.recordVersions)
        .where(and(eq(schema.recordVersions.recordId, id), eq(schema.recordVersions.version, 2)));
      expect(kept).toMatchObject({ recordType: "assessment", teamId: clinic.team.id, changedBy: colleague.id });
    });

    it("writes field, old and new into each correction's audit row", async () => {
      expect(await auditChanges("assessment", id)).toEqual([
        { action: "update", changes: [{ field: "totalScore", old: 6, new: 5 }] },
        {
          action: "update",
          changes: [
            { field: "takenOn", old: "2026-06-01", new: "2026-06-02" },
            { field: "totalScore", old: 5, new: 4 },
          ],
        },
      ]);
    });

    it("shows the admin which fields changed, not their values", async () => {
      const { rows } = await listAuditEntries(admin, { patientCode: "HIST-1" });
      const updates = rows.filter((r) => r.recordType === "assessment" && r.action === "update" && r.recordId === id);
      expect(updates.map((r) => r.changedFields)).toEqual([["takenOn", "totalScore"], ["totalScore"]]);
      expect(JSON.stringify(updates)).not.toMatch(/2026-06-01/);
    });

    it("another team cannot read the history: the patient is not found", async () => {
      await expect(getPatientRecord(other.sessionUser, patientId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateAssessment(other.sessionUser, id, 3, { takenOn: "2026-06-02", courseId: null, total: 1 })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe("a correction that fails or changes nothing keeps no version", () => {
    let id: string;
    beforeAll(async () => {
      id = (
        await recordAssessment(clinic.sessionUser, patientId, { instrumentId: "pain_nrs_0_10", takenOn: "2026-06-10", courseId, total: 7 })
      ).id;
      await updateAssessment(clinic.sessionUser, id, 1, { takenOn: "2026-06-10", courseId, total: 3 });
    });

    it("a stale version is refused, and nothing is written", async () => {
      const [kept, audited] = [await keptCount(), await auditCount()];
      await expect(updateAssessment(colleague, id, 1, { takenOn: "2026-06-10", courseId, total: 2 })).rejects.toBeInstanceOf(
        StaleVersionError,
      );
      expect([await keptCount(), await auditCount()]).toEqual([kept, audited]);
    });

    it("an out-of-range score or a future date is refused with the field named, and nothing is written", async () => {
      const [kept, audited] = [await keptCount(), await auditCount()];
      const range = await updateAssessment(clinic.sessionUser, id, 2, { takenOn: "2026-06-10", courseId, total: 11 }).catch((e) => e);
      expect(range).toBeInstanceOf(ValidationError);
      expect(Object.keys(range.fieldErrors)).toEqual(["total"]);
      const future = await updateAssessment(clinic.sessionUser, id, 2, { takenOn: "2999-01-01", courseId, total: 2 }).catch((e) => e);
      expect(future.fieldErrors.takenOn).toMatch(/future/);
      expect([await keptCount(), await auditCount()]).toEqual([kept, audited]);
      expect((await assessmentOnPage(id)).totalScore).toBe(3);
    });

    it("of two corrections made from the same version, one is saved and kept once; the other is refused", async () => {
      const kept = await keptCount();
      const results = await Promise.allSettled([
        updateAssessment(clinic.sessionUser, id, 2, { takenOn: "2026-06-10", courseId, total: 1 }),
        updateAssessment(colleague, id, 2, { takenOn: "2026-06-10", courseId, total: 2 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
      expect(await keptCount()).toBe(kept + 1);
      expect((await keptValues(id, "totalScore")).map((r) => r.value)).toEqual([7, 3]);
    });

    it("saving the same values again changes nothing: no version, no audit row, no new version number", async () => {
      const { totalScore } = await assessmentOnPage(id);
      const [kept, audited] = [await keptCount(), await auditCount()];
      await updateAssessment(clinic.sessionUser, id, 3, { takenOn: "2026-06-10", courseId, total: totalScore });
      expect([await keptCount(), await auditCount()]).toEqual([kept, audited]);
      expect((await assessmentOnPage(id)).version).toBe(3);
    });
  });

  describe("patients", () => {
    it("keeps each earlier version of a corrected patient, with the changes in the audit row", async () => {
      const { id } = await createPatient(clinic.sessionUser, { ...patientInput, code: "HIST-2" });
      await updatePatient(clinic.sessionUser, id, 1, { ...patientInput, code: "HIST-2", notes: "first note" });
      await updatePatient(colleague, id, 2, { ...patientInput, code: "HIST-2B", birthYear: 1971, notes: "second note" });
      const { patient } = await getPatientRecord(clinic.sessionUser, id);
      expect(patient).toMatchObject({ code: "HIST-2B", birthYear: 1971, notes: "second note", version: 3 });
      expect(patient.corrections.map((c) => c.changes)).toEqual([
        [
          { field: "code", old: "HIST-2", new: "HIST-2B" },
          { field: "birthYear", old: 1970, new: 1971 },
          { field: "notes", old: "first note", new: "second note" },
        ],
        [{ field: "notes", old: null, new: "first note" }],
      ]);
      expect(await keptValues(id, "notes")).toEqual([
        { version: 1, value: null },
        { version: 2, value: "first note" },
      ]);
      expect((await auditChanges("patient", id)).map((row) => row.changes?.map((c) => c.field))).toEqual([
        ["notes"],
        ["code", "birthYear", "notes"],
      ]);
    });

    it("keeps archiving and restoring as versions too", async () => {
      const { id } = await createPatient(clinic.sessionUser, { ...patientInput, code: "HIST-3" });
      await setPatientArchived(clinic.sessionUser, id, 1, true);
      await setPatientArchived(clinic.sessionUser, id, 2, false);
      const [archive, restore] = await auditChanges("patient", id);
      expect(archive).toMatchObject({ action: "archive", changes: [{ field: "archivedAt", old: null }] });
      const archivedAt = archive.changes![0].new;
      expect(typeof archivedAt === "string" && !Number.isNaN(Date.parse(archivedAt))).toBe(true);
      expect(restore).toMatchObject({ action: "update", changes: [{ field: "archivedAt", old: archivedAt, new: null }] });
      expect((await keptValues(id, "archivedAt")).map((r) => r.value)).toEqual([null, archivedAt]);
    });

    it("a correction refused for a duplicate code keeps no version", async () => {
      const { id } = await createPatient(clinic.sessionUser, { ...patientInput, code: "HIST-4" });
      const kept = await keptCount();
      const error = await updatePatient(clinic.sessionUser, id, 1, { ...patientInput, code: "HIST-1" }).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.fieldErrors.code).toMatch(/already exists/);
      expect(await keptCount()).toBe(kept);
    });
  });

  describe("courses", () => {
    it("stopping a course keeps the course as it was, and a stale stop keeps nothing", async () => {
      const { id } = await startCourse(clinic.sessionUser, patientId, {
        drug: "low-dose naltrexone",
        indication: "fibromyalgia",
        targetDose: 4.5,
        doseUnit: "mg/day",
        startDate: "2026-07-01",
      });
      await endCourse(clinic.sessionUser, id, { status: "stopped", endDate: "2026-07-20", stopReason: "vivid dreams", version: 1 });
      const course = (await getPatientRecord(clinic.sessionUser, patientId)).courses.find((c) => c.id === id)!;
      expect(course.corrections.map((c) => c.changes)).toEqual([
        [
          { field: "endDate", old: null, new: "2026-07-20" },
          { field: "status", old: "active", new: "stopped" },
          { field: "stopReason", old: null, new: "vivid dreams" },
        ],
      ]);
      expect(await keptValues(id, "status")).toEqual([{ version: 1, value: "active" }]);
      expect((await auditChanges("treatment_course", id)).map((r) => r.changes?.map((c) => c.field))).toEqual([
        ["endDate", "status", "stopReason"],
      ]);
    });

    it("of two stops made from the same version, one is saved and kept once; the other is refused", async () => {
      const { id } = await startCourse(clinic.sessionUser, patientId, {
        drug: "memantine",
        indication: "fibromyalgia",
        targetDose: 20,
        doseUnit: "mg/day",
        startDate: "2026-08-01",
      });
      const results = await Promise.allSettled([
        endCourse(clinic.sessionUser, id, { status: "completed", endDate: "2026-08-20", stopReason: "done", version: 1 }),
        endCourse(colleague, id, { status: "stopped", endDate: "2026-08-21", stopReason: "nausea", version: 1 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason;
      // Depending on which waited for the other's lock: the version moved on, or the course is no longer active.
      expect(refused instanceof StaleVersionError || refused instanceof ValidationError).toBe(true);
      expect(await keptValues(id, "status")).toEqual([{ version: 1, value: "active" }]);
    });
  });

  describe("baselines", () => {
    it("a changed baseline choice keeps the one it replaced in the audit row", async () => {
      const early = (
        await recordAssessment(clinic.sessionUser, patientId, {
          instrumentId: "pain_nrs_0_10",
          takenOn: "2026-04-20",
          courseId: null,
          total: 8,
        })
      ).id;
      const later = (
        await recordAssessment(clinic.sessionUser, patientId, {
          instrumentId: "pain_nrs_0_10",
          takenOn: "2026-04-27",
          courseId: null,
          total: 7,
        })
      ).id;
      await chooseBaseline(clinic.sessionUser, courseId, early);
      await chooseBaseline(colleague, courseId, later);
      expect((await auditChanges("course_baseline", courseId)).map((r) => r.changes)).toEqual([
        [{ field: "baseline.pain_nrs_0_10", old: null, new: early }],
        [{ field: "baseline.pain_nrs_0_10", old: early, new: later }],
      ]);
    });
  });

  describe("the kept versions themselves", () => {
    it("cannot be changed or removed, by the app's own connection either", async () => {
      expect(await keptCount()).toBeGreaterThan(0);
      await expect(database.db.update(schema.recordVersions).set({ values: {} })).rejects.toThrow();
      await expect(database.db.delete(schema.recordVersions)).rejects.toThrow();
      await expect(database.db.execute(sql`truncate record_versions`)).rejects.toThrow();
    });
  });
});
