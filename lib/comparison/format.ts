// Display helpers for patient-derived numbers. Published figures are shown as published (formatFigure).

/** Decimal places as typed: 5.7 -> 1, 56.96 -> 2, 7 -> 0. */
function decimalsOf(x: number): number {
  const text = String(x);
  if (/e/i.test(text)) return MAX_DECIMALS; // exponent form: very small or large; cap it
  return text.split(".")[1]?.length ?? 0;
}

const MAX_DECIMALS = 2;

/**
 * Rounds away binary noise without inventing precision: at most `decimals` places (capped at 2), trailing zeros
 * dropped. 1.2999999999999998 with 1 decimal -> "1.3"; 28.800000000000008 -> "28.8".
 */
export function formatDerived(x: number, decimals = MAX_DECIMALS): string {
  const places = Math.min(Math.max(decimals, 0), MAX_DECIMALS);
  const rounded = Number(x.toFixed(places));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A difference of two typed scores, shown with the precision of the more precise score (at most 2 places). */
export function formatPointChange(points: number, baseline: number, current: number): string {
  return formatDerived(points, Math.max(decimalsOf(baseline), decimalsOf(current)));
}

/** Weeks since start, one decimal at most (days / 7 is rarely whole). */
export function formatWeeks(weeks: number): string {
  return formatDerived(weeks, 1);
}

/** "Pain NRS" -> "pain NRS"; "FIQR" stays "FIQR". */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

export function plural(count: string, one: string, many: string): string {
  return count === "1" ? one : many;
}
