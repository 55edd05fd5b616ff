// npm run import -- FILE [--team <team id or name>] [--kind patients|courses|assessments|adverse_events] [--as <email>]
// Imports a CSV file through the data layer (lib/data/imports.ts): the same checks, the one transaction
// and the audit row as the /import page. The last line is "imported N rows in S s (R rows/s)".
// With DATABASE_URL it writes to that PostgreSQL server; without, to the embedded PGlite folder, which
// must not be open in a running server at the same time (stop the server first).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, asc, eq, or } from "drizzle-orm";
import { activateDatabaseForThisProcess, type OpenDatabase } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { teamMemberships, teams, users } from "@/db/schema";
import { importCsv } from "@/lib/data/imports";
import { loadSessionUser } from "@/lib/data/session-user";
import { isUuid } from "@/lib/errors";
import { IMPORT_KINDS, IMPORT_KIND_CHOICES, isImportKind } from "@/lib/import/formats";
import { runWithDatabase } from "./run-with-database";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { team: { type: "string" }, kind: { type: "string" }, as: { type: "string" } },
});

class UsageError extends Error {}

async function findTeam(open: OpenDatabase, wanted: string | undefined) {
  const list = await open.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(wanted ? (isUuid(wanted) ? eq(teams.id, wanted) : or(eq(teams.name, wanted), eq(teams.slug, wanted))) : undefined)
    .orderBy(asc(teams.name));
  if (list.length === 1) return list[0];
  if (list.length === 0) throw new UsageError(wanted ? `no team "${wanted}"` : "the database has no team yet");
  throw new UsageError(`several teams: name one with --team (${list.map((t) => `"${t.name}"`).join(", ")})`);
}

/** The account the import is recorded under: --as, else the team's first admin, else its first clinician. */
async function findWriter(open: OpenDatabase, teamId: string, email: string | undefined) {
  const members = await open.db
    .select({ id: users.id, email: users.email, role: teamMemberships.role })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, teamId), eq(users.active, true)))
    .orderBy(asc(users.createdAt));
  const writers = members.filter((m) => m.role !== "viewer");
  const chosen = email
    ? writers.find((m) => m.email === email.trim().toLowerCase())
    : (writers.find((m) => m.role === "admin") ?? writers[0]);
  if (!chosen)
    throw new UsageError(email ? `${email} is not an active clinician or admin of the team` : "the team has no active clinician or admin");
  const user = await loadSessionUser(open.db, chosen.id, teamId);
  if (!user) throw new UsageError("the account cannot work in the team");
  return user;
}

async function main() {
  const file = positionals[0];
  if (!file) {
    console.error(`usage: npm run import -- FILE [--team <team id or name>] [--kind ${IMPORT_KINDS.join("|")}] [--as <email>]`);
    process.exitCode = 2;
    return;
  }
  if (values.kind !== undefined && !isImportKind(values.kind)) {
    console.error(`import: --kind must be ${IMPORT_KIND_CHOICES}`);
    process.exitCode = 2;
    return;
  }
  const text = readFileSync(file, "utf8");
  await runWithDatabase(async (open) => {
    if (open.kind === "pglite") {
      console.error(
        `import: writing to the ${open.label}. Stop the Yardstick server first: PGlite must not be opened by two processes at once.`,
      );
    }
    await applyMigrations(open);
    activateDatabaseForThisProcess(open);
    try {
      const team = await findTeam(open, values.team);
      const user = await findWriter(open, team.id, values.as);
      const started = performance.now();
      let lastPrinted = 0;
      const result = await importCsv(
        user,
        { name: path.basename(file), text, kind: values.kind as never },
        {
          onProgress: (p) => {
            if (p.phase === "writing" && (p.done - lastPrinted >= 10_000 || p.done === p.total)) {
              lastPrinted = p.done;
              console.error(`  written ${p.done} of ${p.total}`);
            }
          },
        },
      );
      const seconds = (performance.now() - started) / 1000;
      if (result.outcome === "rejected") {
        console.error(`import: the file was refused, nothing was imported (${result.problemCount} problem(s)):`);
        for (const p of result.problems) console.error(`  row ${p.row ?? "-"}, column ${p.column || "-"}, value "${p.value}": ${p.reason}`);
        process.exitCode = 2;
        return;
      }
      console.log(
        `${result.kind} for team "${team.name}" as ${user.email}: ${result.added} added, ${result.alreadyPresent} already present`,
      );
      console.log(`imported ${result.rows} rows in ${seconds.toFixed(2)} s (${Math.round(result.rows / seconds)} rows/s)`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`import: ${error.message}`);
      process.exitCode = 2;
    }
  });
}

void main();
