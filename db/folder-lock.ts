import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

// PGlite takes no lock on its folder, and two processes writing one folder corrupt it. So every
// process that opens the folder (the server, `npm run db:backup`, migrate, seed…) first creates
// `<folder>.lock` beside it, holding its process id, and removes it when it closes the database.
// A lock whose process is gone (a crash, a kill) is stale and taken over.

export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (a running Yardstick server or command). ` +
        "Stop that process first: the embedded database cannot be shared between processes.",
    );
    this.name = "DatabaseInUseError";
  }
}

export function lockFileFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, but another user's
  }
}

function lockHolder(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The live process holding the folder, other than this one, or null. */
export function folderHolder(dir: string): number | null {
  const pid = lockHolder(lockFileFor(dir));
  return pid !== null && pid !== process.pid && processIsAlive(pid) ? pid : null;
}

/**
 * Claims the folder for this process, or throws DatabaseInUseError naming the live holder. Returns the
 * release function. The lock file is created with O_EXCL, so two processes starting at once cannot
 * both claim it.
 */
export function lockFolder(dir: string): () => void {
  const lockFile = lockFileFor(dir);
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (lockHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = folderHolder(dir);
      if (holder !== null) throw new DatabaseInUseError(path.resolve(dir), holder);
      rmSync(lockFile, { force: true }); // stale (its process is gone) or this process's own
    }
  }
  throw new Error(`Could not lock ${lockFile}: it keeps reappearing.`);
}
