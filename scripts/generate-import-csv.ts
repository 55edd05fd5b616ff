// Synthetic CSV files for the import: a patients file and an assessments file of any size (the
// 100,000-row import test and the benchmark use them). Deterministic: the same arguments give the same files.
//   npx tsx scripts/generate-import-csv.ts --rows 100000 --patients 1000 --out /tmp/yardstick-import
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeCsv } from "@/lib/csv/write-csv";
import { ASSESSMENT_COLUMNS, itemColumn, PATIENT_COLUMNS } from "@/lib/import/formats";
import { instruments } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";

const MIX: InstrumentId[] = ["pain_nrs_0_10", "fiqr", "irls", "pgic"];
const FIRST_DAY = Date.parse("2010-01-01T00:00:00Z");

export type GeneratedImport = { patientsCsv: string; assessmentsCsv: string; patientCodes: string[] };

/** `rows` assessments spread evenly over `patients` patients (codes `${prefix}-00001`…), instruments in turn, one per day each. */
export function generateImportCsv({
  rows,
  patients,
  prefix = "GEN",
}: {
  rows: number;
  patients: number;
  prefix?: string;
}): GeneratedImport {
  const codes = Array.from({ length: patients }, (_, i) => `${prefix}-${String(i + 1).padStart(5, "0")}`);
  const patientsCsv = writeCsv(
    PATIENT_COLUMNS,
    codes.map((code, i) => [code, 1950 + (i % 50), i % 2 ? "male" : "female", "fibromyalgia", null]),
  );
  const columnIndex = new Map(ASSESSMENT_COLUMNS.map((c, i) => [c, i]));
  const lines: (string | number | null)[][] = [];
  for (let n = 0; n < rows; n++) {
    const patient = n % patients;
    const visit = Math.floor(n / patients);
    const instrumentId = MIX[visit % MIX.length];
    const instrument = instruments[instrumentId];
    const line: (string | number | null)[] = new Array(ASSESSMENT_COLUMNS.length).fill(null);
    line[columnIndex.get("patient_code")!] = codes[patient];
    line[columnIndex.get("instrument")!] = instrumentId;
    line[columnIndex.get("taken_on")!] = new Date(FIRST_DAY + Math.floor(visit / MIX.length) * 86_400_000).toISOString().slice(0, 10);
    line[columnIndex.get("external_id")!] = `gen-${n + 1}`;
    if (instrument.entry === "items") {
      for (const [k, item] of instrument.items.entries())
        line[columnIndex.get(itemColumn(instrumentId, item.key))!] = (n + k) % (item.max + 1);
    } else {
      line[columnIndex.get("total")!] = instrument.min + (n % (instrument.max - instrument.min + 1));
    }
    lines.push(line);
  }
  return { patientsCsv, assessmentsCsv: writeCsv(ASSESSMENT_COLUMNS, lines), patientCodes: codes };
}

function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000" },
      patients: { type: "string", default: "1000" },
      out: { type: "string", default: "." },
    },
  });
  const generated = generateImportCsv({ rows: Number(values.rows), patients: Number(values.patients) });
  mkdirSync(values.out!, { recursive: true });
  writeFileSync(path.join(values.out!, "patients.csv"), generated.patientsCsv);
  writeFileSync(path.join(values.out!, "assessments.csv"), generated.assessmentsCsv);
  console.log(
    `wrote ${path.join(values.out!, "patients.csv")} (${generated.patientCodes.length} patients) and assessments.csv (${values.rows} rows)`,
  );
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) main();
