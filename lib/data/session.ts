import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { roleAllows } from "@/lib/auth/roles";
import { getDb } from "@/db/client";
import { auth, SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/config";
import { UnauthenticatedError } from "./errors";
import { loadSessionUser, type SessionUser } from "./session-user";
import { testSessionOverride } from "./test-session";

export const ACTIVE_TEAM_COOKIE = "yardstick-team";

/** The signed-in, active user with their teams, or null. Every page, action and route starts here. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const testSession = testSessionOverride();
  if (testSession) return testSession.userId ? loadSessionUser(await getDb(), testSession.userId, testSession.teamId) : null;
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const signedInAt = (session as { signedInAt?: number }).signedInAt ?? 0;
  if (Date.now() / 1000 - signedInAt > SESSION_ABSOLUTE_SECONDS) return null;
  const preferredTeam = (await cookies()).get(ACTIVE_TEAM_COOKIE)?.value;
  return loadSessionUser(await getDb(), userId, preferredTeam);
}

/** For pages: the user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For server actions and route handlers: the user, or an UnauthenticatedError. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/** For pages that only change records: viewers get "not found", as for any page they cannot use. */
export async function requirePageWriter(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!roleAllows(user.team.role, "write")) notFound();
  return user;
}
