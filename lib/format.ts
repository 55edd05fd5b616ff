/** A score as entered or computed, without inventing precision: up to 2 decimals, trailing zeros dropped. */
export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

export function formatSigned(value: number, unit = ""): string {
  const text = formatScore(Math.abs(value));
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${text}${unit}`;
}

/** "admin, clinician or viewer": the allowed values of a field, for its error message. */
export function formatChoices(values: readonly string[]): string {
  return values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}
