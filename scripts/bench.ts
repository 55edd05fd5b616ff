// `npm run bench`: the whole benchmark on its own. Scratch databases (PostgreSQL and PGlite) filled with
// the synthetic clinic network, the production build served against each with SQL timing on, every
// page and route of issue 12 measured signed in (sequentially and under a bounded loopback load), the
// first-load JavaScript of every route, a 100,000-row CSV import, audit sealing on and off; then a
// JSON file (bench-results/<date>.json), a Markdown copy for the README, and a table with each target
// met or missed. Figures only: nothing here is a timed assertion. Flags: scripts/bench/options.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { buildIfStale } from "./build-stamp";
import { type AppServer, startAppServer } from "./bench/app-server";
import { timeCsvImport } from "./bench/csv-import";
import { BENCH_PASSWORD, benchClinicianEmail, benchTeamSlug } from "./bench/dataset";
import { firstLoadJavaScript, javaScriptNamedByHtml } from "./bench/first-load-js";
import { measureLoad, measureSequential, probe } from "./bench/measure";
import { type BenchOptions, benchOptions, USAGE } from "./bench/options";
import { markdownReport, plainReport } from "./bench/report";
import type { BenchResults, DatabaseResult, RouteResult, SealingFigures } from "./bench/results";
import { missingFigures } from "./bench/results";
import { benchRoutes } from "./bench/routes";
import { createPgliteScratch, createPostgresScratch, type Scratch } from "./bench/scratch";
import { signIn } from "./bench/sign-in";
import { evaluateTargets } from "./bench/targets";

type Target = { baseUrl: string; cookie: string };

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Whether this build has the audit sealer (auditchain branch): its setting appears in the app's code. */
function sealingInThisBuild(): boolean {
  const search = (p: string): boolean => {
    if (!existsSync(p)) return false;
    if (statSync(p).isDirectory()) return readdirSync(p).some((name) => search(path.join(p, name)));
    return /\.tsx?$/.test(p) && readFileSync(p, "utf8").includes("AUDIT_SEAL_INTERVAL_MS");
  };
  return ["lib", "db", "instrumentation-node.ts", "instrumentation.ts"].some(search);
}

