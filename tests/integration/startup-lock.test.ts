import { readFileSync } from "node:fs";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { patients, users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-accounts";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const INSTANCES = 4;
const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: { tag: string }[] };

async function rows<T>(open: OpenDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await open.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// Several app instances starting at once against one new PostgreSQL database: each runs the start-up
// preparation (migrations, studies, demo data) on its own connection pool, as separate processes would.
describe.runIf(testDatabaseKind() === "postgres")("Instances starting together on one fresh PostgreSQL database", () => {
  let database: TestDatabase;
  const instances: OpenDatabase[] = [];
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false, activate: false });
    for (let i = 0; i < INSTANCES; i++) instances.push(await openDatabase({ url: database.url! }));
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await database.dispose();
  });

  it("migrate once and seed once, without errors", async () => {
    const outcomes = await Promise.allSettled(instances.map((open) => prepareDatabase(open, { demo: true })));
    const failures = outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
    expect(failures).toEqual([]);
    const messages = outcomes.map((o) => (o.status === "fulfilled" ? o.value : ""));
    expect(messages.filter((m) => m.startsWith("seeded demo data"))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith("loaded "))).toHaveLength(INSTANCES - 1);

    const applied = await rows<{ hash: string }>(database, sql`select hash from drizzle.__drizzle_migrations`);
    expect(applied).toHaveLength(journal.entries.length);
    expect(new Set(applied.map((r) => r.hash)).size).toBe(journal.entries.length);

    const [{ value: userCount }] = await database.db.select({ value: count() }).from(users);
    expect(userCount).toBe(DEMO_USERS.length);
    const seeded = Number(/\((\d+) patients/.exec(messages.find((m) => m.startsWith("seeded"))!)![1]);
    const [{ value: patientCount }] = await database.db.select({ value: count() }).from(patients);
    expect(patientCount).toBe(seeded);
  }, 180_000);
});
