import { IMMPACT_SOURCE } from "./published";
import type { Instrument } from "./types";
import { type Range, scoreSingleValue } from "./values";

export const PGIC_RANGE: Range = { min: 1, max: 7, wholeNumbers: true };

/** PGIC_LABELS[value - 1] is the label of a rating. */
export const PGIC_LABELS = [
  "very much improved",
  "much improved",
  "minimally improved",
  "no change",
  "minimally worse",
  "much worse",
  "very much worse",
] as const;

type PgicLabel = (typeof PGIC_LABELS)[number];

/** The rating each IMMPACT level corresponds to (pgic.thresholds; source "IMMPACT 2008"). */
export const PGIC_THRESHOLDS = {
  minimallyImportant: "minimally improved",
  moderatelyImportant: "much improved",
  substantial: "very much improved",
  source: IMMPACT_SOURCE,
} as const;

export function pgicLabel(value: number): PgicLabel | undefined {
  return Number.isInteger(value) ? PGIC_LABELS[value - 1] : undefined;
}

export const pgic: Instrument = {
  id: "pgic",
  name: "Patient Global Impression of Change",
  shortName: "PGIC",
  entry: "total",
  min: PGIC_RANGE.min,
  max: PGIC_RANGE.max,
  unitLabel: "",
  // 1 = very much improved ... 7 = very much worse.
  direction: "higher_is_worse",
  items: [],
  source: IMMPACT_SOURCE,
  score: (input) => scoreSingleValue("PGIC", PGIC_RANGE, input?.total),
};