async function startServers(scratch: Scratch, options: BenchOptions, count: number, env: { auditSealIntervalMs?: number } = {}) {
  const servers: AppServer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      // One at a time: the first migrates (already done) and every start reads the same database.
      servers.push(await startAppServer({ port: options.port + i, database: scratch.database, ...env }));
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  const cookie = await signIn(servers[0].url, benchClinicianEmail(1), BENCH_PASSWORD);
  // The session made on the first instance must work on every other: they share only the database.
  for (const server of servers.slice(1)) {
    const check = await fetch(`${server.url}/api/patients/search`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    if (!check.ok) throw new Error(`The session from ${servers[0].url} is refused by ${server.url} (${check.status}).`);
  }
  const targets: Target[] = servers.map((s) => ({ baseUrl: s.url, cookie }));
  return { targets, stop: () => Promise.all(servers.map((s) => s.stop())).then(() => undefined) };
}

async function measureRoutes(targets: Target[], scratch: Scratch, options: BenchOptions): Promise<RouteResult[]> {
  const results: RouteResult[] = [];
  for (const route of benchRoutes(scratch.sample.id)) {
    const base = {
      id: route.id,
      label: route.label,
      method: route.method,
      path: route.path.replace(scratch.sample.id, "{id}"),
      optional: !!route.optional,
    };
    const first = await probe(targets, route);
    if (!first.available) {
      log(`${route.label}: ${first.reason}`);
      results.push({ ...base, sequential: first, load: first });
      continue;
    }
    const sequential = await measureSequential(targets, route, options.requests, options.warmUp);
    const load = await measureLoad(targets, route, options.connections, options.seconds, sequential.p95Ms);
    log(
      `${route.label}: sequential p50 ${sequential.p50Ms} / p95 ${sequential.p95Ms} ms, SQL ${sequential.sqlMs} ms, ` +
        `${sequential.bytes} bytes; load ${load.requestsPerSecond} req/s, p99 ${load.p99Ms} ms`,
    );
    const htmlJavaScript = route.page ? javaScriptNamedByHtml(first.body) : undefined;
    results.push({ ...base, sequential, load, ...(htmlJavaScript && { htmlJavaScriptGzipBytes: htmlJavaScript.gzipBytes }) });
  }
  return results;
}

async function measureSealing(scratch: Scratch, options: BenchOptions, onFromMainRun: number | null): Promise<SealingFigures> {
  if (!sealingInThisBuild()) return { available: false, reason: "not available in this build (no AUDIT_SEAL_INTERVAL_MS)" };
  const route = benchRoutes(scratch.sample.id).find((r) => r.id === "patient_page")!;
  const loadWith = async (auditSealIntervalMs?: number) => {
    const run = await startServers(scratch, options, 1, { auditSealIntervalMs });
    try {
      return (await measureLoad(run.targets, route, options.connections, options.seconds)).requestsPerSecond;
    } finally {
      await run.stop();
    }
  };
  const on = onFromMainRun ?? (await loadWith(undefined));
  const off = await loadWith(0);
  log(`audit sealing: patient page ${on} req/s on, ${off} req/s off`);
  return {
    available: true,
    onRequestsPerSecond: on,
    offRequestsPerSecond: off,
    differencePercent: Math.round(((off - on) / off) * 1000) / 10,
    seconds: options.seconds,
  };
}

async function benchDatabase(kind: "postgres" | "pglite", options: BenchOptions): Promise<DatabaseResult> {
  const size =
    kind === "postgres"
      ? { patients: options.patients, assessments: options.assessments, teams: options.teams }
      : { patients: options.pglitePatients, assessments: options.pgliteAssessments, teams: options.teams };
  log(`${kind}: filling ${size.patients} patients, ${size.assessments} assessments over ${size.teams} teams...`);
  const scratch = kind === "postgres" ? await createPostgresScratch(size) : await createPgliteScratch(size);
  try {
    log(`${kind}: filled ${scratch.label} in ${scratch.dataset.seconds.toFixed(1)} s`);
    const instances = kind === "postgres" ? options.instances : 1; // PGlite: one process only
    const run = await startServers(scratch, options, instances);
    let routes: RouteResult[];
    try {
      routes = await measureRoutes(run.targets, scratch, options);
    } finally {
      await run.stop();
    }
    const result: DatabaseResult = {
      kind,
      instances,
      dataset: scratch.dataset,
      samplePatient: { assessments: scratch.sample.assessments },
      routes,
    };
    if (kind === "postgres") {
      const patientPage = routes.find((r) => r.id === "patient_page")!.load;
      const onFromMainRun = instances === 1 && patientPage.available ? patientPage.requestsPerSecond : null;
      result.sealing = await measureSealing(scratch, options, onFromMainRun);
      log(`CSV import of ${options.importRows} rows...`);
      result.import = timeCsvImport((scratch.database as { url: string }).url, benchTeamSlug(1), options.importRows);
    }
    return result;
  } finally {
    await scratch.drop();
  }
}

function outputPath(options: BenchOptions, startedAt: string): string {
  if (options.out) return options.out;
  return path.join("bench-results", `${startedAt.replace(/[:]/g, "-").replace(/\..*$/, "")}.json`);
}

async function main() {
  const options = benchOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg()[0];
  const build = buildIfStale({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status}).`);
  log(build.built ? "built the app" : "the production build is current; reusing it");
  const databases: DatabaseResult[] = [];
  if (!options.skipPostgres) databases.push(await benchDatabase("postgres", options));
  if (!options.skipPglite) databases.push(await benchDatabase("pglite", options));
  const partial = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      // Other work on the machine slows every figure: the 1-minute load average before and after.
      loadAverage: { atStart: Math.round(loadAverageAtStart * 10) / 10, atEnd: Math.round(loadavg()[0] * 10) / 10 },
    },
    options: { ...options },
    firstLoadJavaScript: firstLoadJavaScript(),
    databases,
  };
  const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
  const file = outputPath(options, startedAt);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${file.replace(/\.json$/, "")}.md`, `${markdownReport(results)}\n`);
  console.log(`\n${plainReport(results)}\n\nResults: ${file} (Markdown for the README: ${file.replace(/\.json$/, "")}.md)`);
  const missing = missingFigures(results, { postgres: !options.skipPostgres, pglite: !options.skipPglite });
  if (missing.length) {
    console.error(`Missing figures:\n  ${missing.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && /Unknown argument|must be/.test(error.message)) console.error(USAGE);
  process.exitCode = 1;
});
