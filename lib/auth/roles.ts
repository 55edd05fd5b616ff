import type { Role } from "@/lib/domain/roles";

export type Permission = "read" | "write" | "manage_team";

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  clinician: ["read", "write"],
  admin: ["read", "write", "manage_team"],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}
