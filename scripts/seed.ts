import { applyMigrationsUnlocked, withPrepareLock } from "@/db/migrate";
import { withOwnerDatabase } from "@/db/runtime-role";
import { seedDatabase } from "@/db/seed";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo-accounts";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  const summary = await withPrepareLock(open, () =>
    withOwnerDatabase(open, async (owner) => {
      await applyMigrationsUnlocked(owner);
      return seedDatabase(owner.db);
    }),
  );
  console.log(
    `Seeded ${open.label}: ${summary.studies} studies, ${summary.usersCreated} new users, ${summary.patientsCreated} new patients.`,
  );
  console.log(`Demo sign-in: ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}`);
});
