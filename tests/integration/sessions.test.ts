import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/session-limits";
import { switchActiveTeam } from "@/lib/data/active-team";
import { resetUserPassword, setUserActive } from "@/lib/data/admin-users";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { createPatient } from "@/lib/data/patient-writes";
import { findPatientForUser, listPatientsForTeam } from "@/lib/data/patients";
import { loadSession, openSession, revokeSession } from "@/lib/data/sessions";
import type { SessionUser } from "@/lib/data/session-user";
import { createPatient as insertPatient, createTeamWithUser, trySignIn } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const minutes = (n: number) => n * 60_000;

describe(`Server-side sessions on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.dispose());

  /** A signed-in session, as the cookie would carry it: only its id. */
  async function signedIn(email: string, password: string): Promise<string> {
    const result = await trySignIn(email, password);
    if (!result) throw new Error("sign-in refused");
    return result.sessionId;
  }

  describe("signing out", () => {
    it("a copy of the cookie (the same session id) is refused after sign-out; another session of the user goes on", async () => {
      const { user, password, team } = await createTeamWithUser(database.db);
      const copied = await signedIn(user.email, password);
      const onOtherDevice = await signedIn(user.email, password);
      expect(await loadSession(database.db, copied)).toMatchObject({ id: user.id, sessionId: copied });
      expect(await revokeSession(database.db, copied)).toEqual({ activeTeamId: team.id });
      expect(await loadSession(database.db, copied)).toBeNull();
      expect(await revokeSession(database.db, copied)).toBeNull(); // already over: nothing to audit twice
      expect(await loadSession(database.db, onOtherDevice)).toMatchObject({ id: user.id });
    });

    it("an id that was never issued is refused", async () => {
      expect(await loadSession(database.db, "made-up-session-id")).toBeNull();
    });

    it("session ids are 32 random bytes, different for every sign-in", async () => {
      const { user, password } = await createTeamWithUser(database.db);
      const ids = [await signedIn(user.email, password), await signedIn(user.email, password)];
      expect(ids[0]).not.toBe(ids[1]);
      for (const id of ids) expect(Buffer.from(id, "base64url")).toHaveLength(32);
    });
  });

  describe("an admin's change to the account ends all of its sessions", () => {
    it("a password reset revokes every session of the member, in the same transaction; the admin's own goes on", async () => {
      const clinic = await createTeamWithUser(database.db, "admin");
      const adminSession = await signedIn(clinic.user.email, clinic.password);
      const admin = (await loadSession(database.db, adminSession)) as SessionUser;
      const member = await createTeamWithUser(database.db, "clinician");
      await database.db.delete(schema.teamMemberships).where(eq(schema.teamMemberships.userId, member.user.id));
      await database.db.insert(schema.teamMemberships).values({ userId: member.user.id, teamId: clinic.team.id, role: "clinician" });
      const sessions = [await signedIn(member.user.email, member.password), await signedIn(member.user.email, member.password)];

      await resetUserPassword(admin, member.user.id, "fresh-granite-harbour-31");
      for (const id of sessions) expect(await loadSession(database.db, id)).toBeNull();
      expect(await loadSession(database.db, adminSession)).toMatchObject({ id: clinic.user.id });
      // Signing in with the new password opens a new session that works.
      expect(await loadSession(database.db, await signedIn(member.user.email, "fresh-granite-harbour-31"))).toMatchObject({
        id: member.user.id,
      });
    });

    it("a deactivation revokes every session, and reactivating does not bring them back", async () => {
      const clinic = await createTeamWithUser(database.db, "admin");
      const member = await createTeamWithUser(database.db, "clinician");
      await database.db.delete(schema.teamMemberships).where(eq(schema.teamMemberships.userId, member.user.id));
      await database.db.insert(schema.teamMemberships).values({ userId: member.user.id, teamId: clinic.team.id, role: "clinician" });
      const session = await signedIn(member.user.email, member.password);
      await setUserActive(clinic.sessionUser, member.user.id, false);
      expect(await loadSession(database.db, session)).toBeNull();
      await setUserActive(clinic.sessionUser, member.user.id, true);
      expect(await loadSession(database.db, session)).toBeNull();
      const [row] = await database.db.select().from(schema.sessions).where(eq(schema.sessions.id, session));
      expect(row.revokedAt).not.toBeNull();
    });
  });

  describe("time limits, with a moved clock", () => {
    const t0 = new Date("2026-05-04T08:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);

    it(`ends after ${SESSION_IDLE_SECONDS / 60} minutes without a request`, async () => {
      const { user } = await createTeamWithUser(database.db);
      const { id } = await openSession(database.db, user.id, t0);
      expect(await loadSession(database.db, id, at(minutes(29)))).not.toBeNull(); // marks it as seen at 08:29
      expect(await loadSession(database.db, id, at(minutes(59)))).not.toBeNull(); // 30 minutes after 08:29
      expect(await loadSession(database.db, id, at(minutes(89) + 1000))).toBeNull(); // 30 minutes and a second after 08:59
    });

    it("a request less than a minute after the last one does not move the idle clock", async () => {
      const { user } = await createTeamWithUser(database.db);
      const { id } = await openSession(database.db, user.id, t0);
      await loadSession(database.db, id, at(30_000));
      const [row] = await database.db.select().from(schema.sessions).where(eq(schema.sessions.id, id));
      expect(row.lastSeenAt.toISOString()).toBe(t0.toISOString());
    });

    it(`ends ${SESSION_ABSOLUTE_SECONDS / 3600} hours after sign-in even when in use all along`, async () => {
      const { user } = await createTeamWithUser(database.db);
      const { id } = await openSession(database.db, user.id, t0);
      for (let m = 20; m < 12 * 60; m += 20) expect(await loadSession(database.db, id, at(minutes(m))), `minute ${m}`).not.toBeNull();
      expect(await loadSession(database.db, id, at(minutes(12 * 60)))).not.toBeNull();
      expect(await loadSession(database.db, id, at(minutes(12 * 60) + 1000))).toBeNull();
    });
  });

  describe("the active team", () => {
    it("starts in the team joined first; after a switch every read and write uses exactly the chosen team", async () => {
      const first = await createTeamWithUser(database.db, "clinician");
      await database.db.update(schema.teams).set({ name: "AAA first clinic" }).where(eq(schema.teams.id, first.team.id));
      const second = await createTeamWithUser(database.db, "clinician");
      await database.db.update(schema.teams).set({ name: "ZZZ second clinic" }).where(eq(schema.teams.id, second.team.id));
      // The first team's clinician is also a clinician of the second team.
      const both = first.user;
      await database.db.insert(schema.teamMemberships).values({ userId: both.id, teamId: second.team.id, role: "clinician" });
      const sessionId = (await openSession(database.db, both.id)).id;
      const firstPatient = await insertPatient(database.db, first.team.id, "FIRST-1");

      let user = (await loadSession(database.db, sessionId)) as SessionUser;
      expect(user.team.id).toBe(first.team.id);
      expect((await listPatientsForTeam(user)).rows.map((p) => p.code)).toEqual(["FIRST-1"]);

      await switchActiveTeam(user, second.team.id);
      user = (await loadSession(database.db, sessionId)) as SessionUser;
      expect(user.team).toMatchObject({ id: second.team.id, name: "ZZZ second clinic" });

      const { id } = await createPatient(user, { code: "CHOSEN-1", birthYear: 1980, sex: "female", conditions: ["fibromyalgia"] });
      const [created] = await database.db.select().from(schema.patients).where(eq(schema.patients.id, id));
      expect(created.teamId).toBe(second.team.id);
      // The other team's patients are not reachable while the second team is active.
      expect((await listPatientsForTeam(user)).rows.map((p) => p.code)).toEqual(["CHOSEN-1"]);
      await expect(findPatientForUser(user, firstPatient.id)).rejects.toBeInstanceOf(NotFoundError);

      const [audit] = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "switch_team"));
      expect(audit).toMatchObject({ userId: both.id, teamId: second.team.id, recordId: second.team.id });
    });

    it("a team the user is not a member of cannot be chosen, and a revoked session cannot switch", async () => {
      const { user, password } = await createTeamWithUser(database.db);
      const stranger = await createTeamWithUser(database.db);
      const sessionId = await signedIn(user.email, password);
      const sessionUser = (await loadSession(database.db, sessionId)) as SessionUser;
      await expect(switchActiveTeam(sessionUser, stranger.team.id)).rejects.toBeInstanceOf(NotFoundError);
      await revokeSession(database.db, sessionId);
      await expect(switchActiveTeam(sessionUser, sessionUser.team.id)).rejects.toBeInstanceOf(UnauthenticatedError);
      expect(await loadSession(database.db, sessionId)).toBeNull();
    });
  });
});
