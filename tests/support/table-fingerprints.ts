import { sql } from "drizzle-orm";
import type { OpenDatabase } from "@/db/client";

export type TableFingerprint = { rows: number; md5: string };

async function rows<T>(open: OpenDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await open.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Every table of the application's schemas (public, and drizzle's migration journal) with its row count
 * and an md5 of all its rows' text, sorted: two databases with the same fingerprints hold the same rows.
 * Plain SQL read from the catalogue, independent of the code under test.
 */
export async function tableFingerprints(open: OpenDatabase): Promise<Record<string, TableFingerprint>> {
  const tables = await rows<{ schema: string; name: string }>(
    open,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const result: Record<string, TableFingerprint> = {};
  for (const { schema, name } of tables) {
    const table = sql.raw(`"${schema}"."${name}"`);
    const [row] = await rows<{ n: number; md5: string | null }>(
      open,
      sql`select count(*)::int as n, md5(string_agg(t::text, E'\n' order by t::text)) as md5 from ${table} t`,
    );
    result[`${schema}.${name}`] = { rows: Number(row.n), md5: row.md5 ?? "" };
  }
  return result;
}
