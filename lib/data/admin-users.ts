import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { teamMemberships, teams, users, type Role } from "@/db/schema";
import { can } from "@/lib/auth/can";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { parseOrRefuse, roleSchema, type NewUserFields } from "@/lib/validation/admin";
import { insertAccount, parseNewAccount } from "./accounts";
import { writeAudit } from "./audit";
import { ForbiddenError, isUuid, NotFoundError, ValidationError } from "@/lib/errors";
import { inviteExistingAccount } from "./invitations";
import { assertCan, type SessionUser } from "./session-user";
import { revokeAllSessions } from "./sessions";

type TeamMember = { id: string; email: string; displayName: string; role: Role; active: boolean; version: number };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Pick<Database, "select">;

function assertTeamAdmin(user: SessionUser): void {
  assertCan(user, "team:manage");
}

const memberColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: teamMemberships.role,
  active: users.active,
  version: users.version,
};

/** The members of the admin's active team, without password hashes. */
export async function listTeamMembers(user: SessionUser): Promise<TeamMember[]> {
  assertTeamAdmin(user);
  const db = await getDb();
  return db
    .select(memberColumns)
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(eq(teamMemberships.teamId, user.team.id))
    .orderBy(asc(users.displayName), asc(users.email));
}

/** A member of the admin's active team; anyone else is "not found", as in the rest of the data layer. */
async function findMember(db: Reader, user: SessionUser, memberId: unknown): Promise<TeamMember> {
  if (!isUuid(memberId)) throw new NotFoundError("Team member");
  const [member] = await db
    .select(memberColumns)
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, user.team.id), eq(teamMemberships.userId, memberId)))
    .limit(1);
  if (!member) throw new NotFoundError("Team member");
  return member;
}

/**
 * Serialises admin changes within one team, so two admins demoting or deactivating each other at
 * the same moment cannot both pass the last-admin check. "No key update" rather than "update", so
 * inserts that merely reference the team (patients, memberships) need not wait.
 */
async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("no key update");
}

async function otherActiveAdmins(tx: Tx, teamId: string, memberId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.role, "admin"), eq(users.active, true), ne(users.id, memberId)));
  return n;
}

/**
 * The account (active flag, password) is shared by all of a person's teams. Changing it from one
 * team would reach into the others: a new password would let this admin sign in as them there.
 */
async function assertAdministersEveryTeamOf(tx: Reader, user: SessionUser, memberId: string): Promise<void> {
  const memberships = await tx.select({ teamId: teamMemberships.teamId }).from(teamMemberships).where(eq(teamMemberships.userId, memberId));
  const outside = memberships.some((m) => !can(user, "team:manage", m.teamId));
  if (outside) {
    throw new ForbiddenError(
      "This person also works in a team you do not administer; only an admin of every team they belong to can change their account.",
    );
  }
}

/**
 * Adds a person to the admin's team. A new email gets an account with this password and the
 * membership at once; an email that already has an account gets an invitation, which takes effect
 * only when its owner accepts it after signing in. The caller is told nothing that differs between
 * the two (same checks, same hashing time, same result), so the form cannot be used to learn
 * whether an email has an account elsewhere.
 */
export async function createTeamUser(user: SessionUser, fields: NewUserFields, now = new Date()): Promise<void> {
  assertTeamAdmin(user);
  const input = parseNewAccount(fields);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const created = await insertAccount(tx, { ...input, passwordHash }, user.team.id);
    if (created) {
      await writeAudit(tx, user, "create", "user", created);
      return;
    }
    await inviteExistingAccount(tx, user, input.email, input.role, now);
  });
}

/** Changes a member's role in the admin's active team; the team always keeps one active admin. */
export async function setMemberRole(user: SessionUser, memberId: unknown, role: string): Promise<void> {
  assertTeamAdmin(user);
  const newRole = parseOrRefuse(roleSchema, role);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockTeam(tx, user.team.id);
    const member = await findMember(tx, user, memberId);
    if (member.role === newRole) return;
    if (member.role === "admin" && (await otherActiveAdmins(tx, user.team.id, member.id)) === 0) {
      throw new ValidationError({ role: "This is the team's last active admin; make someone else admin first." });
    }
    await tx
      .update(teamMemberships)
      .set({ role: newRole, updatedAt: sql`now()`, version: sql`${teamMemberships.version} + 1` })
      .where(and(eq(teamMemberships.teamId, user.team.id), eq(teamMemberships.userId, member.id)));
    await writeAudit(tx, user, "update", "user", member.id);
  });
}

/** Deactivates or reactivates a member's account; a deactivated user's sessions stop at their next request. */
export async function setUserActive(user: SessionUser, memberId: unknown, active: boolean): Promise<void> {
  assertTeamAdmin(user);
  if (!active && memberId === user.id) throw new ValidationError({ active: "You cannot deactivate your own account." });
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockTeam(tx, user.team.id);
    const member = await findMember(tx, user, memberId);
    await assertAdministersEveryTeamOf(tx, user, member.id);
    if (member.active === active) return;
    if (!active && member.role === "admin" && (await otherActiveAdmins(tx, user.team.id, member.id)) === 0) {
      throw new ValidationError({ active: "This is the team's last active admin; make someone else admin first." });
    }
    await tx
      .update(users)
      .set({ active, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(eq(users.id, member.id));
    if (!active) await revokeAllSessions(tx, member.id);
    await writeAudit(tx, user, "update", "user", member.id);
  });
}

/** Sets a new password for a member, checked against the password policy; ends all their sessions. */
export async function resetUserPassword(user: SessionUser, memberId: unknown, newPassword: string): Promise<void> {
  assertTeamAdmin(user);
  const db = await getDb();
  const member = await findMember(db, user, memberId);
  const problem = typeof newPassword === "string" ? passwordProblem(newPassword, member.email) : "Enter a new password.";
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await findMember(tx, user, member.id); // still a member after the hashing pause
    await assertAdministersEveryTeamOf(tx, user, member.id);
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(eq(users.id, member.id));
    // Whoever holds a session of theirs (perhaps the reason for the reset) is signed out.
    await revokeAllSessions(tx, member.id);
    await writeAudit(tx, user, "update", "user", member.id);
  });
}
