import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { createdOrInvitedMessage } from "@/app/(clinic)/admin/users/created-or-invited-message";
import { createAccountFromCommandLine } from "@/lib/data/accounts";
import { createTeamUser, listTeamMembers } from "@/lib/data/admin-users";
import { listAuditEntries } from "@/lib/data/audit-queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { answerInvitation, INVITATION_DAYS, listMyInvitations } from "@/lib/data/invitations";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { createTeamWithUser, trySignIn, userIdOf } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const GOOD_PASSWORD = "plum-orchard-lantern-42";
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({
      error: error instanceof ValidationError ? { name: error.name, fieldErrors: error.fieldErrors } : String(error),
    }),
  );

describe(`Membership by invitation on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let clinic: Awaited<ReturnType<typeof createTeamWithUser>>;
  let admin: SessionUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    clinic = await createTeamWithUser(database.db, "admin");
    admin = clinic.sessionUser;
  });
  afterAll(async () => database.dispose());

  const fresh = (() => {
    let n = 0;
    return () => `new-person-${++n}-${Date.now().toString(36)}@clinic.test`;
  })();

  /** Someone with an account in another team, signed in there. */
  async function personElsewhere() {
    const other = await createTeamWithUser(database.db, "clinician");
    return { ...other, session: (await loadSessionUser(database.db, other.user.id)) as SessionUser };
  }

  describe("an admin adds a person whose email already has an account", () => {
    it("answers exactly as for a new email, and the person is not added to the team", async () => {
      const other = await personElsewhere();
      const forNew = await outcome(
        createTeamUser(admin, { email: fresh(), displayName: "Dr New", role: "clinician", password: GOOD_PASSWORD }),
      );
      const forExisting = await outcome(
        createTeamUser(admin, { email: other.user.email, displayName: "Dr New", role: "clinician", password: GOOD_PASSWORD }),
      );
      expect(forExisting).toEqual(forNew);
      expect(forNew).toEqual({ value: undefined });
      // The page's message depends on the email typed, never on whether it had an account.
      expect(createdOrInvitedMessage(other.user.email)).not.toMatch(/already had an account and was added/);

      expect((await listTeamMembers(admin)).map((m) => m.id)).not.toContain(other.user.id);
      expect((await loadSessionUser(database.db, other.user.id))?.teams.map((t) => t.id)).toEqual([other.team.id]);
      expect(await trySignIn(other.user.email, other.password)).not.toBeNull(); // their own password stays
      expect(await trySignIn(other.user.email, GOOD_PASSWORD)).toBeNull();
    });

    it("refuses a weak password the same way whether or not the email has an account", async () => {
      const other = await personElsewhere();
      const forNew = await outcome(createTeamUser(admin, { email: fresh(), displayName: "X", role: "viewer", password: "password1234" }));
      const forExisting = await outcome(
        createTeamUser(admin, { email: other.user.email, displayName: "X", role: "viewer", password: "password1234" }),
      );
      expect(forExisting).toEqual(forNew);
      expect(forNew).toMatchObject({ error: { fieldErrors: { password: expect.stringMatching(/commonly used/) } } });
    });

    it("inviting twice renews the one pending invitation; a current member is refused by name of the field", async () => {
      const other = await personElsewhere();
      await createTeamUser(admin, { email: other.user.email, displayName: "X", role: "viewer", password: GOOD_PASSWORD });
      await createTeamUser(admin, { email: other.user.email, displayName: "X", role: "clinician", password: GOOD_PASSWORD });
      const pending = await database.db
        .select()
        .from(schema.teamInvitations)
        .where(and(eq(schema.teamInvitations.email, other.user.email), eq(schema.teamInvitations.teamId, clinic.team.id)));
      expect(pending).toMatchObject([{ role: "clinician", status: "pending" }]);
      const member = await outcome(
        createTeamUser(admin, { email: clinic.user.email, displayName: "X", role: "viewer", password: GOOD_PASSWORD }),
      );
      expect(member).toMatchObject({ error: { fieldErrors: { email: expect.stringMatching(/already a member/) } } });
    });
  });

  describe("the invited person answers after signing in", () => {
    it("sees the invitation, accepts it, and becomes a member with the invited role; both answers are audited in the inviting team", async () => {
      const other = await personElsewhere();
      await createTeamUser(admin, { email: other.user.email, displayName: "X", role: "viewer", password: GOOD_PASSWORD });
      const [invitation] = await listMyInvitations(other.session);
      expect(invitation).toMatchObject({ teamName: clinic.team.name, role: "viewer", invitedBy: clinic.user.displayName });

      await answerInvitation(other.session, invitation.id, true);
      const after = (await loadSessionUser(database.db, other.user.id)) as SessionUser;
      expect(after.teams).toEqual(expect.arrayContaining([{ id: clinic.team.id, name: clinic.team.name, role: "viewer" }]));
      expect(await listMyInvitations(other.session)).toEqual([]);
      // Accepting does not change the team they are working in.
      expect((await loadSessionUser(database.db, other.user.id, other.team.id))?.team.id).toBe(other.team.id);

      const actions = (await listAuditEntries(admin)).rows
        .filter((r) => r.recordType === "team_invitation")
        .map((r) => [r.action, r.userEmail]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ["invite", clinic.user.email],
          ["accept", other.user.email],
        ]),
      );
    });

    it("a declined invitation adds nothing and cannot be accepted afterwards", async () => {
      const other = await personElsewhere();
      await createTeamUser(admin, { email: other.user.email, displayName: "X", role: "clinician", password: GOOD_PASSWORD });
      const [invitation] = await listMyInvitations(other.session);
      await answerInvitation(other.session, invitation.id, false);
      await expect(answerInvitation(other.session, invitation.id, true)).rejects.toBeInstanceOf(NotFoundError);
      expect((await loadSessionUser(database.db, other.user.id))?.teams).toHaveLength(1);
      const [row] = await database.db.select().from(schema.teamInvitations).where(eq(schema.teamInvitations.id, invitation.id));
      expect(row.status).toBe("declined");
    });

    it("nobody can accept an invitation addressed to someone else: it is not found", async () => {
      const invited = await personElsewhere();
      const intruder = await personElsewhere();
      await createTeamUser(admin, { email: invited.user.email, displayName: "X", role: "admin", password: GOOD_PASSWORD });
      const [invitation] = await listMyInvitations(invited.session);
      expect(await listMyInvitations(intruder.session)).toEqual([]);
      await expect(answerInvitation(intruder.session, invitation.id, true)).rejects.toBeInstanceOf(NotFoundError);
      await expect(answerInvitation(admin, invitation.id, true)).rejects.toBeInstanceOf(NotFoundError);
      await expect(answerInvitation(intruder.session, "not-a-uuid", true)).rejects.toBeInstanceOf(NotFoundError);
      expect((await loadSessionUser(database.db, intruder.user.id))?.teams.map((t) => t.id)).toEqual([intruder.team.id]);
      expect(await listMyInvitations(invited.session)).toHaveLength(1);
    });

    it(`an invitation expires after ${INVITATION_DAYS} days`, async () => {
      const other = await personElsewhere();
      await createTeamUser(admin, { email: other.user.email, displayName: "X", role: "viewer", password: GOOD_PASSWORD });
      const [invitation] = await listMyInvitations(other.session);
      const later = new Date(Date.now() + (INVITATION_DAYS * 24 + 1) * 3_600_000);
      expect(await listMyInvitations(other.session, later)).toEqual([]);
      await expect(answerInvitation(other.session, invitation.id, true, later)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("npm run user:create goes through the data layer", () => {
    it("creates the team and the account with the admin form's checks, audited", async () => {
      const email = fresh();
      const { userId, teamId } = await createAccountFromCommandLine({
        email: email.toUpperCase(),
        displayName: "Dr Lead",
        role: "admin",
        password: GOOD_PASSWORD,
        teamName: "Script Clinic",
      });
      expect(userId).toBe(await userIdOf(database.db, email));
      expect((await loadSessionUser(database.db, userId))?.team).toMatchObject({ id: teamId, name: "Script Clinic", role: "admin" });
      const audit = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.teamId, teamId));
      expect(audit.map((r) => [r.action, r.recordType]).sort()).toEqual([
        ["create", "team"],
        ["create", "user"],
      ]);
    });

    it("refuses bad fields by name and writes nothing", async () => {
      const error = (await outcome(
        createAccountFromCommandLine({ email: "nope", displayName: "X", role: "owner", password: "short", teamName: "Nothing Clinic" }),
      )) as {
        error: { fieldErrors: Record<string, string> };
      };
      expect(Object.keys(error.error.fieldErrors).sort()).toEqual(["email", "role"]);
      const weak = await outcome(
        createAccountFromCommandLine({
          email: fresh(),
          displayName: "X",
          role: "admin",
          password: "password1234",
          teamName: "Nothing Clinic",
        }),
      );
      expect(weak).toMatchObject({ error: { fieldErrors: { password: expect.any(String) } } });
      const blankTeam = await outcome(
        createAccountFromCommandLine({ email: fresh(), displayName: "X", role: "admin", password: GOOD_PASSWORD, teamName: "  " }),
      );
      expect(blankTeam).toMatchObject({ error: { fieldErrors: { teamName: "Team name is required." } } });
      expect(await database.db.select().from(schema.teams).where(eq(schema.teams.name, "Nothing Clinic"))).toEqual([]);
      const taken = await outcome(
        createAccountFromCommandLine({
          email: clinic.user.email,
          displayName: "X",
          role: "admin",
          password: GOOD_PASSWORD,
          teamName: "Nothing Clinic",
        }),
      );
      expect(taken).toMatchObject({ error: { fieldErrors: { email: expect.stringMatching(/already exists/) } } });
      expect(await database.db.select().from(schema.teams).where(eq(schema.teams.name, "Nothing Clinic"))).toEqual([]);
    });
  });
});
