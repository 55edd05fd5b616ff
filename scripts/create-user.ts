// npm run user:create -- --email lead@clinic.example --name "Dr A Lead" --team "Pain Clinic" --role admin
// Asks for the password (hidden), or reads it from standard input when piped.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { applyMigrations } from "@/db/migrate";
import { ROLES, teamMemberships, teams, users, type Role } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { runWithDatabase } from "./run-with-database";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, team: { type: "string" }, role: { type: "string", default: "admin" } },
});

function fail(message: string): never {
  console.error(`user:create: ${message}`);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0] ?? "";
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) {
      output.output.write(s);
      asked = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question("Password (at least 12 characters): ", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const email = values.email ? normaliseEmail(values.email) : fail("--email is required");
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) fail("--email is not an email address");
  const teamName = values.team?.trim() || fail('--team is required (e.g. --team "Pain Clinic")');
  const role = (ROLES as readonly string[]).includes(values.role ?? "") ? (values.role as Role) : fail(`--role must be one of ${ROLES.join(", ")}`);
  const displayName = values.name?.trim() || email;
  const password = await readPassword();
  const problem = passwordProblem(password, email);
  if (problem) fail(`password refused: ${problem}`);

  await runWithDatabase(async (open) => {
    await applyMigrations(open);
    const passwordHash = await hashPassword(password);
    await open.db.transaction(async (tx) => {
      const slug = teamName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      await tx.insert(teams).values({ slug, name: teamName }).onConflictDoNothing({ target: teams.slug });
      const [team] = await tx.select().from(teams).where(eq(teams.slug, slug));
      const [existing] = await tx.select().from(users).where(eq(users.email, email));
      if (existing) fail(`an account for ${email} already exists; add memberships from the admin pages`);
      const [user] = await tx.insert(users).values({ email, displayName, passwordHash }).returning();
      await tx.insert(teamMemberships).values({ userId: user.id, teamId: team.id, role });
    });
    console.log(`Created ${role} ${email} in team "${teamName}" (${open.label}).`);
  });
}

void main();
