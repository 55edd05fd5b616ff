import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { ACCOUNT_FAILURE_LIMIT } from "@/lib/auth/sign-in-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { listAuditEntries } from "@/lib/data/audit-queries";
import { loadSession } from "@/lib/data/sessions";
import { signInWithPassword, type PasswordCheck } from "@/lib/data/sign-in";
import { createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

/** The real password check, counting how often it runs. */
function countingCheck() {
  const counter = { calls: 0 };
  const check: PasswordCheck = async (hash, password) => {
    counter.calls++;
    return hash !== null && (await verifyPassword(hash, password));
  };
  return { counter, check };
}

describe(`Signing in on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.dispose());

  describe("the per-account limit holds against parallel guesses", () => {
    it(`20 wrong passwords at once: at most ${ACCOUNT_FAILURE_LIMIT} are checked, the rest are locked out, and then the right one is too`, async () => {
      const { user, password } = await createTeamWithUser(database.db);
      const { counter, check } = countingCheck();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => signInWithPassword({ email: user.email, password: `wrong-guess-${i}`, ip: null }, { check })),
      );
      // A fresh account: exactly the first ACCOUNT_FAILURE_LIMIT claims get to the password check.
      expect(counter.calls).toBe(ACCOUNT_FAILURE_LIMIT);
      expect(results.filter((r) => r.outcome === "refused")).toHaveLength(counter.calls);
      expect(results.filter((r) => r.outcome === "locked")).toHaveLength(20 - counter.calls);
      expect(await signInWithPassword({ email: user.email, password, ip: null }, { check })).toEqual({ outcome: "locked" });
      expect(counter.calls).toBe(ACCOUNT_FAILURE_LIMIT);
    });

    it("an unknown email is limited the same way", async () => {
      const { counter, check } = countingCheck();
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          signInWithPassword({ email: "nobody@clinic.test", password: "any-password-1", ip: null }, { check }),
        ),
      );
      expect(counter.calls).toBe(ACCOUNT_FAILURE_LIMIT);
      expect(results.filter((r) => r.outcome === "locked")).toHaveLength(20 - ACCOUNT_FAILURE_LIMIT);
    });

    it("a success clears the count, so a user who mistyped can sign in again and again", async () => {
      const { user, password } = await createTeamWithUser(database.db);
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) {
          expect((await signInWithPassword({ email: user.email, password: "mistyped-password", ip: null })).outcome).toBe("refused");
        }
        expect((await signInWithPassword({ email: user.email, password, ip: null })).outcome).toBe("signed_in");
      }
    });
  });

  describe("a successful sign-in", () => {
    it("opens a server-side session in the first team and audits the sign-in there", async () => {
      const { user, password, team } = await createTeamWithUser(database.db);
      const result = await signInWithPassword({ email: ` ${user.email.toUpperCase()} `, password, ip: null });
      if (result.outcome !== "signed_in") throw new Error(result.outcome);
      expect(await loadSession(database.db, result.sessionId)).toMatchObject({ id: user.id, team: { id: team.id } });
      const audit = await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "sign_in"), eq(schema.auditLog.userId, user.id)));
      expect(audit).toMatchObject([{ teamId: team.id, recordType: "session" }]);
    });
  });

  describe("failed sign-ins are in the audit view of every team the account belongs to", () => {
    it("a wrong password for a member of two teams shows in both teams' audit trails, and in no other", async () => {
      const clinicA = await createTeamWithUser(database.db, "admin");
      const clinicB = await createTeamWithUser(database.db, "admin");
      const bystander = await createTeamWithUser(database.db, "admin");
      const member = await createTeamWithUser(database.db, "clinician");
      await database.db.delete(schema.teamMemberships).where(eq(schema.teamMemberships.userId, member.user.id));
      await database.db.insert(schema.teamMemberships).values([
        { userId: member.user.id, teamId: clinicA.team.id, role: "clinician" },
        { userId: member.user.id, teamId: clinicB.team.id, role: "viewer" },
      ]);
      await signInWithPassword({ email: member.user.email, password: "not-their-password", ip: null });

      const refusals = async (admin: typeof clinicA) =>
        (await listAuditEntries(admin.sessionUser)).rows.filter((r) => r.action === "sign_in_refused").map((r) => r.userEmail);
      expect(await refusals(clinicA)).toEqual([member.user.email]);
      expect(await refusals(clinicB)).toEqual([member.user.email]);
      expect(await refusals(bystander)).toEqual([]);
    });

    it("attempts refused by the lock are audited for the account's team too", async () => {
      const clinic = await createTeamWithUser(database.db, "admin");
      const member = await createTeamWithUser(database.db, "clinician");
      await database.db
        .update(schema.teamMemberships)
        .set({ teamId: clinic.team.id })
        .where(eq(schema.teamMemberships.userId, member.user.id));
      for (let i = 0; i <= ACCOUNT_FAILURE_LIMIT; i++)
        await signInWithPassword({ email: member.user.email, password: `guess-number-${i}`, ip: null });
      const actions = (await listAuditEntries(clinic.sessionUser)).rows
        .filter((r) => r.userEmail === member.user.email)
        .map((r) => r.action);
      expect(actions.filter((a) => a === "sign_in_refused")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
      expect(actions.filter((a) => a === "sign_in_locked")).toHaveLength(1);
    });

    it("a refused sign-in for an email without an account is audited with no team and no user", async () => {
      await signInWithPassword({ email: "ghost@clinic.test", password: "whatever-password", ip: null });
      const rows = await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "sign_in_refused"), isNull(schema.auditLog.teamId), isNull(schema.auditLog.userId)));
      expect(rows.length).toBeGreaterThanOrEqual(1);
    });
  });
});
