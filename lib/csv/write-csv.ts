import { stringify } from "csv-stringify/sync";
import { guardCell, plainDecimal } from "./cell-guard";

export type CsvValue = string | number | null | undefined;

/** One cell: numbers as plain decimals, text guarded against formula injection, null as empty. */
export function csvCellText(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? plainDecimal(value) : guardCell(value);
}

/** A CSV file (RFC 4180, CRLF line ends, quotes only where needed) with a header row. */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([[...columns], ...rows.map((row) => row.map(csvCellText))], { record_delimiter: "windows" });
}
