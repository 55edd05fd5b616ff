import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT, claimSignInAttempt, releaseAfterSuccess } from "@/lib/auth/sign-in-throttle";
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
    it(`lets ${ACCOUNT_FAILURE_LIMIT} attempts per account through, then locks it, whether or not the email exists`, async () => {
      for (const email of ["someone@clinic.test", "nobody-here@clinic.test"]) {
        for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect(await claimSignInAttempt(database.db, email, null)).toBe(true);
        expect(await claimSignInAttempt(database.db, email, null)).toBe(false);
        expect(await claimSignInAttempt(database.db, email.toUpperCase(), null)).toBe(false);
      }
    });

    it(`locks an address after ${IP_FAILURE_LIMIT} attempts spread over many accounts`, async () => {
      for (let i = 0; i < IP_FAILURE_LIMIT; i++)
        expect(await claimSignInAttempt(database.db, `spray-${i}@clinic.test`, "203.0.113.9")).toBe(true);
      expect(await claimSignInAttempt(database.db, "fresh@clinic.test", "203.0.113.9")).toBe(false);
      expect(await claimSignInAttempt(database.db, "fresh2@clinic.test", "203.0.113.10")).toBe(true);
    });

    it("counts concurrent attempts without losing any (one atomic upsert per key)", async () => {
      const allowed = await Promise.all(Array.from({ length: 12 }, () => claimSignInAttempt(database.db, "burst@clinic.test", null)));
      expect(allowed.filter(Boolean)).toHaveLength(ACCOUNT_FAILURE_LIMIT);
      const [row] = await database.db
        .select()
        .from(schema.signInThrottle)
        .where(eq(schema.signInThrottle.key, "account:burst@clinic.test"));
      expect(row.failures).toBe(12);
      expect(row.lockedUntil).not.toBeNull();
    });

    it("a success clears the account's count and gives the address its attempt back", async () => {
      await claimSignInAttempt(database.db, "ok@clinic.test", "198.51.100.4");
      await releaseAfterSuccess(database.db, "ok@clinic.test", "198.51.100.4");
      expect(
        await database.db.select().from(schema.signInThrottle).where(eq(schema.signInThrottle.key, "account:ok@clinic.test")),
      ).toHaveLength(0);
      const [address] = await database.db.select().from(schema.signInThrottle).where(eq(schema.signInThrottle.key, "ip:198.51.100.4"));
      expect(address.failures).toBe(0);
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
