/** Ends a backup or restore command with one clear line and a non-zero exit; unexpected errors keep their stack. */
export function reportFailure(error: unknown): void {
  if (error instanceof Error && ["BackupError", "DatabaseInUseError", "DatabaseUnavailableError"].includes(error.name)) {
    console.error(`yardstick: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
