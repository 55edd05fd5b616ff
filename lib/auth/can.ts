import type { Role } from "@/db/schema";

/** Everything a role may or may not do; the one place role rights are written down. */
export type Action = "patient:read" | "patient:write" | "team:manage" | "audit:read";

const ALLOWED: Record<Role, readonly Action[]> = {
  viewer: ["patient:read"],
  clinician: ["patient:read", "patient:write"],
  admin: ["patient:read", "patient:write", "team:manage", "audit:read"],
};

type Member = { team: { id: string; role: Role }; teams: readonly { id: string; role: Role }[] };

/** Whether the user may do this in the team (by default their active team); false outside their teams. */
export function can(user: Member, action: Action, teamId: string = user.team.id): boolean {
  const role = user.teams.find((t) => t.id === teamId)?.role;
  return role !== undefined && ALLOWED[role].includes(action);
}
