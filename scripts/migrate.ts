import { applyMigrations } from "@/db/migrate";
import { withOwnerDatabase } from "@/db/runtime-role";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  await withOwnerDatabase(open, (owner) => applyMigrations(owner));
  console.log(`Migrations applied to ${open.label}.`);
});
