import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teamMemberships, teams, users, type Role } from "@/db/schema";
import { roleAllows, type Permission } from "@/lib/auth/roles";
import { ForbiddenError } from "./errors";

export type TeamMembership = { id: string; name: string; role: Role };
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  teams: TeamMembership[];
  /** The team whose records the user is working in now. */
  team: TeamMembership;
};

/**
 * The signed-in user as the data layer sees them, read fresh from the database on every request, so
 * a deactivated account or a removed membership takes effect at once. Null if the user cannot work.
 */
export async function loadSessionUser(db: Database, userId: string, preferredTeamId?: string): Promise<SessionUser | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user || !user.active) return null;
  const memberships = await db
    .select({ id: teams.id, name: teams.name, role: teamMemberships.role })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(and(eq(teamMemberships.userId, userId)))
    .orderBy(asc(teams.name));
  if (memberships.length === 0) return null;
  const team = memberships.find((m) => m.id === preferredTeamId) ?? memberships[0];
  return { id: user.id, email: user.email, displayName: user.displayName, teams: memberships, team };
}

export function teamIdsOf(user: SessionUser): string[] {
  return user.teams.map((t) => t.id);
}

export function roleInTeam(user: SessionUser, teamId: string): Role | null {
  return user.teams.find((t) => t.id === teamId)?.role ?? null;
}

export function assertCan(user: SessionUser, teamId: string, permission: Permission): void {
  const role = roleInTeam(user, teamId);
  if (!role || !roleAllows(role, permission)) throw new ForbiddenError();
}
