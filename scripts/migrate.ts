import { applyMigrations } from "@/db/migrate";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  await applyMigrations(open);
  console.log(`Migrations applied to ${open.label}.`);
});
