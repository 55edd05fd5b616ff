// SQL timing per request (contract: env YARDSTICK_SQL_TIMING=1 → a `Server-Timing: sql;dur=<ms>` header
// with the summed time of every SQL query the request ran). Off, nothing is patched or wrapped: zero overhead.
//
// How: scripts/serve.ts runs each request inside an AsyncLocalStorage store; the Drizzle client's
// query path (PgPreparedQuery.queryWithCache, which every select, insert, update, execute and
// relational query of both drivers goes through, inside transactions too) adds the driver call's
// duration to the store. The storage lives on globalThis under a Symbol.for key because the server
// script and the Next.js bundles load separate copies of this module. Queries running in parallel
// (Promise.all) are summed, not overlapped; BEGIN/COMMIT round trips of transactions are not counted.
//
// The same tally counts each request's statements by verb and table ("select sessions": 1) and named
// events the code reports with `countInRequest` (a session-user load); scripts/serve.ts logs them for a
// request that asks with an `x-yardstick-tally` header, which tests/production/session-once.test.ts
// uses to prove the session is resolved once per request.
import { AsyncLocalStorage } from "node:async_hooks";

export type SqlTimingStore = {
  ms: number;
  queries: number;
  /** Statements by "<verb> <table>" for each table they name, e.g. "select sessions", "update sessions". */
  statements: Record<string, number>;
  /** Events counted with `countInRequest`, by name. */
  events: Record<string, number>;
};

/** An empty tally for one request. */
export function newSqlTally(): SqlTimingStore {
  return { ms: 0, queries: 0, statements: {}, events: {} };
}

const STORAGE_KEY = Symbol.for("yardstick.sqlTiming.storage");
const PATCHED_KEY = Symbol.for("yardstick.sqlTiming.patched");

type Holder = { [STORAGE_KEY]?: AsyncLocalStorage<SqlTimingStore> };

export function sqlTimingEnabled(): boolean {
  return process.env.YARDSTICK_SQL_TIMING === "1";
}

function storage(): AsyncLocalStorage<SqlTimingStore> {
  const holder = globalThis as Holder;
  holder[STORAGE_KEY] ??= new AsyncLocalStorage<SqlTimingStore>();
  return holder[STORAGE_KEY];
}

/** Runs `task` (one request) with its own SQL time tally. */
export function runWithSqlTiming<T>(store: SqlTimingStore, task: () => T): T {
  return storage().run(store, task);
}

/**
 * Counts an event in the current request's tally (e.g. "session-user load"). When YARDSTICK_SQL_TIMING
 * is off no store was ever made, so this is one property read.
 */
export function countInRequest(event: string): void {
  const store = (globalThis as Holder)[STORAGE_KEY]?.getStore();
  if (store) store.events[event] = (store.events[event] ?? 0) + 1;
}

// A name followed by "(" is a function (`extract(epoch from now())`), not a table; `join lateral (` is a
// subquery. A common table expression's name counts as a table.
const TABLE_AFTER_KEYWORD = /\b(from|join|into|update)\s+(?:lateral\s+)?(?!lateral\b)"?([a-z_][a-z0-9_]*)"?(?![\w(])/gi;

/** The "<verb> <table>" keys of one statement: its first word, and each table named after from, join, into or update. */
export function statementKeys(queryString: string): string[] {
  const verb = /^\s*\(?\s*([a-z]+)/i.exec(queryString)?.[1]?.toLowerCase() ?? "?";
  const tables = new Set<string>();
  for (const match of queryString.matchAll(TABLE_AFTER_KEYWORD)) tables.add(match[2].toLowerCase());
  return [...tables].map((table) => `${verb} ${table}`);
}

/** The header value for a tally: milliseconds with one decimal. */
export function serverTimingValue(store: SqlTimingStore): string {
  return `sql;dur=${store.ms.toFixed(1)};desc="${store.queries} queries"`;
}

type QueryWithCache = (queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
type PreparedQueryPrototype = { queryWithCache: QueryWithCache; [PATCHED_KEY]?: true };

/**
 * Adds every query's driver time to the current request's tally. Patches the prepared-query class
 * this very client uses (found from the instance, so a bundler's second copy of drizzle-orm cannot
 * be the one patched by mistake). Does nothing unless YARDSTICK_SQL_TIMING=1.
 */
export function instrumentSqlTiming(db: unknown): void {
  if (!sqlTimingEnabled()) return;
  const session = (db as { session?: { prepareQuery?: (...args: unknown[]) => object } }).session;
  const sample = session?.prepareQuery?.({ sql: "select 1", params: [] }, undefined, undefined, false);
  let proto: PreparedQueryPrototype | null = sample ? Object.getPrototypeOf(sample) : null;
  while (proto && !Object.hasOwn(proto, "queryWithCache")) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error("YARDSTICK_SQL_TIMING=1: this Drizzle version has no queryWithCache to time.");
  if (proto[PATCHED_KEY]) return;
  const original = proto.queryWithCache;
  const tally = storage();
  proto.queryWithCache = async function timedQueryWithCache(this: unknown, queryString, params, query) {
    const store = tally.getStore();
    if (!store) return original.call(this, queryString, params, query);
    const timed = async () => {
      const started = performance.now();
      try {
        return await query();
      } finally {
        store.ms += performance.now() - started;
        store.queries += 1;
        for (const key of statementKeys(queryString)) store.statements[key] = (store.statements[key] ?? 0) + 1;
      }
    };
    return original.call(this, queryString, params, timed);
  };
  proto[PATCHED_KEY] = true;
}
