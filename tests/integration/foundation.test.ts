import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { NotFoundError } from "@/lib/errors";
import { getPatientRecord, listPatientsForTeam } from "@/lib/data/patients";
import { CLINIC_COHORT_CODES } from "@/db/seed/clinic-cohort";
import { loadSessionUser } from "@/lib/data/session-user";
import { createPatient, createTeamWithUser, deactivate, trySignIn } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const kind = testDatabaseKind();

describe(`Foundation on ${kind}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => database.dispose());

  describe("migrations", () => {
    it("apply on an empty database and create every table", async () => {
      await applyMigrations(database);
      const result = await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      const names = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).map(
        (r) => (r as { table_name: string }).table_name,
      );
      expect(names).toEqual(
        expect.arrayContaining([
          "teams",
          "users",
          "team_memberships",
          "patients",
          "treatment_courses",
          "dose_changes",
          "assessments",
          "adverse_events",
          "audit_log",
          "studies",
          "course_baselines",
        ]),
      );
    });

    it("apply a second time without changing anything", async () => {
      await expect(applyMigrations(database)).resolves.toBeUndefined();
    });

    it("enforce the domain's constraints in the database itself", async () => {
      const { team } = await createTeamWithUser(database.db);
      await expect(
        database.db.insert(schema.patients).values({ teamId: team.id, code: "X", birthYear: 1800, sex: "female" }),
      ).rejects.toThrow();
      await createPatient(database.db, team.id, "DUP-1");
      await expect(createPatient(database.db, team.id, "DUP-1")).rejects.toThrow();
    });
  });

  describe("seed", () => {
    const counts = async () => {
      const tables = [
        schema.teams,
        schema.users,
        schema.patients,
        schema.treatmentCourses,
        schema.doseChanges,
        schema.assessments,
        schema.adverseEvents,
        schema.studies,
      ];
      return Promise.all(tables.map(async (t) => (await database.db.select({ n: count() }).from(t))[0].n));
    };

    it("creates the demo teams, about 40 patients with courses and assessments, and the studies", async () => {
      const before = await counts();
      const summary = await seedDatabase(database.db, { today: new Date("2026-11-01T00:00:00Z") });
      // 46 synthetic patients, one per worklist reason (db/seed/worklist-demo.ts) and the clinic cohort (db/seed/clinic-cohort.ts).
      const seeded = 46 + 6 + CLINIC_COHORT_CODES.length;
      expect(summary.patientsCreated).toBe(seeded);
      expect(summary.studies).toBe(13);
      const after = await counts();
      expect(after[2] - before[2]).toBe(seeded);
      expect(after[5] - before[5]).toBeGreaterThan(seeded * 3);
    });

    it("changes nothing when run a second time", async () => {
      const before = await counts();
      const summary = await seedDatabase(database.db, { today: new Date("2026-11-20T00:00:00Z") });
      expect(summary.patientsCreated).toBe(0);
      expect(summary.usersCreated).toBe(0);
      expect(await counts()).toEqual(before);
    });

    it("titrates memantine 5 mg a week up to 20 mg/day and gives low-dose naltrexone at 4.5 mg/day", async () => {
      const rows = await database.db.execute(
        sql`select c.drug, array_agg(d.dose order by d.changed_on) as doses from treatment_courses c join dose_changes d on d.course_id = c.id
            where c.status = 'active' group by c.id, c.drug`,
      );
      const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { drug: string; doses: number[] }[];
      // Courses started less than three weeks before "today" are still on their way up: every memantine
      // course follows the same steps, and most have reached 20 mg/day.
      const memantine = list.filter((r) => r.drug === "memantine").map((r) => r.doses.map(Number));
      const steps = [5, 10, 15, 20];
      for (const doses of memantine) expect(doses).toEqual(steps.slice(0, doses.length));
      expect(memantine.filter((doses) => doses.length === steps.length).length).toBeGreaterThan(memantine.length / 2);
      const ldn = list.filter((r) => r.drug === "low-dose naltrexone");
      expect(ldn.length).toBeGreaterThan(0);
      for (const course of ldn) expect(course.doses.map(Number)).toEqual([4.5]);
    });
  });

  describe("sign-in", () => {
    it("accepts the demo clinician's password", async () => {
      expect(await trySignIn("Clinician@Yardstick.demo ", DEMO_PASSWORD)).toMatchObject({ email: "clinician@yardstick.demo" });
    });

    it("refuses a wrong password and an unknown email alike", async () => {
      expect(await trySignIn("clinician@yardstick.demo", "wrong-password-123")).toBeNull();
      expect(await trySignIn("nobody@yardstick.demo", DEMO_PASSWORD)).toBeNull();
      expect(await trySignIn("clinician@yardstick.demo", "")).toBeNull();
    });

    it("refuses an inactive user, and their existing session stops working at once", async () => {
      const { user, password } = await createTeamWithUser(database.db);
      expect(await trySignIn(user.email, password)).not.toBeNull();
      await deactivate(database.db, user.id);
      expect(await trySignIn(user.email, password)).toBeNull();
      expect(await loadSessionUser(database.db, user.id)).toBeNull();
    });
  });

  describe("team separation in the data layer", () => {
    it("a clinician of team A cannot read team B's patient: it is not found", async () => {
      const a = await createTeamWithUser(database.db);
      const b = await createTeamWithUser(database.db);
      const patientOfB = await createPatient(database.db, b.team.id, "B-SECRET");
      await expect(getPatientRecord(a.sessionUser, patientOfB.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPatientRecord(a.sessionUser, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
      const list = await listPatientsForTeam(a.sessionUser, { code: "B-SECRET" });
      expect(list.total).toBe(0);
      const own = await getPatientRecord(b.sessionUser, patientOfB.id);
      expect(own.patient.code).toBe("B-SECRET");
    });

    it("lists only the user's team, with search, paging and filters done in the database", async () => {
      const a = await createTeamWithUser(database.db);
      for (let i = 1; i <= 30; i++) await createPatient(database.db, a.team.id, `PG-${String(i).padStart(2, "0")}`);
      const first = await listPatientsForTeam(a.sessionUser, {});
      expect(first.total).toBe(30);
      expect(first.rows).toHaveLength(25);
      expect(first.nextCursor).not.toBeNull();
      const second = await listPatientsForTeam(a.sessionUser, { after: first.nextCursor! });
      expect(second.rows.map((r) => r.code)).toEqual(["PG-26", "PG-27", "PG-28", "PG-29", "PG-30"]);
      expect(second.nextCursor).toBeNull();
      expect((await listPatientsForTeam(a.sessionUser, { code: "pg-1" })).total).toBe(10);
      expect((await listPatientsForTeam(a.sessionUser, { code: "%" })).total).toBe(0);
      expect((await listPatientsForTeam(a.sessionUser, { status: "on_treatment" })).total).toBe(0);
    });
  });
});

describe("an unreachable PostgreSQL server", () => {
  it("gives one clear line naming the host and never the password", async () => {
    const attempt = openDatabase({ url: "postgres://someone:s3cret-pw@127.0.0.1:1/clinic" });
    await expect(attempt).rejects.toThrow(/Cannot reach the PostgreSQL server at 127\.0\.0\.1:1\/clinic/);
    await attempt.catch((error: Error) => expect(error.message).not.toContain("s3cret-pw"));
  });
});
