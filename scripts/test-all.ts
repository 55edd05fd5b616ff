// `npm test`: every test — unit, integration on PGlite and on the PostgreSQL server named by
// TEST_DATABASE_URL (or DATABASE_URL), and the browser tests in Chromium — then one closing line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { type BenchResults, missingFigures } from "./bench/results";

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
mkdirSync("test-results", { recursive: true });

function run(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  resultFile: string,
  read: (json: never) => Tally,
) {
  console.log(`\n=== ${label} ===`);
  rmSync(resultFile, { force: true });
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const tally = existsSync(resultFile) ? read(JSON.parse(readFileSync(resultFile, "utf8")) as never) : { passed: 0, failed: 1, skipped: 0 };
  if (result.status !== 0 && tally.failed === 0) tally.failed = 1; // the runner failed before or outside its tests
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  if (tally.failed) failures.push(label);
}

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites?: number;
  numPendingTests: number;
  numTodoTests: number;
};
type PlaywrightJson = { stats: { expected: number; flaky: number; unexpected: number; skipped: number } };

const fromVitest = (json: VitestJson): Tally => ({
  passed: json.numPassedTests,
  // A file that fails outside its tests (e.g. an import error) has no failed test: count it once.
  failed: json.numFailedTests || (json.numFailedTestSuites ?? 0),
  skipped: json.numPendingTests + json.numTodoTests,
});
const fromPlaywright = (json: PlaywrightJson): Tally => ({
  passed: json.stats.expected + json.stats.flaky,
  failed: json.stats.unexpected,
  skipped: json.stats.skipped,
});
const vitest = (project: string, file: string) => [
  "vitest",
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${file}`,
];

run("unit tests", "npx", vitest("unit", "test-results/unit.json"), {}, "test-results/unit.json", fromVitest);
run(
  "integration tests on PGlite",
  "npx",
  vitest("integration", "test-results/integration-pglite.json"),
  { TEST_DB: "pglite" },
  "test-results/integration-pglite.json",
  fromVitest,
);

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (serverUrl) {
  run(
    "integration tests on PostgreSQL",
    "npx",
    vitest("integration", "test-results/integration-postgres.json"),
    { TEST_DB: "postgres", TEST_DATABASE_URL: serverUrl },
    "test-results/integration-postgres.json",
    fromVitest,
  );
} else {
  console.log("\n=== integration tests on PostgreSQL: not run (set TEST_DATABASE_URL to a server database) ===");
}

run(
  "browser tests (Playwright, Chromium)",
  "npx",
  ["playwright", "test"],
  { DATABASE_URL: "" },
  "test-results/e2e-results.json",
  fromPlaywright,
);

// Two production instances over one PostgreSQL database (tests/production): after the browser tests,
// whose start (scripts/start.ts) has just made the production build that they serve.
if (serverUrl) {
  run(
    "production build on PostgreSQL: two app instances, session reads per request",
    "npx",
    vitest("production", "test-results/production.json"),
    { TEST_DB: "postgres", TEST_DATABASE_URL: serverUrl, YARDSTICK_REQUIRE_BUILD: "1" },
    "test-results/production.json",
    fromVitest,
  );
} else {
  console.log("\n=== production build tests: not run (needs PostgreSQL: set TEST_DATABASE_URL) ===");
}

// A tiny benchmark run, after the browser tests so it reuses their production build. It counts as one
// test: it passes when the run completes and its results hold every figure (no figure is judged).
const benchExpects = { postgres: Boolean(serverUrl), pglite: true };
run(
  "benchmark, tiny run (npm run bench -- --tiny)",
  "npx",
  ["tsx", "scripts/bench.ts", "--tiny", "--out", "test-results/bench-tiny.json", "--port", process.env.BENCH_PORT ?? "3300"].concat(
    serverUrl ? [] : ["--skip-postgres"],
  ),
  { TEST_DATABASE_URL: serverUrl ?? "" },
  "test-results/bench-tiny.json",
  (json: BenchResults): Tally => {
    const missing = missingFigures(json, benchExpects);
    if (missing.length) console.log(`benchmark figures missing: ${missing.join("; ")}`);
    return { passed: missing.length ? 0 : 1, failed: missing.length ? 1 : 0, skipped: 0 };
  },
);

if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed ? 1 : 0);
