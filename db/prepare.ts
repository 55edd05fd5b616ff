import { count } from "drizzle-orm";
import type { OpenDatabase } from "./client";
import { applyMigrations } from "./migrate";
import { withOwnerDatabase } from "./runtime-role";
import { users } from "./schema";
import { seedDatabase } from "./seed";
import { loadStudies } from "./seed/studies";

/**
 * What every start does before serving: migrations, then the published studies. The demo team and
 * patients are added only to a database with no users yet, so a clinic's own database never gets them.
 * `open` is the app's own (runtime) connection; migrations and seeding run as the owning role
 * (DATABASE_MIGRATION_URL when set), which then grants the runtime role its privileges.
 */
export async function prepareDatabase(open: OpenDatabase, options: { demo: boolean }): Promise<string> {
  return withOwnerDatabase(open, async (owner) => {
    await applyMigrations(owner);
    const [{ value: userCount }] = await owner.db.select({ value: count() }).from(users);
    if (options.demo && userCount === 0) {
      const summary = await seedDatabase(owner.db);
      return `seeded demo data (${summary.patientsCreated} patients, ${summary.studies} studies)`;
    }
    const studyCount = await loadStudies(owner.db);
    return `loaded ${studyCount} studies`;
  });
}
