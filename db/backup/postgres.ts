import { describeDatabaseUrl } from "../connection-error";
import { BackupError } from "./errors";
import { writeAtomically } from "./files";
import { runPgTool } from "./pg-tools";

// A PostgreSQL database is backed up with pg_dump's custom format (compressed; pg_restore can restore
// it table by table) and restored with pg_restore in one transaction, into an empty database only.

/** Writes `pg_dump --format=custom` of the database at `url` to `file`. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await writeAtomically(file, (partial) => runPgTool("pg_dump", url, ["--format=custom", "--no-password", `--file=${partial}`]));
}

type Contents = { relations: number; schemas: string[] };

/**
 * What the database already holds: tables, views and sequences outside the system schemas, and schemas
 * besides `public`; objects that belong to an extension (a managed server's own) are not counted.
 */
async function contentsOf(url: string): Promise<Contents> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ relations }] = await client<{ relations: number }[]>`
      select count(*)::int as relations from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp)'
        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;
    const schemas = await client<{ nspname: string }[]>`
      select nspname from pg_namespace n
      where nspname not in ('public', 'pg_catalog', 'information_schema') and nspname !~ '^pg_'
        and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e')
      order by nspname`;
    return { relations, schemas: schemas.map((s) => s.nspname) };
  } catch (error) {
    throw new BackupError(`Cannot reach the PostgreSQL server at ${describeDatabaseUrl(url)}: ${(error as Error).message}`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Restores a pg_dump archive into the database at `url`, which must be empty; all or nothing. */
export async function restorePostgres(file: string, url: string): Promise<{ tables: number }> {
  const before = await contentsOf(url);
  if (before.relations > 0 || before.schemas.length > 0) {
    const schemas = before.schemas.length ? `, schemas ${before.schemas.join(", ")}` : "";
    throw new BackupError(
      `The database ${describeDatabaseUrl(url)} is not empty (${before.relations} tables, views or sequences${schemas}). ` +
        "Restore only into a new, empty database (createdb NAME), then point DATABASE_URL at it.",
    );
  }
  // --no-owner/--no-privileges: the restoring role owns what it creates; the old server's roles may not exist here.
  await runPgTool("pg_restore", url, ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--no-password", file]);
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await client<{ n: number }[]>`
      select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    return { tables: n };
  } finally {
    await client.end({ timeout: 5 });
  }
}
