import { parse } from "csv-parse/sync";

/** One data record of a CSV file: `row` is its row number as a spreadsheet shows it (the header is row 1). */
export type CsvRecord = { row: number; cells: Record<string, string> };

export type ParsedCsv =
  | { ok: true; delimiter: "," | ";"; columns: string[]; records: CsvRecord[] }
  | { ok: false; row: number | null; reason: string };

/**
 * The separator of a file: whichever of `;` and `,` occurs more often in its header line (outside
 * quotes). Spreadsheets in locales with a decimal comma save with `;`; a tie means `,`.
 */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Header names as written in the templates: trimmed, lower case. */
export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Parses a CSV text with csv-parse: RFC 4180 quotes (embedded separators, quotes and newlines), a
 * UTF-8 byte-order mark, `,` or `;` separators. Empty lines are skipped; a record with more or fewer
 * cells than the header is refused with its row number.
 */
export function parseCsv(text: string): ParsedCsv {
  const withoutBom = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(withoutBom);
  let rows: string[][];
  try {
    rows = parse(withoutBom, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const message = error instanceof Error ? error.message.replace(/^Invalid [^:]*:\s*/, "") : "unreadable CSV";
    return { ok: false, row: typeof lines === "number" ? lines : null, reason: `The file is not valid CSV: ${message}` };
  }
  if (rows.length === 0) return { ok: false, row: null, reason: "The file is empty: it needs a header row naming the columns." };
  const columns = rows[0].map(normaliseColumnName);
  const duplicate = columns.find((name, index) => name !== "" && columns.indexOf(name) !== index);
  if (duplicate) return { ok: false, row: 1, reason: `The column "${duplicate}" appears twice in the header.` };
  const records: CsvRecord[] = new Array(rows.length - 1);
  for (let index = 1; index < rows.length; index++) {
    const cells: Record<string, string> = {};
    for (let column = 0; column < columns.length; column++) cells[columns[column]] = rows[index][column] ?? "";
    records[index - 1] = { row: index + 1, cells };
  }
  return { ok: true, delimiter, columns, records };
}
