// Times a CSV import of `rows` assessments through the csv branch's CLI (contract: `npm run import --
// FILE [--team …]`, last line "imported N rows in S s (R rows/s)"), with files made by that branch's
// generator (scripts/generate-import-csv.ts: patients.csv and assessments.csv). When either is
// missing from this build, the figure is "not available".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { NotAvailable } from "./measure";

export type ImportFigures = { available: true; rows: number; seconds: number; rowsPerSecond: number; patientsFirst: number };

const GENERATOR = "scripts/generate-import-csv.ts";

export function parseImportLine(output: string): { rows: number; seconds: number; rowsPerSecond: number } | null {
  const lines = output.trim().split("\n");
  const match = /imported (\d+) rows in ([\d.]+) s \(([\d.]+) rows\/s\)/.exec(lines.at(-1) ?? "");
  return match ? { rows: Number(match[1]), seconds: Number(match[2]), rowsPerSecond: Number(match[3]) } : null;
}

export function importAvailable(): string | null {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts.import) return "not available in this build (no `npm run import`)";
  if (!existsSync(GENERATOR)) return `not available in this build (no ${GENERATOR})`;
  return null;
}

function run(command: string, args: string[], databaseUrl: string): string {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} failed (${result.status}): ${(result.stderr || result.stdout).trim().slice(-500)}`);
  return result.stdout;
}

/** Imports `rows` assessments for rows/100 new patients into `team` of the PostgreSQL database at `databaseUrl`. */
export function timeCsvImport(databaseUrl: string, team: string, rows: number): ImportFigures | NotAvailable {
  const missing = importAvailable();
  if (missing) return { available: false, reason: missing };
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-bench-import-"));
  try {
    const patients = Math.max(1, Math.round(rows / 100));
    run(
      process.execPath,
      ["--import", "tsx", GENERATOR, "--rows", String(rows), "--patients", String(patients), "--out", dir],
      databaseUrl,
    );
    const files = { patients: path.join(dir, "patients.csv"), assessments: path.join(dir, "assessments.csv") };
    if (!existsSync(files.patients) || !existsSync(files.assessments)) {
      return { available: false, reason: `not available: ${GENERATOR} wrote no patients.csv/assessments.csv` };
    }
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const first = parseImportLine(run(npm, ["run", "--silent", "import", "--", files.patients, "--team", team], databaseUrl));
    const timed = parseImportLine(run(npm, ["run", "--silent", "import", "--", files.assessments, "--team", team], databaseUrl));
    if (!first || !timed) throw new Error('`npm run import` did not end with "imported N rows in S s (R rows/s)".');
    return { available: true, ...timed, patientsFirst: first.rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
