// Names and recognises backup archives. Pure: no file system, no database.

export type BackupKind = "pglite" | "postgres";

const EXTENSION: Record<BackupKind, string> = { pglite: "tar.gz", postgres: "dump" };

/** `yardstick-<kind>-<UTC date and time>.<ext>`: sorts by date, and says which restore it needs. */
export function backupFileName(kind: BackupKind, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
  return `yardstick-${kind}-${stamp}.${EXTENSION[kind]}`;
}

/**
 * Which kind of archive these first bytes start: PGlite's dumpDataDir writes a gzip'd tar (1f 8b),
 * pg_dump's custom format starts "PGDMP". Anything else is not a Yardstick backup.
 */
export function archiveKindOf(head: Uint8Array): BackupKind | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  if (head.length >= 5 && String.fromCharCode(...head.slice(0, 5)) === "PGDMP") return "postgres";
  return null;
}
