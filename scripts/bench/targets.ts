// Issue 12 point 2 (and issue 13 point 3): each target, the figure measured and whether it is met. Pure.
import type { BenchRouteId } from "./routes";
import { DEFAULT_PGLITE_SIZE, DEFAULT_POSTGRES_SIZE, type DatasetSize } from "./sizes";
import type { BenchResults, DatabaseResult } from "./results";

export type TargetResult = {
  target: string;
  database: "postgres" | "pglite" | "build";
  limit: string;
  measured: string;
  /** "not at target scale": measured on a smaller dataset (a tiny run), so neither met nor missed. */
  status: "met" | "missed" | "not available" | "not at target scale";
  /** For a missed target: by how much; for one not at target scale: the size it was measured at. */
  by?: string;
};

const KB = 1000;
const LIST: BenchRouteId[] = ["patient_list", "patient_list_filtered", "patient_list_sorted"];
const LABEL: Record<BenchRouteId, string> = {
  worklist: "worklist",
  patient_list: "patient list, first page",
  patient_list_filtered: "patient list, filtered",
  patient_list_sorted: "patient list, by last assessment",
  patient_page: "patient page",
  clinic_dashboard: "clinic dashboard",
  team_csv_export: "team CSV export",
  patient_fhir_export: "FHIR export",
};

type Check = {
  value: number | null;
  limit: number;
  atMost: boolean;
  unit: string;
  format?: (v: number) => string;
  /** Why the figure does not count against this target (its dataset was smaller than the target's). */
  belowScale?: string | null;
};

function judge(target: string, database: TargetResult["database"], check: Check): TargetResult {
  const show = check.format ?? ((v: number) => `${Math.round(v * 10) / 10} ${check.unit}`);
  const limit = `${check.atMost ? "≤" : "≥"} ${show(check.limit)}`;
  if (check.value === null || !Number.isFinite(check.value)) return { target, database, limit, measured: "—", status: "not available" };
  if (check.belowScale)
    return { target, database, limit, measured: show(check.value), status: "not at target scale", by: check.belowScale };
  const met = check.atMost ? check.value <= check.limit : check.value >= check.limit;
  const result: TargetResult = { target, database, limit, measured: show(check.value), status: met ? "met" : "missed" };
  if (!met) {
    const gap = Math.abs(check.value - check.limit);
    result.by = `${check.atMost ? "over" : "under"} by ${show(gap)} (${Math.round((gap / check.limit) * 100)}%)`;
  }
  return result;
}

function figure(database: DatabaseResult | undefined, id: BenchRouteId, phase: "sequential" | "load", key: string): number | null {
  const route = database?.routes.find((r) => r.id === id);
  const figures = route?.[phase];
  if (!figures?.available) return null;
  return (figures as unknown as Record<string, number>)[key] ?? null;
}

const count = (n: number) => n.toLocaleString("en");

/** Null when `database` holds at least the target's patients and assessments, else the size it holds. */
function belowScale(database: DatabaseResult | undefined, size: DatasetSize): string | null {
  if (!database) return null;
  const { patients, assessments } = database.dataset;
  if (patients >= size.patients && assessments >= size.assessments) return null;
  return `measured with ${count(patients)} patients / ${count(assessments)} assessments; the target is for ${count(size.patients)} / ${count(size.assessments)}`;
}

const IMPORT_TARGET_ROWS = 100_000;

export function evaluateTargets(results: Omit<BenchResults, "targets">): TargetResult[] {
  const pg = results.databases.find((d) => d.kind === "postgres");
  const lite = results.databases.find((d) => d.kind === "pglite");
  const out: TargetResult[] = [];
  const ms = { unit: "ms", belowScale: belowScale(pg, DEFAULT_POSTGRES_SIZE) };
  const msLite = { unit: "ms", belowScale: belowScale(lite, DEFAULT_PGLITE_SIZE) };
  for (const id of ["worklist", ...LIST, "patient_page"] as BenchRouteId[]) {
    out.push(
      judge(`${LABEL[id]}: sequential p95`, "postgres", { value: figure(pg, id, "sequential", "p95Ms"), limit: 50, atMost: true, ...ms }),
    );
  }
  out.push(
    judge("clinic dashboard: sequential p95", "postgres", {
      value: figure(pg, "clinic_dashboard", "sequential", "p95Ms"),
      limit: 150,
      atMost: true,
      ...ms,
    }),
  );
  for (const id of ["patient_page", ...LIST] as BenchRouteId[]) {
    out.push(
      judge(`${LABEL[id]}: requests/s, 10 connections`, "postgres", {
        value: figure(pg, id, "load", "requestsPerSecond"),
        limit: 100,
        atMost: false,
        unit: "req/s",
        belowScale: ms.belowScale,
      }),
    );
    out.push(
      judge(`${LABEL[id]}: p99, 10 connections`, "postgres", { value: figure(pg, id, "load", "p99Ms"), limit: 250, atMost: true, ...ms }),
    );
  }
  const kb = (v: number) => `${(v / KB).toFixed(1)} kB`;
  out.push(
    judge("patient page HTML", "postgres", {
      value: figure(pg, "patient_page", "sequential", "bytes"),
      limit: 60 * KB,
      atMost: true,
      unit: "",
      format: kb,
      belowScale: ms.belowScale,
    }),
  );
  const js = results.firstLoadJavaScript;
  const largest = js.length ? js[0] : null;
  const jsResult = judge(`first-load JavaScript (gzip), every route${largest ? `; largest ${largest.route}` : ""}`, "build", {
    value: largest?.gzipBytes ?? null,
    limit: 180 * KB,
    atMost: true,
    unit: "",
    format: kb,
  });
  const over = js.filter((r) => r.gzipBytes > 180 * KB);
  if (over.length)
    jsResult.by = `${over.length} of ${js.length} routes over: ${over.map((r) => `${r.route} ${kb(r.gzipBytes)}`).join(", ")}`;
  out.push(jsResult);
  const imported = pg?.import?.available ? pg.import : null;
  out.push(
    judge("CSV import, 100,000 rows", "postgres", {
      value: imported?.rowsPerSecond ?? null,
      limit: 20_000,
      atMost: false,
      unit: "rows/s",
      belowScale: imported && imported.rows < IMPORT_TARGET_ROWS ? `measured with ${count(imported.rows)} rows` : null,
    }),
  );
  for (const id of [...LIST, "patient_page"] as BenchRouteId[]) {
    out.push(
      judge(`${LABEL[id]}: sequential p95`, "pglite", {
        value: figure(lite, id, "sequential", "p95Ms"),
        limit: 50,
        atMost: true,
        ...msLite,
      }),
    );
  }
  const sealing = pg?.sealing?.available ? pg.sealing.differencePercent : null;
  out.push(
    judge("patient page requests/s lost to audit sealing (issue 13)", "postgres", {
      value: sealing,
      limit: 5,
      atMost: true,
      unit: "%",
      belowScale: ms.belowScale,
    }),
  );
  return out;
}
