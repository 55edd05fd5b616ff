import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { teams } from "@/db/schema";
import { countInRequest, newSqlTally, runWithSqlTiming, serverTimingValue, statementKeys } from "@/db/sql-timing";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// YARDSTICK_SQL_TIMING=1 sums each request's SQL time; unset, the client is left exactly as Drizzle made it.

const opened: (OpenDatabase | TestDatabase)[] = [];
afterAll(async () => {
  for (const open of opened) await ("dispose" in open ? open.dispose() : open.close());
});

function queryWithCacheOf(open: OpenDatabase): unknown {
  const session = (open.db as unknown as { session: { prepareQuery: (...args: unknown[]) => object } }).session;
  const sample = session.prepareQuery({ sql: "select 1", params: [] }, undefined, undefined, false);
  return (sample as { queryWithCache: unknown }).queryWithCache;
}

describe("SQL timing", () => {
  it("leaves the client untouched when YARDSTICK_SQL_TIMING is not 1", async () => {
    delete process.env.YARDSTICK_SQL_TIMING;
    const open = await openDatabase({ url: "", pgliteDir: "memory://" });
    opened.push(open);
    const { PgPreparedQuery } = await import("drizzle-orm/pg-core");
    expect(queryWithCacheOf(open)).toBe((PgPreparedQuery.prototype as unknown as { queryWithCache: unknown }).queryWithCache);
    const store = newSqlTally();
    await runWithSqlTiming(store, async () => {
      await open.db.execute(sql`select 1`);
    });
    expect(store).toEqual(newSqlTally());
  });

  it("counts every query of a request, inside transactions too, and only that request's", async () => {
    process.env.YARDSTICK_SQL_TIMING = "1";
    const database = await createTestDatabase({ activate: false });
    opened.push(database);
    const mine = newSqlTally();
    const other = newSqlTally();
    await Promise.all([
      runWithSqlTiming(mine, async () => {
        await database.db.select().from(teams);
        await database.db.transaction(async (tx) => {
          await tx.insert(teams).values({ slug: "timed", name: "Timed" });
          await tx.execute(sql`select pg_sleep(0.05)`);
        });
        await database.db.query.teams.findMany();
        countInRequest("an event");
      }),
      runWithSqlTiming(other, async () => {
        await database.db.execute(sql`select 1`);
      }),
    ]);
    await database.db.execute(sql`select 1`); // outside any request: counted nowhere
    countInRequest("an event");
    expect(mine.queries).toBe(4);
    expect(mine.statements).toEqual({ "select teams": 2, "insert teams": 1 });
    expect(mine.events).toEqual({ "an event": 1 });
    expect(other.events).toEqual({});
    expect(mine.ms).toBeGreaterThanOrEqual(50); // the pg_sleep alone
    expect(other.queries).toBe(1);
    expect(serverTimingValue(mine)).toMatch(/^sql;dur=\d+\.\d;desc="4 queries"$/);
    delete process.env.YARDSTICK_SQL_TIMING;
  });

  it("names each table a statement reads or writes, not the functions it calls", () => {
    expect(statementKeys('select "id", "user_id" from "sessions" where "sessions"."id" = $1 limit $2')).toEqual(["select sessions"]);
    expect(statementKeys('update "sessions" set "last_seen_at" = $1 where ("sessions"."id" = $2)')).toEqual(["update sessions"]);
    expect(
      statementKeys('select "teams"."id" from "team_memberships" inner join "teams" on "teams"."id" = "team_memberships"."team_id"'),
    ).toEqual(["select team_memberships", "select teams"]);
    expect(statementKeys("insert into audit_chain_checks as k (duration_ms) values ($1) returning k.id")).toEqual([
      "insert audit_chain_checks",
    ]);
    expect(statementKeys("select extract(epoch from now()) as t, count(*) from audit_log a")).toEqual(["select audit_log"]);
    expect(statementKeys("select p.id from patients p left join lateral (select 1 from assessments a) x on true")).toEqual([
      "select patients",
      "select assessments",
    ]);
  });
});
