// SQL timing per request (contract: env YARDSTICK_SQL_TIMING=1 → a `Server-Timing: sql;dur=<ms>` header
// with the summed time of every SQL query the request ran). Off, nothing is patched or wrapped: zero overhead.
//
// How: scripts/serve.ts runs each request inside an AsyncLocalStorage store; the Drizzle client's
// query path (PgPreparedQuery.queryWithCache, which every select, insert, update, execute and
// relational query of both drivers goes through, inside transactions too) adds the driver call's
// duration to the store. The storage lives on globalThis under a Symbol.for key because the server
// script and the Next.js bundles load separate copies of this module. Queries running in parallel
// (Promise.all) are summed, not overlapped; BEGIN/COMMIT round trips of transactions are not counted.
import { AsyncLocalStorage } from "node:async_hooks";

export type SqlTimingStore = { ms: number; queries: number };

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
      }
    };
    return original.call(this, queryString, params, timed);
  };
  proto[PATCHED_KEY] = true;
}
