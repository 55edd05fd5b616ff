import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { spendVerificationTime, verifyPassword } from "./password";

export type VerifiedUser = { id: string; email: string; name: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The user whose email and password match, if the account is active; null otherwise, for any reason. */
export async function verifyCredentials(db: Database, email: unknown, password: unknown): Promise<VerifiedUser | null> {
  if (typeof email !== "string" || typeof password !== "string" || !email || !password) return null;
  if (email.length > 320 || password.length > 1024) return null;
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  if (!user) {
    await spendVerificationTime(password);
    return null;
  }
  const matches = await verifyPassword(user.passwordHash, password);
  if (!matches || !user.active) return null;
  return { id: user.id, email: user.email, name: user.displayName };
}
