import { writeCsv } from "@/lib/csv/write-csv";
import { COLUMNS, TEMPLATE_EXAMPLES, type ImportKind } from "./formats";

/** The downloadable template of a kind: the header and the example rows. */
export function templateCsv(kind: ImportKind): string {
  const columns = COLUMNS[kind];
  return writeCsv(
    columns,
    TEMPLATE_EXAMPLES[kind].map((example) => columns.map((c) => example[c] ?? "")),
  );
}
