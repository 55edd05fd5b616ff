// `npm run db:restore FILE`: restores an archive of `npm run db:backup` into the configured database,
// which must be empty (a new PGlite folder, or a new PostgreSQL database); a non-empty one is refused.
import { parseArgs } from "node:util";
import { archiveKindOf } from "@/db/backup/archive";
import { BackupError } from "@/db/backup/errors";
import { readHead } from "@/db/backup/files";
import { restorePglite } from "@/db/backup/pglite";
import { restorePostgres } from "@/db/backup/postgres";
import { configuredTarget } from "@/db/backup/target";
import { reportFailure } from "./backup-cli";

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new BackupError("Usage: npm run db:restore -- FILE (an archive written by npm run db:backup).");
  const [file] = positionals;
  const kind = archiveKindOf(readHead(file));
  const target = configuredTarget();
  if (kind === null)
    throw new BackupError(`${file} is not a Yardstick backup (neither a PGlite archive nor a pg_dump custom-format file).`);
  if (kind !== target.kind) {
    throw new BackupError(
      kind === "pglite"
        ? `${file} is a backup of the embedded database: unset DATABASE_URL and set YARDSTICK_DATA_DIR to a new, empty folder.`
        : `${file} is a PostgreSQL backup: set DATABASE_URL to a new, empty PostgreSQL database.`,
    );
  }
  const { tables } = target.kind === "pglite" ? await restorePglite(file, target.dir) : await restorePostgres(file, target.url);
  console.log(`Restored ${file} into the ${target.label} (${tables} tables). Start the app as usual: it applies any newer migrations.`);
}

main().catch(reportFailure);
