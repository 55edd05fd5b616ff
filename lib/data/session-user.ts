import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { countInRequest } from "@/db/sql-timing";
import { teamMemberships, teams, users, type Role } from "@/db/schema";
import { can, type Action } from "@/lib/auth/can";
import { ForbiddenError } from "@/lib/errors";

type TeamMembership = { id: string; name: string; role: Role };
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  teams: TeamMembership[];
  /** The team whose records the user is working in now: every read and write uses exactly this one. */
  team: TeamMembership;
  /** The server-side session the request came with (absent in scripts and tests that act directly). */
  sessionId?: string;
};

// Names in a request's tally (YARDSTICK_SQL_TIMING=1, db/sql-timing.ts): one run of getSessionUser
// (lib/data/session.ts, uncached) and one session-user load. tests/production/session-once.test.ts
// expects each once per signed-in request.
export const SESSION_RESOLVED = "session resolved";
export const SESSION_USER_LOADED = "session-user load";

/**
 * The user as the data layer sees them, read fresh from the database on every request, so a
 * deactivated account or a removed membership takes effect at once. Null if the user cannot work.
 * The active team is `activeTeamId` while the user is still a member there, else their first team.
 */
export async function loadSessionUser(db: Database, userId: string, activeTeamId?: string | null): Promise<SessionUser | null> {
  countInRequest(SESSION_USER_LOADED);
  const [user] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user?.active) return null;
  const memberships = await teamsOf(db, userId);
  if (memberships.length === 0) return null;
  const team = memberships.find((m) => m.id === activeTeamId) ?? memberships[0];
  return { id: user.id, email: user.email, displayName: user.displayName, teams: memberships, team };
}

/** The user's teams, by name. */
function teamsOf(db: Pick<Database, "select">, userId: string): Promise<TeamMembership[]> {
  return db
    .select({ id: teams.id, name: teams.name, role: teamMemberships.role })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(eq(teamMemberships.userId, userId))
    .orderBy(asc(teams.name), asc(teams.id));
}

/** Refuses with ForbiddenError unless `can` allows it (in the active team unless another is named). */
export function assertCan(user: SessionUser, action: Action, teamId?: string): void {
  if (!can(user, action, teamId)) throw new ForbiddenError();
}
