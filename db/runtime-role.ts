import { sql } from "drizzle-orm";
import { type Database, type OpenDatabase, openDatabase } from "./client";

/*
 * Two database roles (issue 13). Migrations and seeding run as the role that owns the tables
 * (DATABASE_MIGRATION_URL); the app serves as DATABASE_URL's role, which owns nothing, is no superuser,
 * and gets privileges only through the grants below.
 *
 * Why grants re-applied after every migration run rather than ALTER DEFAULT PRIVILEGES: default
 * privileges would give each new table the same rights, but append-only tables need fewer, and a
 * default cannot tell them apart. Granting on ALL TABLES IN SCHEMA after migrations, then revoking
 * what the append-only tables must not allow, covers every table any migration adds (other features'
 * included) and is idempotent. The cost: a table created by hand outside migrations gets no rights
 * until the next start.
 */

/** Tables the app may only insert into and read. Tables with a `*_refuse_change` trigger are added automatically. */
export const APPEND_ONLY_TABLES = ["audit_log", "record_versions", "audit_chain", "audit_chain_checks"] as const;

/**
 * The only tables the app deletes rows from (lib/auth/sign-in-throttle.ts clears an account's failures).
 * tests/unit/security/runtime-deletes.test.ts finds every delete in lib/ and db/ and checks it is listed.
 */
export const RUNTIME_DELETABLE_TABLES = ["sign_in_throttle"] as const;

type Executor = Pick<Database, "execute">;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? [])) as T[];
}

const nameList = (names: readonly string[]) =>
  sql.join(
    names.map((name) => sql`${name}`),
    sql`, `,
  );
const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export type RoleFacts = { name: string; superuser: boolean; ownsTables: boolean };

/** Who this connection is: its role, whether it is a superuser, whether it owns (or may act as the owner of) a table of the schema. */
export async function connectionRole(db: Executor): Promise<RoleFacts> {
  const [row] = rowsOf<{ name: string; superuser: boolean; owns_tables: boolean }>(
    await db.execute(sql`
      select current_user::text as name, r.rolsuper as superuser,
             exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                       and pg_has_role(current_user, c.relowner, 'MEMBER')) as owns_tables
      from pg_roles r where r.rolname = current_user`),
  );
  return { name: row.name, superuser: row.superuser, ownsTables: row.owns_tables };
}

/** The append-only tables that exist: the list above and any table guarded by a `*_refuse_change` trigger. */
async function appendOnlyTables(owner: Executor): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await owner.execute(sql`
      select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and (c.relname in (${nameList(APPEND_ONLY_TABLES)})
             or exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                        where t.tgrelid = c.oid and not t.tgisinternal and p.proname like '%\\_refuse\\_change'))
      order by 1`),
  );
  return rows.map((r) => r.name);
}

async function existingTables(owner: Executor, names: readonly string[]): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await owner.execute(sql`
      select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname in (${nameList(names)}) order by 1`),
  );
  return rows.map((r) => r.name);
}

/**
 * Gives the runtime role exactly what the app needs, on every table of the schema: SELECT, INSERT,
 * UPDATE everywhere, DELETE only where the app deletes, and on append-only tables SELECT and INSERT
 * only; sequences USAGE and SELECT. Never TRUNCATE, REFERENCES or TRIGGER. Runs as the owner, in one transaction.
 */
export async function grantRuntimeRole(owner: Database, role: string): Promise<void> {
  await owner.transaction(async (tx) => {
    const r = ident(role);
    await tx.execute(sql`grant usage on schema public to ${r}`);
    await tx.execute(sql`revoke all on all tables in schema public from ${r}`);
    await tx.execute(sql`grant select, insert, update on all tables in schema public to ${r}`);
    await tx.execute(sql`revoke all on all sequences in schema public from ${r}`);
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${r}`);
    for (const table of await existingTables(tx, RUNTIME_DELETABLE_TABLES)) {
      await tx.execute(sql`grant delete on ${ident(table)} to ${r}`);
    }
    for (const table of await appendOnlyTables(tx)) {
      await tx.execute(sql`revoke update, delete, truncate on ${ident(table)} from ${r}`);
    }
  });
}

/**
 * Runs `task` (migrations, seeding) as the owning role: on the connection to DATABASE_MIGRATION_URL
 * when it is set, then grants the runtime role (the one `runtime` connects as) its privileges. Without
 * DATABASE_MIGRATION_URL, or on PGlite, the task runs on `runtime` itself.
 */
export async function withOwnerDatabase<T>(runtime: OpenDatabase, task: (owner: OpenDatabase) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_MIGRATION_URL;
  if (runtime.kind === "pglite" || !url) return task(runtime);
  const owner = await openDatabase({ url });
  try {
    const result = await task(owner);
    const [runtimeRole, ownerRole] = await Promise.all([connectionRole(runtime.db), connectionRole(owner.db)]);
    if (runtimeRole.name !== ownerRole.name) await grantRuntimeRole(owner.db, runtimeRole.name);
    return result;
  } finally {
    await owner.close();
  }
}

/**
 * The one start-up warning when the app's own role could rewrite the audit trail (it owns the tables
 * or is a superuser); null when it could not, and always on PGlite (one user, nothing to separate).
 */
export async function runtimeRoleWarning(runtime: OpenDatabase): Promise<string | null> {
  if (runtime.kind === "pglite") return null;
  const role = await connectionRole(runtime.db);
  if (!role.superuser && !role.ownsTables) return null;
  const why = role.superuser ? "is a superuser" : "owns the tables";
  return (
    `yardstick: warning: the app connects as database role "${role.name}", which ${why} and so could rewrite the audit trail; ` +
    "set DATABASE_MIGRATION_URL to the owning role and DATABASE_URL to a runtime role (README, Database roles)."
  );
}
