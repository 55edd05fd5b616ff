import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sessions, teamMemberships } from "@/db/schema";
import { isSessionLive, needsTouch } from "@/lib/auth/session-limits";
import { loadSessionUser, type SessionUser } from "./session-user";

type Writer = Pick<Database, "select" | "insert" | "update">;

/**
 * Starts a server-side session for a user who has just proved their password, working in the team
 * they joined first (so accepting an invitation does not move where they start); returns its id.
 */
export async function openSession(db: Writer, userId: string, now = new Date()): Promise<{ id: string; activeTeamId: string | null }> {
  const [home] = await db
    .select({ teamId: teamMemberships.teamId })
    .from(teamMemberships)
    .where(eq(teamMemberships.userId, userId))
    .orderBy(asc(teamMemberships.createdAt), asc(teamMemberships.teamId))
    .limit(1);
  const activeTeamId = home?.teamId ?? null;
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ id, userId, activeTeamId, createdAt: now, lastSeenAt: now });
  return { id, activeTeamId };
}

/**
 * The user behind a session id, or null when the session was revoked, was idle too long, is too
 * old, or its user may no longer work. Marks the session as seen (at most once a minute).
 */
export async function loadSession(db: Database, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  if (!row || !isSessionLive(row, now)) return null;
  const user = await loadSessionUser(db, row.userId, row.activeTeamId);
  if (!user) return null;
  if (needsTouch(row, now)) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, row.id), isNull(sessions.revokedAt)));
  }
  return { ...user, sessionId: row.id };
}

/**
 * Ends one session (sign-out); a copy of its cookie is refused from the next request on. Returns the
 * team it was working in, or null if it was already over.
 */
export async function revokeSession(
  db: Pick<Database, "update">,
  sessionId: string,
  now = new Date(),
): Promise<{ activeTeamId: string | null } | null> {
  const [revoked] = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ activeTeamId: sessions.activeTeamId });
  return revoked ?? null;
}

/** Ends every session of a user (password reset, deactivation); call it in the transaction that makes the change. */
export async function revokeAllSessions(db: Pick<Database, "update">, userId: string, now = new Date()): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
