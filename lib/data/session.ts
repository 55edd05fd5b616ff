import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { countInRequest } from "@/db/sql-timing";
import { can, type Action } from "@/lib/auth/can";
import { auth } from "@/lib/auth/config";
import { UnauthenticatedError } from "@/lib/errors";
import { loadSession } from "./sessions";
import { loadSessionUser, SESSION_RESOLVED, type SessionUser } from "./session-user";
import { testSessionOverride } from "./test-session";

/**
 * The signed-in, active user with their teams, or null. Every page, action and route starts here;
 * cached per request, so a layout and its page resolve the session once.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  countInRequest(SESSION_RESOLVED);
  const testSession = testSessionOverride();
  if (testSession) return testSession.userId ? loadSessionUser(await getDb(), testSession.userId, testSession.teamId) : null;
  const session = (await auth()) as { user?: { id?: string }; sessionId?: string } | null;
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const user = await loadSession(await getDb(), sessionId);
  return user?.id === userId ? user : null;
});

/**
 * For pages: the user, or a redirect to the sign-in page. With an action, a user whose role in the
 * active team does not allow it gets "not found", as for any page they cannot use.
 */
export async function requirePageUser(action?: Action): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (action && !can(user, action)) notFound();
  return user;
}

/** For server actions and route handlers: the user, or an UnauthenticatedError. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}
