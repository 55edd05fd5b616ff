// The benchmark's printed tables and the Markdown copy for the README. Pure.
import type { BenchResults, DatabaseResult } from "./results";

type Table = { header: string[]; rows: string[][] };

const n = (value: number, digits = 1) => (Number.isFinite(value) ? String(Math.round(value * 10 ** digits) / 10 ** digits) : "—");
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function databaseTitle(database: DatabaseResult): string {
  const { dataset } = database;
  const name = database.kind === "postgres" ? "PostgreSQL" : "PGlite";
  const instances = database.instances > 1 ? `, ${database.instances} app instances` : "";
  return `${name}: ${dataset.patients.toLocaleString("en")} patients, ${dataset.assessments.toLocaleString("en")} assessments, ${dataset.teams} teams${instances}`;
}

/** "28 × 500, 1 error": what failed under load. */
function failures(load: { errors: number; statuses?: Record<string, number> }): string {
  const parts = Object.entries(load.statuses ?? {})
    .filter(([status]) => !status.startsWith("2"))
    .map(([status, count]) => `${count} × ${status}`);
  if (load.errors) parts.push(`${load.errors} errors`);
  return parts.join(", ");
}

function routeTable(database: DatabaseResult): Table {
  const header = [
    "route",
    "seq p50",
    "seq p95",
    "seq p99",
    "seq req/s",
    "SQL ms",
    "size",
    "load req/s",
    "load p50",
    "load p95",
    "load p99",
  ];
  const rows = database.routes.map((route) => {
    const s = route.sequential;
    const l = route.load;
    if (!s.available) return [route.label, ...Array(10).fill("n/a")];
    const loadCells = l.available
      ? [n(l.requestsPerSecond), n(l.p50Ms), n(l.p95Ms), n(l.p99Ms) + (l.errors || l.non2xx ? ` (${failures(l)})` : "")]
      : [l.reason, "", "", ""];
    return [route.label, n(s.p50Ms), n(s.p95Ms), n(s.p99Ms), n(s.requestsPerSecond), n(s.sqlMs), kb(s.bytes), ...loadCells];
  });
  return { header, rows };
}

function targetTable(results: BenchResults): Table {
  return {
    header: ["target", "database", "limit", "measured", "result"],
    rows: results.targets.map((t) => [t.target, t.database, t.limit, t.measured, t.status + (t.by ? `: ${t.by}` : "")]),
  };
}

function extras(results: BenchResults): string[] {
  const lines: string[] = [];
  const notAvailable = new Map<string, string>();
  for (const database of results.databases) {
    for (const route of database.routes) if (!route.sequential.available) notAvailable.set(route.label, route.sequential.reason);
  }
  for (const [label, reason] of notAvailable) lines.push(`${label}: ${reason}`);
  const pg = results.databases.find((d) => d.kind === "postgres");
  if (pg?.import) {
    lines.push(
      pg.import.available
        ? `CSV import: ${pg.import.rows.toLocaleString("en")} rows in ${n(pg.import.seconds, 2)} s (${Math.round(pg.import.rowsPerSecond).toLocaleString("en")} rows/s)`
        : `CSV import: ${pg.import.reason}`,
    );
  }
  if (pg?.sealing) {
    lines.push(
      pg.sealing.available
        ? `Audit sealing: patient page ${n(pg.sealing.onRequestsPerSecond)} req/s with sealing, ${n(pg.sealing.offRequestsPerSecond)} without (${n(pg.sealing.differencePercent)}% difference)`
        : `Audit sealing: ${pg.sealing.reason}`,
    );
  }
  const js = results.firstLoadJavaScript.map((r) => `${r.route} ${kb(r.gzipBytes)}`).join(", ");
  lines.push(`First-load JavaScript (gzip): ${js}`);
  return lines;
}

function plain(table: Table): string {
  const widths = table.header.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? "").padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(table.header), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(line)].join("\n");
}

function markdown(table: Table): string {
  const line = (cells: string[]) => `| ${cells.map((c) => (c ?? "").replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(table.header), line(table.header.map(() => "---")), ...table.rows.map(line)].join("\n");
}

/** The text printed at the end of a run. */
export function plainReport(results: BenchResults): string {
  const parts = results.databases.map((d) => `${databaseTitle(d)}\n${plain(routeTable(d))}`);
  return [...parts, ...extras(results), `Targets (issue 12 point 2, issue 13 point 3)\n${plain(targetTable(results))}`].join("\n\n");
}

/** The same as Markdown, to paste into the README's Benchmark section. */
export function markdownReport(results: BenchResults): string {
  const { machine } = results;
  const header =
    `Measured ${results.finishedAt.slice(0, 16).replace("T", " ")} UTC on ${machine.cpus} cores, Node ${machine.node} ` +
    `(load average ${machine.loadAverage.atStart} at the start, ${machine.loadAverage.atEnd} at the end).`;
  const parts = results.databases.map(
    (d) => `**${databaseTitle(d)}** (ms; size = response body, uncompressed)\n\n${markdown(routeTable(d))}`,
  );
  return [
    header,
    ...parts,
    extras(results)
      .map((l) => `- ${l}`)
      .join("\n"),
    `**Targets**\n\n${markdown(targetTable(results))}`,
  ].join("\n\n");
}
