import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { teamMemberships, teams, users, type Role } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { newUserSchema, parseOrRefuse, newTeamSchema, type NewUserFields } from "@/lib/validation/admin";
import { writeAudit } from "./audit";
import { ValidationError } from "@/lib/errors";

type Writer = Pick<Database, "select" | "insert">;
type NewAccount = { email: string; displayName: string; role: Role; password: string };

/** The form's (or the command line's) fields for a new account, checked once, the same way for both. */
export function parseNewAccount(fields: NewUserFields): NewAccount {
  const input = parseOrRefuse(newUserSchema, { ...fields, email: normaliseEmail(String(fields.email ?? "")) });
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw new ValidationError({ password: problem });
  return input;
}

/**
 * Creates the account with its first membership and returns its id, or null (and writes nothing)
 * when the email already has an account. One statement decides, so a parallel create cannot slip in.
 */
export async function insertAccount(
  tx: Writer,
  account: Omit<NewAccount, "password"> & { passwordHash: string },
  teamId: string,
): Promise<string | null> {
  const [row] = await tx
    .insert(users)
    .values({ email: account.email, displayName: account.displayName, passwordHash: account.passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!row) return null;
  await tx.insert(teamMemberships).values({ userId: row.id, teamId, role: account.role });
  return row.id;
}

function slugOf(teamName: string): string {
  return teamName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Every refused field at once, team and account alike. */
function parseAll(fields: NewUserFields & { teamName: string }): { teamName: string; input: NewAccount } {
  const refused: Record<string, string> = {};
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(refused, error.fieldErrors);
      return undefined;
    }
  };
  const team = attempt(() => parseOrRefuse(newTeamSchema, { teamName: fields.teamName }));
  const input = attempt(() => parseNewAccount(fields));
  if (!team || !input) throw new ValidationError(refused);
  return { teamName: team.teamName, input };
}

/**
 * For `npm run user:create` (the operator, no session): creates an account in the named team,
 * creating the team if needed. Same validation as the admin form, audited, all or nothing.
 */
export async function createAccountFromCommandLine(
  fields: NewUserFields & { teamName: string },
): Promise<{ userId: string; teamId: string }> {
  const { teamName, input } = parseAll(fields);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const slug = slugOf(teamName);
    const [createdTeam] = await tx
      .insert(teams)
      .values({ slug, name: teamName })
      .onConflictDoNothing({ target: teams.slug })
      .returning({ id: teams.id });
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug));
    if (createdTeam) await writeAudit(tx, null, "create", "team", team.id, team.id);
    const userId = await insertAccount(tx, { ...input, passwordHash }, team.id);
    if (!userId)
      throw new ValidationError({
        email: "An account with this email already exists; an admin of the team can invite it from the admin pages.",
      });
    await writeAudit(tx, null, "create", "user", userId, team.id);
    return { userId, teamId: team.id };
  });
}
