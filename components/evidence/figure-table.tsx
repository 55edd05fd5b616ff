import { fieldLabel, formatValue } from "./figures";
import { TableScroll } from "@/components/ui/table-scroll";

type FigureRow = { label: string; value: string };

/**
 * Rows for the fields present in a published object, in the order of `labels`, then any field the page
 * does not know yet (so nothing in the evidence file is silently hidden). A field present as null reads "not reported".
 */
export function figureRows(
  source: object,
  labels: Record<string, string>,
  format: Partial<Record<string, (value: unknown) => string>> = {},
): FigureRow[] {
  const fields = Object.entries(source);
  const known = Object.keys(labels).filter((key) => Object.hasOwn(source, key));
  const extra = fields.map(([key]) => key).filter((key) => !Object.hasOwn(labels, key));
  return [...known, ...extra].map((key) => {
    const value = (source as Record<string, unknown>)[key];
    return { label: labels[key] ?? fieldLabel(key), value: (format[key] ?? formatValue)(value) };
  });
}

/** `outcome` names the table's scroll region apart from the same caption under another outcome. */
export function FigureTable({ caption, rows, outcome }: { caption: string; rows: FigureRow[]; outcome: string }) {
  if (rows.length === 0) return null;
  return (
    <TableScroll label={`${outcome}: ${caption}`}>
      <table>
        <caption>{caption}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
