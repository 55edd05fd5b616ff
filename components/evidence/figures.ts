import { formatFigure, NOT_REPORTED, type Ci95 } from "@/lib/evidence";

/** "-1.7 to -0.8" exactly as published, or "not reported". */
export function formatCi(ci: Ci95 | null | undefined): string {
  return ci ? `${formatFigure(ci[0])} to ${formatFigure(ci[1])}` : NOT_REPORTED;
}

/**
 * A published proportion (0.45) as a percentage ("45%"), made by moving the decimal point in the
 * figure's written form: 0.45 * 100 is 45.00000000000001 in floating point, and figures are never rounded.
 */
export function formatRateAsPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return NOT_REPORTED;
  const written = String(rate);
  if (/e/i.test(written) || rate < 0) return `${written} (proportion)`;
  const [whole, fraction = ""] = written.split(".");
  const digits = fraction.padEnd(2, "0");
  const percentWhole = `${whole}${digits.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const percentFraction = digits.slice(2);
  return `${percentWhole}${percentFraction ? `.${percentFraction}` : ""}%`;
}

/** Any published value, for fields the page has no special layout for. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return NOT_REPORTED;
  if (typeof value === "number") return formatFigure(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === "number")) return formatCi(value as Ci95);
  if (Array.isArray(value)) return value.map(formatValue).join("; ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([key, v]) => `${key}: ${formatValue(v)}`)
      .join(", ");
  }
  return String(value);
}

/** "week 12", or one time point per arm for crossover designs (younger-2013: LDN week 12, placebo week 4). */
export function formatTimepoint(timepoint: number | Record<string, number> | null | undefined, armName: (arm: string) => string): string {
  if (timepoint === null || timepoint === undefined) return NOT_REPORTED;
  if (typeof timepoint === "number") return `week ${formatFigure(timepoint)}`;
  return Object.entries(timepoint)
    .map(([arm, weeks]) => `${armName(arm)}: week ${formatFigure(weeks)}`)
    .join(", ");
}

/** A field name of the evidence file as a label: "seed_discrepancy" -> "Seed discrepancy". */
export function fieldLabel(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
