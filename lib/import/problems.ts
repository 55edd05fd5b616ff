import type { z } from "zod";
import { writeCsv } from "@/lib/csv/write-csv";

/** One reason a row of an import was refused. `row` is the spreadsheet row (header = 1); null for the whole file. */
export type ImportProblem = { row: number | null; column: string; value: string; reason: string };

/** At most this many problems are reported (the count of all of them is kept): a report stays readable. */
export const PROBLEM_REPORT_LIMIT = 1000;

/** The problems of a zod result, each under the CSV column its field was read from. */
export function zodProblems(
  error: z.ZodError,
  row: number,
  cells: Record<string, string>,
  columnOf: Record<string, string>,
): ImportProblem[] {
  const seen = new Set<string>();
  const problems: ImportProblem[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const column = columnOf[field] ?? field;
    if (seen.has(column)) continue;
    seen.add(column);
    problems.push({ row, column, value: cells[column] ?? "", reason: issue.message });
  }
  return problems;
}

export const PROBLEM_REPORT_COLUMNS = ["row", "column", "value", "reason"] as const;

/** The downloadable report of a refused file. */
export function problemReportCsv(problems: readonly ImportProblem[]): string {
  return writeCsv(
    PROBLEM_REPORT_COLUMNS,
    problems.map((p) => [p.row, p.column, p.value, p.reason]),
  );
}
