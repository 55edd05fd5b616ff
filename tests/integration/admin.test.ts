import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { createTeamUser, listTeamMembers, resetUserPassword, setMemberRole, setUserActive } from "@/lib/data/admin-users";
import { auditEntriesCsv, csvCell, listAuditEntries } from "@/lib/data/audit-queries";
import { recordDoseChange, startCourse } from "@/lib/data/course-writes";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createPatient } from "@/lib/data/patient-writes";
import { getPatientRecord } from "@/lib/data/patients";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { addMember, createTeamWithUser, trySignIn, userIdOf } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const GOOD_PASSWORD = "plum-orchard-lantern-42";

describe(`Team administration on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let clinic: Awaited<ReturnType<typeof createTeamWithUser>>;
  let otherClinic: Awaited<ReturnType<typeof createTeamWithUser>>;
  let admin: SessionUser;
  let emailCounter = 0;
  const newEmail = () => `person-${++emailCounter}-${Date.now().toString(36)}@clinic.test`;

  /** A member made the way an admin makes one: an account in our team only. */
  async function newMember(role: schema.Role = "clinician", password = GOOD_PASSWORD) {
    const email = newEmail();
    await createTeamUser(admin, { email, displayName: `Member ${emailCounter}`, role, password });
    const id = await userIdOf(database.db, email);
    return { id, email, password, session: (await loadSessionUser(database.db, id, clinic.team.id)) as SessionUser };
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    clinic = await createTeamWithUser(database.db, "admin");
    otherClinic = await createTeamWithUser(database.db, "admin");
    admin = clinic.sessionUser;
  });
  afterAll(async () => database.dispose());

  describe("an admin creates users", () => {
    it("creates a clinician who can sign in, and audits it", async () => {
      const email = newEmail();
      await createTeamUser(admin, { email: ` ${email.toUpperCase()} `, displayName: "Dr New", role: "clinician", password: GOOD_PASSWORD });
      const id = await userIdOf(database.db, email);
      expect(await trySignIn(email, GOOD_PASSWORD)).toMatchObject({ id, email });
      expect((await loadSessionUser(database.db, id))?.team).toMatchObject({ id: clinic.team.id, role: "clinician" });
      const audit = await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.recordType, "user"), eq(schema.auditLog.recordId, id)));
      expect(audit).toMatchObject([{ action: "create", userId: admin.id, teamId: clinic.team.id }]);
    });

    it("refuses a common password and a password of 11 characters, with the message on the password field", async () => {
      const common = await refusal(
        createTeamUser(admin, { email: newEmail(), displayName: "Weak", role: "viewer", password: "password1234" }),
      );
      expect(common).toBeInstanceOf(ValidationError);
      expect((common as ValidationError).fieldErrors.password).toMatch(/commonly used passwords/);
      const short = await refusal(
        createTeamUser(admin, { email: newEmail(), displayName: "Short", role: "viewer", password: "abcdefghijk" }),
      );
      expect((short as ValidationError).fieldErrors.password).toMatch(/at least 12 characters/);
    });

    it("refuses an invalid email and an unknown role, naming the fields", async () => {
      const error = (await refusal(
        createTeamUser(admin, { email: "not-an-email", displayName: "X", role: "owner", password: GOOD_PASSWORD }),
      )) as ValidationError;
      expect(Object.keys(error.fieldErrors).sort()).toEqual(["email", "role"]);
    });
  });

  describe("the member list", () => {
    it("shows the team's members and never a password hash", async () => {
      const member = await newMember("viewer");
      const members = await listTeamMembers(admin);
      expect(members.map((m) => m.id)).toEqual(expect.arrayContaining([admin.id, member.id]));
      expect(Object.keys(members[0]).sort()).toEqual(["active", "displayName", "email", "id", "role", "version"]);
      expect(JSON.stringify(members)).not.toContain("$argon2");
      expect(members.map((m) => m.id)).not.toContain(otherClinic.user.id);
    });
  });

  describe("roles", () => {
    it("an admin changes a member's role; the member's next request sees it", async () => {
      const member = await newMember("clinician");
      await setMemberRole(admin, member.id, "viewer");
      expect((await loadSessionUser(database.db, member.id))?.team.role).toBe("viewer");
      await expect(setMemberRole(admin, member.id, "superuser")).rejects.toBeInstanceOf(ValidationError);
    });

    it("the last active admin cannot be demoted; with a second admin, they can step down", async () => {
      const small = await createTeamWithUser(database.db, "admin");
      const error = await refusal(setMemberRole(small.sessionUser, small.user.id, "clinician"));
      expect((error as ValidationError).fieldErrors.role).toMatch(/last active admin/);

      const secondEmail = newEmail();
      await createTeamUser(small.sessionUser, { email: secondEmail, displayName: "Second", role: "admin", password: GOOD_PASSWORD });
      const second = await userIdOf(database.db, secondEmail);
      await setUserActive(small.sessionUser, second, false);
      // An inactive admin cannot run the team, so they do not count.
      await expect(setMemberRole(small.sessionUser, small.user.id, "clinician")).rejects.toBeInstanceOf(ValidationError);
      await setUserActive(small.sessionUser, second, true);
      await setMemberRole(small.sessionUser, small.user.id, "clinician");
      expect((await loadSessionUser(database.db, small.user.id))?.team.role).toBe("clinician");
    });

    it("two admins stepping down at the same moment: one succeeds, the team keeps an admin", async () => {
      const pair = await createTeamWithUser(database.db, "admin");
      const secondEmail = newEmail();
      await createTeamUser(pair.sessionUser, { email: secondEmail, displayName: "Other admin", role: "admin", password: GOOD_PASSWORD });
      const secondId = await userIdOf(database.db, secondEmail);
      const second = (await loadSessionUser(database.db, secondId, pair.team.id)) as SessionUser;
      const results = await Promise.allSettled([
        setMemberRole(pair.sessionUser, pair.user.id, "clinician"),
        setMemberRole(second, second.id, "clinician"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ValidationError);
      const admins = await database.db
        .select()
        .from(schema.teamMemberships)
        .where(and(eq(schema.teamMemberships.teamId, pair.team.id), eq(schema.teamMemberships.role, "admin")));
      expect(admins).toHaveLength(1);
    });
  });

  describe("deactivation", () => {
    it("a deactivated user's session stops at once and they cannot sign in; reactivation restores both", async () => {
      const member = await newMember("clinician");
      await setUserActive(admin, member.id, false);
      expect(await loadSessionUser(database.db, member.id)).toBeNull();
      expect(await trySignIn(member.email, member.password)).toBeNull();
      expect((await listTeamMembers(admin)).find((m) => m.id === member.id)).toMatchObject({ active: false, version: 2 });
      await setUserActive(admin, member.id, true);
      expect(await trySignIn(member.email, member.password)).not.toBeNull();
    });

    it("an admin cannot deactivate their own account", async () => {
      const error = await refusal(setUserActive(admin, admin.id, false));
      expect((error as ValidationError).fieldErrors.active).toMatch(/your own account/);
    });

    it("an account that also works in a team this admin does not run cannot be deactivated from here", async () => {
      const shared = await addMember(database.db, clinic.team.id, "clinician"); // also in a team of their own
      await expect(setUserActive(admin, shared.id, false)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await loadSessionUser(database.db, shared.id)).not.toBeNull();
    });
  });

  describe("password reset", () => {
    it("the old password stops working and the new one works", async () => {
      const member = await newMember("clinician");
      const fresh = "new-harbour-compass-77";
      await resetUserPassword(admin, member.id, fresh);
      expect(await trySignIn(member.email, member.password)).toBeNull();
      expect(await trySignIn(member.email, fresh)).toMatchObject({ id: member.id });
    });

    it("the new password must meet the policy", async () => {
      const member = await newMember("clinician");
      const error = await refusal(resetUserPassword(admin, member.id, "password1234"));
      expect((error as ValidationError).fieldErrors.password).toMatch(/commonly used/);
      expect(await trySignIn(member.email, member.password)).not.toBeNull();
    });

    it("cannot take over an account that also works in a team this admin does not run", async () => {
      const shared = await addMember(database.db, clinic.team.id, "clinician");
      await expect(resetUserPassword(admin, shared.id, "new-harbour-compass-77")).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe("who may administer", () => {
    it("a clinician of the team is refused every admin function", async () => {
      const member = await newMember("clinician");
      const target = await newMember("viewer");
      const clinician = member.session;
      await expect(listTeamMembers(clinician)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        createTeamUser(clinician, { email: newEmail(), displayName: "X", role: "admin", password: GOOD_PASSWORD }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setMemberRole(clinician, target.id, "admin")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setUserActive(clinician, target.id, false)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resetUserPassword(clinician, target.id, "new-harbour-compass-77")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAuditEntries(clinician)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(auditEntriesCsv(clinician)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("an admin of another team finds none of our members", async () => {
      const member = await newMember("clinician");
      const stranger = otherClinic.sessionUser;
      await expect(setMemberRole(stranger, member.id, "viewer")).rejects.toBeInstanceOf(NotFoundError);
      await expect(setUserActive(stranger, member.id, false)).rejects.toBeInstanceOf(NotFoundError);
      await expect(resetUserPassword(stranger, member.id, "new-harbour-compass-77")).rejects.toBeInstanceOf(NotFoundError);
      await expect(setMemberRole(stranger, "not-a-uuid", "viewer")).rejects.toBeInstanceOf(NotFoundError);
      expect(await loadSessionUser(database.db, member.id)).toMatchObject({ team: { role: "clinician" } });
    });
  });

  describe("the audit trail", () => {
    let clinician: Awaited<ReturnType<typeof newMember>>;
    let followedId: string;
    let courseId: string;
    const patientInput = { birthYear: 1970, sex: "female" as const, conditions: ["fibromyalgia"], notes: null };

    beforeAll(async () => {
      clinician = await newMember("clinician");
      followedId = (await createPatient(clinician.session, { ...patientInput, code: "AUD-1" })).id;
      await getPatientRecord(clinician.session, followedId);
      courseId = (
        await startCourse(clinician.session, followedId, {
          drug: "memantine",
          indication: "fibromyalgia",
          targetDose: 20,
          doseUnit: "mg/day",
          startDate: "2026-01-05",
        })
      ).id;
      await recordDoseChange(clinician.session, courseId, { changedOn: "2026-01-12", dose: 10, doseUnit: "mg/day", note: null });
      await createPatient(admin, { ...patientInput, code: "AUD-2" });
      await createPatient(otherClinic.sessionUser, { ...patientInput, code: "AUD-1" });
    });

    it("lists the team's entries newest first, with the user's email, and audits the reading", async () => {
      const { rows, total, pageSize } = await listAuditEntries(admin);
      expect(pageSize).toBe(50);
      expect(total).toBeGreaterThan(5);
      expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort().reverse());
      expect(rows.some((r) => r.userEmail === otherClinic.user.email)).toBe(false);
      const reads = await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.userId, admin.id), eq(schema.auditLog.recordType, "audit_log"), eq(schema.auditLog.action, "read")));
      expect(reads.length).toBeGreaterThanOrEqual(1);
    });

    it("filters by user", async () => {
      const { rows } = await listAuditEntries(admin, { userId: clinician.id });
      expect(rows.length).toBe(4); // patient created and read, course started, dose changed
      expect(new Set(rows.map((r) => r.userEmail))).toEqual(new Set([clinician.email]));
    });

    it("filters by patient code within the team, including the patient's courses and doses", async () => {
      const { rows } = await listAuditEntries(admin, { patientCode: "AUD-1" });
      expect(rows.map((r) => `${r.action} ${r.recordType}`).sort()).toEqual([
        "create dose_change",
        "create patient",
        "create treatment_course",
        "read patient",
      ]);
      expect(rows.find((r) => r.recordType === "treatment_course")?.recordId).toBe(courseId);
      const unknown = await refusal(listAuditEntries(admin, { patientCode: "NOPE-1" }));
      expect((unknown as ValidationError).fieldErrors.patientCode).toMatch(/No patient/);
    });

    it("filters by date (whole UTC days) and pages by 50", async () => {
      const entry = (at: string, recordId: string) => ({
        at: new Date(at),
        teamId: clinic.team.id,
        userId: admin.id,
        action: "update",
        recordType: "patient",
        recordId,
      });
      await database.db
        .insert(schema.auditLog)
        .values([
          entry("2024-03-01T00:00:00Z", "first-of-march"),
          entry("2024-03-02T23:59:59Z", "second-of-march"),
          entry("2024-03-03T00:00:00Z", "third-of-march"),
          ...Array.from({ length: 55 }, (_, i) => entry(`2024-04-10T10:${String(i).padStart(2, "0")}:00Z`, `april-${i}`)),
        ]);
      const march = await listAuditEntries(admin, { from: "2024-03-01", to: "2024-03-02" });
      expect(march.rows.map((r) => r.recordId)).toEqual(["second-of-march", "first-of-march"]);
      const april = await listAuditEntries(admin, { from: "2024-04-10", to: "2024-04-10", page: 2 });
      expect(april).toMatchObject({ total: 55, page: 2 });
      expect(april.rows.map((r) => r.recordId)).toEqual(["april-4", "april-3", "april-2", "april-1", "april-0"]);
      const backwards = await refusal(listAuditEntries(admin, { from: "2024-03-02", to: "2024-03-01" }));
      expect((backwards as ValidationError).fieldErrors.to).toMatch(/on or after/);
    });
  });

  describe("the audit CSV export", () => {
    it("has the header, quotes commas and quotes, neutralises formulas, names changed fields without their values, and is itself audited", async () => {
      const changes = [
        { field: "notes", old: "private note", new: "revised note" },
        { field: "birthYear", old: 1970, new: 1971 },
      ];
      await database.db.insert(schema.auditLog).values([
        {
          at: new Date("2023-05-05T08:00:00Z"),
          teamId: clinic.team.id,
          userId: admin.id,
          action: "update",
          recordType: "patient",
          recordId: 'a,"b"',
          ip: "=cmd|' /C calc'!A0",
          changes,
        },
        {
          at: new Date("2023-05-05T09:00:00Z"),
          teamId: otherClinic.team.id,
          userId: otherClinic.user.id,
          action: "update",
          recordType: "patient",
          recordId: "other-team",
        },
      ]);
      const csv = await auditEntriesCsv(admin, { from: "2023-05-05", to: "2023-05-05" });
      const lines = csv.trimEnd().split("\r\n");
      expect(lines).toEqual([
        "at,user_email,action,record_type,record_id,ip,changed_fields",
        `2023-05-05T08:00:00.000Z,${admin.email},update,patient,"a,""b""",'=cmd|' /C calc'!A0,notes birthYear`,
      ]);
      expect(csv).not.toMatch(/private note|revised note|1970|1971/);
      const exports = await database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.userId, admin.id), eq(schema.auditLog.recordType, "audit_log"), eq(schema.auditLog.action, "export")),
        );
      expect(exports).toHaveLength(1);
    });

    it("neutralises every formula prefix and leaves ordinary values alone", () => {
      expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "plain", null].map(csvCell)).toEqual([
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "plain",
        "",
      ]);
      expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    });
  });
});
