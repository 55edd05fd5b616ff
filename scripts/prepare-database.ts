import { prepareDatabase } from "@/db/prepare";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  const what = await prepareDatabase(open, { demo: process.env.YARDSTICK_DEMO !== "0" });
  console.log(`Database ready (${open.label}): ${what}.`);
});
