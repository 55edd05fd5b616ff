// The two measurements of a route: sequential requests (one at a time, latency, SQL time from the
// Server-Timing header, response size) and a bounded loopback load with autocannon. Figures only.
import autocannon from "autocannon";
import type { BenchRoute } from "./routes";
import { type LatencySummary, median, sqlMsFromServerTiming, summarise } from "./stats";

export type NotAvailable = { available: false; reason: string };

export type SequentialFigures = LatencySummary & {
  available: true;
  requestsPerSecond: number;
  /** Median of the Server-Timing sql;dur= values: the time the request spent in SQL. */
  sqlMs: number;
  /** Median response body size, uncompressed. */
  bytes: number;
};

export type LoadFigures = LatencySummary & {
  available: true;
  connections: number;
  seconds: number;
  /** "duration": as many requests as fit in `seconds`; "amount": a route too slow for that (one request
   * takes over a quarter of `seconds`, or fewer answers than connections) gets 2 requests per connection. */
  bound: "duration" | "amount";
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  /** Responses by status code, e.g. { "200": 180, "500": 2 }. */
  statuses: Record<string, number>;
};

type Target = { baseUrl: string; cookie: string };

function requestInit(route: BenchRoute, cookie: string): RequestInit {
  const headers: Record<string, string> = { cookie };
  if (route.body !== undefined) headers["content-type"] = "application/json";
  return { method: route.method, headers, body: route.body, redirect: "manual" };
}

/** One request: status, latency to the last byte, body size and SQL time. */
async function timedRequest(target: Target, route: BenchRoute) {
  const started = performance.now();
  const response = await fetch(`${target.baseUrl}${route.path}`, requestInit(route, target.cookie));
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - started;
  const sqlMs = sqlMsFromServerTiming(response.headers.get("server-timing"));
  return { status: response.status, ms, bytes: body.byteLength, sqlMs, body };
}

/**
 * A 404 on an optional route (built on another branch) is "not available in this build"; any other
 * status that is not 200 stops the benchmark: figures of error pages would mislead. Returns the first
 * response's body otherwise.
 */
export async function probe(targets: Target[], route: BenchRoute): Promise<NotAvailable | { available: true; body: string }> {
  let body = "";
  for (const target of targets) {
    const result = await timedRequest(target, route);
    if (result.status === 404 && route.optional) return { available: false, reason: "not available in this build (404)" };
    if (result.status !== 200) throw new Error(`${route.label} (${route.method} ${route.path}) answered ${result.status}, not 200.`);
    body ||= new TextDecoder().decode(result.body);
  }
  return { available: true, body };
}

/** `requests` requests one after another (after `warmUp` unmeasured ones), spread over the targets in turn. */
export async function measureSequential(
  targets: Target[],
  route: BenchRoute,
  requests: number,
  warmUp: number,
): Promise<SequentialFigures> {
  for (let i = 0; i < warmUp; i++) await timedRequest(targets[i % targets.length], route);
  const times: number[] = [];
  const sql: number[] = [];
  const sizes: number[] = [];
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const result = await timedRequest(targets[i % targets.length], route);
    if (result.status !== 200) throw new Error(`${route.label} answered ${result.status} during the sequential run.`);
    times.push(result.ms);
    sizes.push(result.bytes);
    if (result.sqlMs === null)
      throw new Error(`${route.label} sent no Server-Timing sql header: is YARDSTICK_SQL_TIMING=1 reaching the app?`);
    sql.push(result.sqlMs);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    available: true,
    ...summarise(times),
    requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
    sqlMs: Math.round(median(sql) * 10) / 10,
    bytes: median(sizes),
  };
}

/**
 * `connections` connections for `seconds` on loopback only, split evenly over the targets (one
 * autocannon per instance, run together); latency percentiles over every response of all of them.
 */
export async function measureLoad(
  targets: Target[],
  route: BenchRoute,
  connections: number,
  seconds: number,
  sequentialP95Ms?: number,
): Promise<LoadFigures> {
  for (const { baseUrl } of targets) {
    if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(baseUrl).hostname)) throw new Error("Load runs against loopback only.");
  }
  // A route whose single request takes more than a quarter of the window cannot fill it meaningfully:
  // measure a fixed number of requests instead (and leave nothing in flight behind).
  if (sequentialP95Ms !== undefined && sequentialP95Ms > (seconds * 1000) / 4) {
    return loadFigures(await runAutocannon(targets, route, connections, { amount: 2 }), connections, seconds, "amount");
  }
  const byDuration = await runAutocannon(targets, route, connections, { duration: seconds });
  if (byDuration.latencies.length >= connections) {
    // autocannon stops at the deadline without waiting for the requests still in flight; the server
    // goes on with them. Let them finish so they do not weigh on the next route's figures.
    await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, Math.max(...byDuration.latencies))));
    return loadFigures(byDuration, connections, seconds, "duration");
  }
  await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, seconds * 3000))); // unanswered requests still running
  return loadFigures(await runAutocannon(targets, route, connections, { amount: 2 }), connections, seconds, "amount");
}

type Samples = { latencies: number[]; errors: number; non2xx: number; statuses: Record<string, number>; elapsedSeconds: number };

function loadFigures(samples: Samples, connections: number, seconds: number, bound: LoadFigures["bound"]): LoadFigures {
  return {
    available: true,
    connections,
    seconds,
    bound,
    ...summarise(samples.latencies),
    requestsPerSecond: Math.round((samples.latencies.length / samples.elapsedSeconds) * 10) / 10,
    errors: samples.errors,
    non2xx: samples.non2xx,
    statuses: samples.statuses,
  };
}

/** `amount` is per connection. */
async function runAutocannon(
  targets: Target[],
  route: BenchRoute,
  connections: number,
  bound: { duration: number } | { amount: number },
): Promise<Samples> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const statuses: Record<string, number> = {};
  const share = (i: number) => Math.floor(connections / targets.length) + (i < connections % targets.length ? 1 : 0);
  const started = performance.now();
  await Promise.all(
    targets.map(
      (target, i) =>
        new Promise<void>((resolve, reject) => {
          const headers: Record<string, string> = { cookie: target.cookie };
          if (route.body !== undefined) headers["content-type"] = "application/json";
          const instance = autocannon(
            {
              url: `${target.baseUrl}${route.path}`,
              method: route.method,
              body: route.body,
              headers,
              connections: Math.max(1, share(i)),
              ...("duration" in bound ? { duration: bound.duration } : { amount: bound.amount * Math.max(1, share(i)) }),
              timeout: 60,
            },
            (error, result) => {
              if (error) return reject(error);
              errors += result.errors + result.timeouts;
              resolve();
            },
          );
          instance.on("response", (_client, statusCode, _bytes, responseTime) => {
            latencies.push(responseTime);
            statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
            if (statusCode < 200 || statusCode >= 300) non2xx++;
          });
        }),
    ),
  );
  return { latencies, errors, non2xx, statuses, elapsedSeconds: (performance.now() - started) / 1000 };
}
