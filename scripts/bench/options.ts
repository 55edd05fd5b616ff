// The benchmark's flags and their defaults; --tiny is the small run `npm test` makes.
import { DEFAULT_PGLITE_SIZE, DEFAULT_POSTGRES_SIZE } from "./sizes";
import { parseFlags } from "./flags";

export type BenchOptions = {
  patients: number;
  assessments: number;
  teams: number;
  pglitePatients: number;
  pgliteAssessments: number;
  seconds: number;
  connections: number;
  requests: number;
  warmUp: number;
  importRows: number;
  instances: number;
  port: number;
  skipPostgres: boolean;
  skipPglite: boolean;
  out: string | null;
  tiny: boolean;
};

const SPEC = {
  patients: "number",
  assessments: "number",
  teams: "number",
  "pglite-patients": "number",
  "pglite-assessments": "number",
  seconds: "number",
  connections: "number",
  requests: "number",
  "warm-up": "number",
  "import-rows": "number",
  instances: "number",
  port: "number",
  "skip-postgres": "boolean",
  "skip-pglite": "boolean",
  out: "string",
  tiny: "boolean",
} as const;

export const USAGE = `npm run bench -- [--tiny] [--patients N] [--assessments N] [--teams N] [--pglite-patients N]
  [--pglite-assessments N] [--seconds S] [--connections C] [--requests N] [--warm-up N] [--import-rows N]
  [--instances N] [--port P] [--skip-postgres] [--skip-pglite] [--out FILE]`;

export function benchOptions(argv: readonly string[]): BenchOptions {
  const flags = parseFlags(argv, SPEC);
  const tiny = flags.tiny ?? false;
  const options: BenchOptions = {
    patients: flags.patients ?? (tiny ? 200 : DEFAULT_POSTGRES_SIZE.patients),
    assessments: flags.assessments ?? (tiny ? 5_000 : DEFAULT_POSTGRES_SIZE.assessments),
    teams: flags.teams ?? (tiny ? 5 : DEFAULT_POSTGRES_SIZE.teams),
    pglitePatients: flags["pglite-patients"] ?? (tiny ? 200 : DEFAULT_PGLITE_SIZE.patients),
    pgliteAssessments: flags["pglite-assessments"] ?? (tiny ? 5_000 : DEFAULT_PGLITE_SIZE.assessments),
    seconds: flags.seconds ?? (tiny ? 2 : 10),
    connections: flags.connections ?? 10,
    requests: flags.requests ?? (tiny ? 5 : 50),
    warmUp: flags["warm-up"] ?? (tiny ? 1 : 5),
    importRows: flags["import-rows"] ?? (tiny ? 2_000 : 100_000),
    instances: flags.instances ?? 1,
    port: flags.port ?? 3300,
    skipPostgres: flags["skip-postgres"] ?? false,
    skipPglite: flags["skip-pglite"] ?? false,
    out: flags.out ?? null,
    tiny,
  };
  for (const key of ["seconds", "connections", "requests", "instances", "importRows"] as const) {
    if (options[key] < 1) throw new Error(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be at least 1.`);
  }
  if (options.skipPostgres && options.skipPglite) throw new Error("--skip-postgres and --skip-pglite together leave nothing to measure.");
  return options;
}
