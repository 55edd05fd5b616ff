// npm run user:create -- --email lead@clinic.example --name "Dr A Lead" --team "Pain Clinic" --role admin
// Asks for the password (hidden), or reads it from standard input when piped. The account is made by
// the data layer (lib/data/accounts.ts): the admin form's validation, audited, all or nothing.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { activateDatabaseForThisProcess } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { createAccountFromCommandLine } from "@/lib/data/accounts";
import { ValidationError } from "@/lib/errors";
import { runWithDatabase } from "./run-with-database";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, team: { type: "string" }, role: { type: "string", default: "admin" } },
});

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
  const email = values.email ?? "";
  const password = await readPassword();
  await runWithDatabase(async (open) => {
    await applyMigrations(open);
    activateDatabaseForThisProcess(open);
    try {
      await createAccountFromCommandLine({
        email,
        displayName: values.name?.trim() || email,
        role: values.role ?? "",
        password,
        teamName: values.team ?? "",
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const flag: Record<string, string> = {
        email: "--email",
        displayName: "--name",
        role: "--role",
        password: "password",
        teamName: "--team",
      };
      for (const [field, message] of Object.entries(error.fieldErrors)) console.error(`user:create: ${flag[field] ?? field}: ${message}`);
      process.exitCode = 2;
      return;
    }
    console.log(`Created ${values.role} ${email.trim().toLowerCase()} in team "${values.team?.trim()}" (${open.label}).`);
  });
}

void main();
