import { applyMigrationsUnlocked, withPrepareLock } from "@/db/migrate";
import { withOwnerDatabase } from "@/db/runtime-role";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  // Under the start-up lock, so the grants that follow the migrations never race another instance's.
  await withPrepareLock(open, () => withOwnerDatabase(open, (owner) => applyMigrationsUnlocked(owner)));
  console.log(`Migrations applied to ${open.label}.`);
});
