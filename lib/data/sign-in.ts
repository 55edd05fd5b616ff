import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { teamMemberships, users } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/email";
import { spendVerificationTime, verifyPassword } from "@/lib/auth/password";
import { claimSignInAttempt, releaseAfterSuccess } from "@/lib/auth/sign-in-throttle";
import { writeAudit, type AuditAction } from "./audit";
import { openSession } from "./sessions";

type SignInResult =
  | { outcome: "signed_in"; userId: string; email: string; displayName: string; sessionId: string }
  | { outcome: "refused" }
  | { outcome: "locked" };

/** Checks a password against a stored hash; `null` (no such account) spends the same time and fails. */
export type PasswordCheck = (passwordHash: string | null, password: string) => Promise<boolean>;

const checkPassword: PasswordCheck = async (passwordHash, password) => {
  if (passwordHash === null) {
    await spendVerificationTime(password);
    return false;
  }
  return verifyPassword(passwordHash, password);
};

type Account = { id: string; email: string; displayName: string; passwordHash: string; active: boolean; teamIds: string[] };

async function findAccount(db: Database, email: string): Promise<Account | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) return null;
  const memberships = await db.select({ teamId: teamMemberships.teamId }).from(teamMemberships).where(eq(teamMemberships.userId, user.id));
  return { ...user, teamIds: memberships.map((m) => m.teamId) };
}

/** A refusal against a known account is written once per team of theirs, so each team's admin sees it. */
async function auditRefusal(db: Database, action: AuditAction, account: Account | null): Promise<void> {
  if (!account || account.teamIds.length === 0) {
    await writeAudit(db, null, action, "session", null);
    return;
  }
  await db.transaction(async (tx) => {
    for (const teamId of account.teamIds) await writeAudit(tx, { id: account.id }, action, "session", null, teamId);
  });
}

/**
 * Signs in with email and password. The attempt is counted against the account and the address
 * before the password is checked (see claimSignInAttempt), so parallel guesses cannot outrun the
 * limit. Every refusal looks the same to the caller, whether or not the email has an account.
 */
export async function signInWithPassword(
  input: { email: unknown; password: unknown; ip: string | null },
  options: { check?: PasswordCheck; now?: Date } = {},
): Promise<SignInResult> {
  const { email: rawEmail, password, ip } = input;
  if (typeof rawEmail !== "string" || typeof password !== "string" || !rawEmail || !password) return { outcome: "refused" };
  if (rawEmail.length > 320 || password.length > 1024) return { outcome: "refused" };
  const email = normaliseEmail(rawEmail);
  const db = await getDb();
  if (!(await claimSignInAttempt(db, email, ip))) {
    await auditRefusal(db, "sign_in_locked", await findAccount(db, email));
    return { outcome: "locked" };
  }
  const account = await findAccount(db, email);
  const matches = await (options.check ?? checkPassword)(account?.passwordHash ?? null, password);
  if (!account || !matches || !account.active || account.teamIds.length === 0) {
    await auditRefusal(db, "sign_in_refused", account);
    return { outcome: "refused" };
  }
  const session = await db.transaction(async (tx) => {
    await releaseAfterSuccess(tx, email, ip);
    const opened = await openSession(tx, account.id, options.now);
    await writeAudit(tx, { id: account.id }, "sign_in", "session", null, opened.activeTeamId ?? undefined);
    return opened;
  });
  return { outcome: "signed_in", userId: account.id, email: account.email, displayName: account.displayName, sessionId: session.id };
}
