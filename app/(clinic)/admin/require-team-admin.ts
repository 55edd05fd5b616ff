import "server-only";
import { notFound } from "next/navigation";
import { canManageTeam } from "@/lib/data/admin-users";
import { requirePageUser } from "@/lib/data/session";
import type { SessionUser } from "@/lib/data/session-user";

/** For admin pages: other roles get "not found", so the admin area is not advertised to them. */
export async function requireTeamAdminPage(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!canManageTeam(user)) notFound();
  return user;
}
