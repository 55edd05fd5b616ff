import { isBlank, readDecimal } from "@/lib/validation/decimal";
import type { FieldError, Instrument, InstrumentItem, ScoreResult } from "./types";

type ReadValue = { kind: "missing" } | { kind: "number"; value: number } | { kind: "invalid" };

/** Reads one answer: null, undefined and blank strings are "missing"; anything that is not a finite number is "invalid". */
function readValue(raw: unknown): ReadValue {
  if (isBlank(raw)) return { kind: "missing" };
  const value = readDecimal(raw);
  return value === undefined ? { kind: "invalid" } : { kind: "number", value };
}

export type Range = { min: number; max: number; wholeNumbers: boolean };

function isInRange(value: number, range: Range): boolean {
  return value >= range.min && value <= range.max && (!range.wholeNumbers || Number.isInteger(value));
}

function describeRange(range: Range): string {
  return `${range.wholeNumbers ? "a whole number" : "a number"} from ${range.min} to ${range.max}`;
}

/** Scores a one-value instrument (FIQ total, pain NRS/VAS, PGIC): the value entered is the score. */
export function scoreSingleValue(shortName: string, range: Range, raw: unknown): ScoreResult {
  const read = readValue(raw);
  if (read.kind === "missing") return fail("total", `${shortName} is missing: enter ${describeRange(range)}.`);
  if (read.kind === "invalid" || !isInRange(read.value, range)) return fail("total", `${shortName} must be ${describeRange(range)}.`);
  return { ok: true, total: read.value };
}

function fail(field: string, message: string): ScoreResult {
  return { ok: false, errors: [{ field, message }] };
}

function itemName(item: InstrumentItem): string {
  const number = /_(\d+)$/.exec(item.key)?.[1] ?? item.key;
  return `Item ${number} "${item.label}"`;
}

type ItemResponses = { responses: Record<string, number | null>; errors: FieldError[] };

/**
 * Reads item-level answers (whole numbers within each item's range). Unknown keys are refused.
 * missingItemRule is the message suffix for a missing item, or null when the instrument allows missing items.
 */
export function readItemResponses(
  instrument: Pick<Instrument, "shortName" | "items">,
  raw: Record<string, unknown> | undefined,
  missingItemRule: string | null,
): ItemResponses {
  const answers: Record<string, unknown> = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
  const known = new Set(instrument.items.map((item) => item.key));
  const errors: FieldError[] = Object.keys(answers)
    .filter((key) => !known.has(key))
    .map((key) => ({ field: key, message: `"${key}" is not an item of the ${instrument.shortName}.` }));
  const responses: Record<string, number | null> = {};
  for (const item of instrument.items) {
    const range: Range = { min: item.min, max: item.max, wholeNumbers: true };
    const read = Object.hasOwn(answers, item.key) ? readValue(answers[item.key]) : ({ kind: "missing" } as const);
    responses[item.key] = read.kind === "number" ? read.value : null;
    if (read.kind === "missing" && missingItemRule !== null) {
      errors.push({ field: item.key, message: `${itemName(item)} is missing: ${missingItemRule}` });
    } else if (read.kind === "invalid" || (read.kind === "number" && !isInRange(read.value, range))) {
      errors.push({ field: item.key, message: `${itemName(item)} must be ${describeRange(range)}.` });
    }
  }
  return { responses, errors };
}
