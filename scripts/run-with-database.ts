import { openDatabase, type OpenDatabase } from "@/db/client";
import { DatabaseUnavailableError } from "@/db/connection-error";

/** Runs a command-line task against the configured database; a failure is one clear line, not a stack. */
export async function runWithDatabase(task: (open: OpenDatabase) => Promise<void>): Promise<void> {
  let open: OpenDatabase | undefined;
  try {
    open = await openDatabase();
    await task(open);
  } catch (error) {
    if (
      error instanceof DatabaseUnavailableError ||
      (error instanceof Error && ["StudyFileError", "DatabaseInUseError"].includes(error.name))
    ) {
      console.error(`yardstick: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  } finally {
    await open?.close();
  }
}
