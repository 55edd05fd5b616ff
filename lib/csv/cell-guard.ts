// Formula-injection ("CSV injection", OWASP) guarding for text written into CSV files a spreadsheet
// may open. A text cell that starts with = + - @ tab or carriage return gets a leading apostrophe, so
// a spreadsheet shows it as text instead of running it. A text that already starts with an apostrophe
// gets one more, so the import can undo the guard exactly. Numbers are written by the exporter as
// plain decimals (plainDecimal) and never guarded: a decimal numeral is not a formula, and none of the
// exported numbers is negative, so "-" never starts one.

const TRIGGERS = /^[=+\-@\t\r']/;

/** The text as written into an exported CSV cell. */
export function guardCell(text: string): string {
  return TRIGGERS.test(text) ? `'${text}` : text;
}

/** The text an imported cell stands for: one guard apostrophe (before a trigger or another apostrophe) is removed. */
export function unguardCell(text: string): string {
  return /^'[=+\-@\t\r']/.test(text) ? text.slice(1) : text;
}

/** A number as a plain decimal numeral, never in exponent form (which the importer refuses), exactly as stored. */
export function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}
