import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { writeAudit } from "./audit";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { SessionUser } from "./session-user";

/**
 * Makes one of the user's teams the active team of this session: from the next request on, every
 * page, action and write uses it. A team the user is not a member of is "not found".
 */
export async function switchActiveTeam(user: SessionUser, teamId: unknown): Promise<void> {
  const team = user.teams.find((t) => t.id === teamId);
  if (!team) throw new NotFoundError("Team");
  if (!user.sessionId) throw new UnauthenticatedError();
  const sessionId = user.sessionId;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const switched = await tx
      .update(sessions)
      .set({ activeTeamId: team.id })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (switched.length === 0) throw new UnauthenticatedError();
    await writeAudit(tx, user, "switch_team", "team", team.id, team.id);
  });
}
