import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { folderHolder, lockFolder } from "../folder-lock";
import { BackupError } from "./errors";
import { writeAtomically } from "./files";

// The embedded database is backed up with PGlite's own dumpDataDir (a gzip'd tar of its data folder)
// and restored with its loadDataDir option into a new folder. Opening the folder takes the lock of
// db/folder-lock.ts, so neither runs while a server (or any other process) has the database open.

function isDatabaseFolder(dir: string): boolean {
  return existsSync(path.join(dir, "PG_VERSION"));
}

/** Writes PGlite's dump of the database in `dir` to `file`. */
export async function backupPglite(dir: string, file: string): Promise<void> {
  if (!isDatabaseFolder(dir)) throw new BackupError(`There is no embedded database in ${dir} (set YARDSTICK_DATA_DIR to its folder).`);
  const release = lockFolder(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = new PGlite(dir);
    try {
      await client.waitReady;
      const dump = await client.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      await writeAtomically(file, async (partial) => writeFileSync(partial, bytes, { mode: 0o600 }));
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/** Refuses a folder that holds anything, or that a live process has claimed. */
function assertEmptyFolder(dir: string): void {
  const holder = folderHolder(dir);
  if (holder !== null) throw new BackupError(`The folder ${dir} is in use by process ${holder}: stop it first.`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new BackupError(
      `The folder ${dir} is not empty${isDatabaseFolder(dir) ? " (it holds a database)" : ""}. ` +
        "Restore only into a new, empty folder: set YARDSTICK_DATA_DIR to one, or move this one aside.",
    );
  }
}

/** Loads a PGlite archive into `dir`, which must be missing or empty; the folder is left empty on failure. */
export async function restorePglite(file: string, dir: string): Promise<{ tables: number }> {
  assertEmptyFolder(dir);
  const release = lockFolder(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    let client: InstanceType<typeof PGlite> | undefined;
    try {
      client = new PGlite(dir, { loadDataDir: new Blob([readFileSync(file)]) });
      await client.waitReady;
      const result = await client.query<{ n: number }>(
        "select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
      );
      return { tables: result.rows[0].n };
    } catch (error) {
      await client?.close().catch(() => {});
      client = undefined;
      for (const entry of existsSync(dir) ? readdirSync(dir) : []) rmSync(path.join(dir, entry), { recursive: true, force: true });
      throw new BackupError(`Could not restore ${file}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await client?.close();
    }
  } finally {
    release();
  }
}
