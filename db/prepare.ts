import { count } from "drizzle-orm";
import type { OpenDatabase } from "./client";
import { applyMigrationsUnlocked, withPrepareLock } from "./migrate";
import { withOwnerDatabase } from "./runtime-role";
import { users } from "./schema";
import { seedDatabase } from "./seed";
import { loadStudies } from "./seed/studies";

/**
 * What every start does before serving: migrations, then the published studies. The demo team and
 * patients are added only to a database with no users yet, so a clinic's own database never gets them.
 * All of it runs under the start-up advisory lock (db/migrate.ts), so instances starting together
 * migrate, grant and seed once. `open` is the app's own (runtime) connection; migrations and seeding run
 * as the owning role (DATABASE_MIGRATION_URL when set), which then grants the runtime role its privileges.
 */
export function prepareDatabase(open: OpenDatabase, options: { demo: boolean }): Promise<string> {
  return withPrepareLock(open, () => withOwnerDatabase(open, (owner) => prepareUnlocked(owner, options)));
}

async function prepareUnlocked(open: OpenDatabase, options: { demo: boolean }): Promise<string> {
  await applyMigrationsUnlocked(open);
  const [{ value: userCount }] = await open.db.select({ value: count() }).from(users);
  if (options.demo && userCount === 0) {
    const summary = await seedDatabase(open.db);
    return `seeded demo data (${summary.patientsCreated} patients, ${summary.studies} studies)`;
  }
  const studyCount = await loadStudies(open.db);
  return `loaded ${studyCount} studies`;
}
