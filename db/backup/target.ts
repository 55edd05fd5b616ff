import { pgliteDirectory } from "../client";
import { describeDatabaseUrl } from "../connection-error";

export type BackupTarget = { kind: "postgres"; url: string; label: string } | { kind: "pglite"; dir: string; label: string };

/**
 * The configured database, as backup and restore see it: the PostgreSQL server of
 * DATABASE_MIGRATION_URL (the owner's role, when the app serves as a narrower one) or DATABASE_URL,
 * else the embedded database's folder (YARDSTICK_DATA_DIR, default .data/pglite).
 */
export function configuredTarget(env: NodeJS.ProcessEnv = process.env): BackupTarget {
  const url = env.DATABASE_MIGRATION_URL || env.DATABASE_URL;
  if (url) return { kind: "postgres", url, label: `PostgreSQL at ${describeDatabaseUrl(url)}` };
  const dir = pgliteDirectory();
  return { kind: "pglite", dir, label: `embedded database in ${dir}` };
}
