// One rule for every number typed into a form: plain decimal numerals only. "0x10", "1e3", "Infinity",
// "NaN" and "12,5" are refused rather than read as 16, 1000 or a non-number. (A decimal comma is
// refused, not guessed: "1,500" could be one and a half or fifteen hundred.)
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A finite number from a decimal numeral (trimmed) or a finite JS number; undefined for anything else, blank included. */
export function readDecimal(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== "string") return undefined;
  const text = raw.trim();
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined; // 400 digits parse to Infinity
}

export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}
