import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT, clearAccountFailures, isSignInLocked, recordSignInFailure } from "@/lib/auth/sign-in-throttle";
import { passwordProblem } from "@/lib/auth/password-policy";
import { writeAudit } from "@/lib/data/audit";
import { getPatientRecord } from "@/lib/data/patients";
import { createPatient, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

describe(`Security in the database (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.dispose());

  describe("the audit trail is append-only", () => {
    it("accepts new rows but refuses updates, deletes and truncation", async () => {
      await writeAudit(database.db, null, "read", "test", "1");
      const [{ n }] = await database.db.select({ n: count() }).from(schema.auditLog);
      await expect(database.db.update(schema.auditLog).set({ action: "tampered" })).rejects.toThrow();
      await expect(database.db.delete(schema.auditLog)).rejects.toThrow();
      await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      const [{ n: after }] = await database.db.select({ n: count() }).from(schema.auditLog);
      expect(after).toBe(n);
    });

    it("a read of a patient record writes one audit row naming the user, team and patient", async () => {
      const { team, sessionUser } = await createTeamWithUser(database.db);
      const patient = await createPatient(database.db, team.id, "AUD-1");
      await getPatientRecord(sessionUser, patient.id);
      const rows = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.recordId, patient.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ userId: sessionUser.id, teamId: team.id, action: "read", recordType: "patient" });
    });
  });

  describe("sign-in attempts are limited per account and per address", () => {
    it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures, whether or not the email exists`, async () => {
      for (const email of ["someone@clinic.test", "nobody-here@clinic.test"]) {
        for (let i = 1; i < ACCOUNT_FAILURE_LIMIT; i++) await recordSignInFailure(database.db, email, null);
        expect(await isSignInLocked(database.db, email, null)).toBe(false);
        await recordSignInFailure(database.db, email, null);
        expect(await isSignInLocked(database.db, email, null)).toBe(true);
        expect(await isSignInLocked(database.db, email.toUpperCase(), null)).toBe(true);
      }
    });

    it(`locks an address after ${IP_FAILURE_LIMIT} failures spread over many accounts`, async () => {
      for (let i = 0; i < IP_FAILURE_LIMIT; i++) await recordSignInFailure(database.db, `spray-${i}@clinic.test`, "203.0.113.9");
      expect(await isSignInLocked(database.db, "fresh@clinic.test", "203.0.113.9")).toBe(true);
      expect(await isSignInLocked(database.db, "fresh@clinic.test", "203.0.113.10")).toBe(false);
    });

    it("counts concurrent failures without losing any (one atomic upsert per key)", async () => {
      await Promise.all(Array.from({ length: 4 }, () => recordSignInFailure(database.db, "burst@clinic.test", null)));
      const [row] = await database.db.select().from(schema.signInThrottle).where(eq(schema.signInThrottle.key, "account:burst@clinic.test"));
      expect(row.failures).toBe(4);
    });

    it("a success clears the account's count", async () => {
      await recordSignInFailure(database.db, "ok@clinic.test", null);
      await clearAccountFailures(database.db, "ok@clinic.test");
      expect(await database.db.select().from(schema.signInThrottle).where(eq(schema.signInThrottle.key, "account:ok@clinic.test"))).toHaveLength(0);
    });
  });
});

describe("password policy", () => {
  it("refuses short and common passwords and accepts a long uncommon one", () => {
    expect(passwordProblem("short-pw-11")).toMatch(/at least 12/);
    expect(passwordProblem("password1234")).toMatch(/commonly used/);
    expect(passwordProblem("qwertyuiop123")).toMatch(/commonly used/);
    expect(passwordProblem("plum-orbit-kettle-42")).toBeNull();
  });
});
