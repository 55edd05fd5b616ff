import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patients, teamMemberships, teams, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { signInWithPassword } from "@/lib/data/sign-in";

let counter = 0;

/** A team with one member of the given role, returned as the data layer's session user. */
export async function createTeamWithUser(db: Database, role: Role = "clinician", password = "correct horse battery staple") {
  counter++;
  const suffix = `${Date.now().toString(36)}${counter}`;
  const [team] = await db
    .insert(teams)
    .values({ slug: `team-${suffix}`, name: `Team ${suffix}` })
    .returning();
  const [user] = await db
    .insert(users)
    .values({ email: `user-${suffix}@example.test`, displayName: `User ${suffix}`, passwordHash: await hashPassword(password) })
    .returning();
  await db.insert(teamMemberships).values({ userId: user.id, teamId: team.id, role });
  const sessionUser = (await loadSessionUser(db, user.id)) as SessionUser;
  return { team, user, sessionUser, password };
}

export async function addMember(db: Database, teamId: string, role: Role) {
  const { user } = await createTeamWithUser(db, role);
  await db.insert(teamMemberships).values({ userId: user.id, teamId, role });
  return (await loadSessionUser(db, user.id, teamId)) as SessionUser;
}

export async function createPatient(db: Database, teamId: string, code = `P-${++counter}`) {
  const [patient] = await db
    .insert(patients)
    .values({ teamId, code, birthYear: 1975, sex: "female", conditions: ["fibromyalgia"] })
    .returning();
  return patient;
}

export async function deactivate(db: Database, userId: string) {
  await db.update(users).set({ active: false }).where(eq(users.id, userId));
}

/** Signs in through the data layer as the sign-in form does; the account and session, or null if refused. */
export async function trySignIn(email: string, password: string) {
  const result = await signInWithPassword({ email, password, ip: null });
  return result.outcome === "signed_in" ? { id: result.userId, email: result.email, sessionId: result.sessionId } : null;
}

export async function userIdOf(db: Database, email: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user.id;
}
