import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { teamInvitations, teamMemberships, teams, users, type Role } from "@/db/schema";
import { writeAudit } from "./audit";
import { isUuid, NotFoundError, ValidationError } from "@/lib/errors";
import type { SessionUser } from "./session-user";

export const INVITATION_DAYS = 14;

type Writer = Pick<Database, "select" | "insert">;
type PendingInvitation = { id: string; teamName: string; role: Role; invitedBy: string | null; expiresAt: string };

/**
 * Invites the account with this email to the admin's team (renewing a pending invitation). Only a
 * current member is refused: the admin can see their own members, so that tells them nothing new.
 */
export async function inviteExistingAccount(tx: Writer, admin: SessionUser, email: string, role: Role, now: Date): Promise<void> {
  const [member] = await tx
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(users.email, email), eq(teamMemberships.teamId, admin.team.id)))
    .limit(1);
  if (member) throw new ValidationError({ email: "This person is already a member of your team." });
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const [invitation] = await tx
    .insert(teamInvitations)
    .values({ teamId: admin.team.id, email, role, invitedBy: admin.id, createdAt: now, expiresAt })
    .onConflictDoUpdate({
      target: [teamInvitations.teamId, teamInvitations.email],
      targetWhere: sql`${teamInvitations.status} = 'pending'`,
      set: { role, invitedBy: admin.id, createdAt: now, expiresAt },
    })
    .returning({ id: teamInvitations.id });
  await writeAudit(tx, admin, "invite", "team_invitation", invitation.id);
}

/** Invitations addressed to the signed-in user's email that they can still accept. */
export async function listMyInvitations(user: SessionUser, now = new Date()): Promise<PendingInvitation[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: teamInvitations.id,
      teamName: teams.name,
      role: teamInvitations.role,
      invitedBy: users.displayName,
      expiresAt: teamInvitations.expiresAt,
    })
    .from(teamInvitations)
    .innerJoin(teams, eq(teams.id, teamInvitations.teamId))
    .leftJoin(users, eq(users.id, teamInvitations.invitedBy))
    .where(and(eq(teamInvitations.email, user.email), eq(teamInvitations.status, "pending"), gt(teamInvitations.expiresAt, now)))
    .orderBy(asc(teams.name));
  return rows.map((row) => ({ ...row, expiresAt: row.expiresAt.toISOString() }));
}

/**
 * Accepts or declines one of the user's own pending invitations; any other invitation (someone
 * else's, answered, expired) is "not found". Accepting adds the membership with the invited role.
 */
export async function answerInvitation(user: SessionUser, invitationId: unknown, accept: boolean, now = new Date()): Promise<void> {
  if (!isUuid(invitationId)) throw new NotFoundError("Invitation");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(teamInvitations)
      .where(
        and(
          eq(teamInvitations.id, invitationId),
          eq(teamInvitations.email, user.email),
          eq(teamInvitations.status, "pending"),
          gt(teamInvitations.expiresAt, now),
        ),
      )
      .for("update");
    if (!invitation) throw new NotFoundError("Invitation");
    await tx
      .update(teamInvitations)
      .set({ status: accept ? "accepted" : "declined", respondedAt: now })
      .where(eq(teamInvitations.id, invitation.id));
    if (accept) {
      await tx.insert(teamMemberships).values({ userId: user.id, teamId: invitation.teamId, role: invitation.role }).onConflictDoNothing();
    }
    await writeAudit(tx, user, accept ? "accept" : "decline", "team_invitation", invitation.id, invitation.teamId);
  });
}
