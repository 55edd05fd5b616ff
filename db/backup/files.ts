import { chmodSync, closeSync, mkdirSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { BackupError } from "./errors";

/** The folder for new archives, made readable by this user only: backups hold patient records. */
export function prepareOutputFolder(dir: string): string {
  const resolved = path.resolve(dir);
  mkdirSync(resolved, { recursive: true, mode: 0o700 });
  return resolved;
}

/**
 * Writes an archive under a temporary name and renames it once complete, so a half-written file never
 * looks like a backup. `write` fills the temporary path.
 */
export async function writeAtomically(finalPath: string, write: (partialPath: string) => Promise<void>): Promise<void> {
  const partial = `${finalPath}.partial`;
  try {
    await write(partial);
    chmodSync(partial, 0o600);
    renameSync(partial, finalPath);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The first bytes of a file, to tell which kind of archive it is. */
export function readHead(file: string, length = 8): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new BackupError(`Cannot read ${file}: no such file, or no permission.`);
  }
  try {
    const buffer = new Uint8Array(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.slice(0, read);
  } finally {
    closeSync(fd);
  }
}
