import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getTableName, isTable } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { RUNTIME_DELETABLE_TABLES } from "@/db/runtime-role";
import * as schema from "@/db/schema";

/** Every .ts/.tsx file the app or its start-up runs (migrations are the owner's, tests are not the app). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "migrations" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const tableOfExport = (name: string): string | undefined => {
  const value = (schema as Record<string, unknown>)[name];
  return isTable(value) ? getTableName(value) : undefined;
};

/** Tables deleted from: `.delete(someTable)` with a schema export, or SQL `delete from ${someTable}` / `delete from some_table`. */
function deletedTables(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\.delete\(\s*(?:schema\.)?(\w+)\s*\)/g)) found.push(tableOfExport(m[1]) ?? `unknown export ${m[1]}`);
  for (const m of source.matchAll(/delete\s+from\s+\$\{\s*(?:schema\.)?(\w+)\s*\}/gi))
    found.push(tableOfExport(m[1]) ?? `unknown export ${m[1]}`);
  for (const m of source.matchAll(/delete\s+from\s+"?([a-z_][a-z0-9_]*)"?/gi)) found.push(m[1]);
  return found;
}

describe("the runtime role may delete only where the app deletes", () => {
  const files = ["app", "lib", "db", "components"].flatMap((dir) => sourceFiles(dir));

  it("finds the app's deletes (the scanner works)", () => {
    expect(
      deletedTables(
        ["await db.delete(signInThrottle).where(x);", "sql`delete from $", "{schema.sessions} where`;", '"DELETE FROM audit_log"'].join(""),
      ),
    ).toEqual(["sign_in_throttle", "sessions", "audit_log"]);
  });

  it("every table a delete in app/, lib/, db/ or components/ targets is in RUNTIME_DELETABLE_TABLES (db/runtime-role.ts)", () => {
    const unlisted = files.flatMap((file) =>
      deletedTables(readFileSync(file, "utf8"))
        .filter((table) => !(RUNTIME_DELETABLE_TABLES as readonly string[]).includes(table))
        .map((table) => `${file}: ${table}`),
    );
    expect(unlisted).toEqual([]);
  });
});
