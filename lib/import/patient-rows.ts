import { unguardCell } from "@/lib/csv/cell-guard";
import type { CsvRecord } from "@/lib/csv/parse-csv";
import { type PatientInput, patientSchema } from "@/lib/validation/patient";
import { CONDITION_SEPARATOR } from "./formats";
import { type ImportProblem, zodProblems } from "./problems";

export type PatientRow = { row: number; input: PatientInput };

const COLUMN_OF = { code: "code", birthYear: "birth_year", sex: "sex", conditions: "conditions", notes: "notes" };

/** A row of the patients file, checked with the patient form's schema. */
export function readPatientRow(record: CsvRecord): { value?: PatientRow; problems: ImportProblem[] } {
  const { cells, row } = record;
  const conditions = unguardCell(cells.conditions ?? "")
    .split(CONDITION_SEPARATOR)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  const parsed = patientSchema.safeParse({
    code: unguardCell(cells.code ?? ""),
    birthYear: cells.birth_year ?? "",
    sex: (cells.sex ?? "").trim(),
    conditions,
    notes: unguardCell(cells.notes ?? ""),
  });
  if (!parsed.success) return { problems: zodProblems(parsed.error, row, cells, COLUMN_OF) };
  return { value: { row, input: parsed.data }, problems: [] };
}
