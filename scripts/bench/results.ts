// The benchmark's results file (bench-results/<date>.json) and the check that it holds every figure.
// Pure: the tiny run in `npm test` passes only when nothing is missing here.
import type { DatasetSummary, SamplePatient } from "./dataset";
import type { RouteJavaScript } from "./first-load-js";
import type { ImportFigures } from "./csv-import";
import type { LoadFigures, NotAvailable, SequentialFigures } from "./measure";
import type { BenchRouteId } from "./routes";
import type { TargetResult } from "./targets";

export type RouteResult = {
  id: BenchRouteId;
  label: string;
  method: string;
  path: string;
  optional: boolean;
  sequential: SequentialFigures | NotAvailable;
  load: LoadFigures | NotAvailable;
  /** Pages: gzip size of the build chunks the served HTML names, a cross-check of the manifests' first-load figure. */
  htmlJavaScriptGzipBytes?: number;
};

export type SealingFigures =
  | { available: true; onRequestsPerSecond: number; offRequestsPerSecond: number; differencePercent: number; seconds: number }
  | NotAvailable;

export type DatabaseResult = {
  kind: "postgres" | "pglite";
  instances: number;
  dataset: DatasetSummary;
  samplePatient: Pick<SamplePatient, "assessments">;
  routes: RouteResult[];
  sealing?: SealingFigures;
  import?: ImportFigures | NotAvailable;
};

export type BenchResults = {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; node: string; platform: string; loadAverage: { atStart: number; atEnd: number } };
  options: Record<string, unknown>;
  firstLoadJavaScript: RouteJavaScript[];
  databases: DatabaseResult[];
  targets: TargetResult[];
};

const isFiniteNumber = (value: unknown) => typeof value === "number" && Number.isFinite(value);

function missingIn(where: string, figures: object, keys: string[]): string[] {
  const record = figures as Record<string, unknown>;
  return keys.filter((key) => !isFiniteNumber(record[key])).map((key) => `${where}: ${key}`);
}

const SEQUENTIAL_KEYS = ["p50Ms", "p95Ms", "p99Ms", "requestsPerSecond", "sqlMs", "bytes"];
const LOAD_KEYS = ["p50Ms", "p95Ms", "p99Ms", "requestsPerSecond", "errors", "non2xx"];

/** Every figure the results should hold and do not: empty when the run is complete. */
export function missingFigures(results: BenchResults, expected: { postgres: boolean; pglite: boolean }): string[] {
  const missing: string[] = [];
  if (!results.firstLoadJavaScript?.length) missing.push("first-load JavaScript: no routes");
  for (const route of results.firstLoadJavaScript ?? [])
    missing.push(...missingIn(`first-load JavaScript ${route.route}`, route, ["gzipBytes"]));
  for (const kind of ["postgres", "pglite"] as const) {
    const database = results.databases?.find((d) => d.kind === kind);
    if (!expected[kind]) continue;
    if (!database) {
      missing.push(`${kind}: no results`);
      continue;
    }
    if (!database.routes?.length) missing.push(`${kind}: no routes measured`);
    for (const route of database.routes ?? []) {
      for (const [phase, figures, keys] of [
        ["sequential", route.sequential, SEQUENTIAL_KEYS],
        ["load", route.load, LOAD_KEYS],
      ] as const) {
        const where = `${kind} ${route.id} ${phase}`;
        if (!figures) missing.push(`${where}: missing`);
        else if (!figures.available) {
          if (!route.optional) missing.push(`${where}: not available, but the route is not optional`);
        } else missing.push(...missingIn(where, figures, keys));
      }
    }
    if (kind === "postgres") {
      if (!database.import) missing.push("postgres import: missing");
      else if (database.import.available) missing.push(...missingIn("postgres import", database.import, ["rows", "rowsPerSecond"]));
      if (!database.sealing) missing.push("postgres sealing: missing");
      else if (database.sealing.available)
        missing.push(
          ...missingIn("postgres sealing", database.sealing, ["onRequestsPerSecond", "offRequestsPerSecond", "differencePercent"]),
        );
    }
  }
  if (!results.targets?.length) missing.push("targets: none evaluated");
  return missing;
}
