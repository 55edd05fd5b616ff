import type { Instrument, InstrumentItem, ScoreResult } from "./types";
import { readItemResponses } from "./values";

export const IRLS_SOURCE =
  "The International Restless Legs Syndrome Study Group. Validation of the International Restless Legs Syndrome Study Group rating scale for restless legs syndrome. Sleep Med. 2003;4(2):121-132. Recommended by the Movement Disorder Society task force (Walters AS, et al. Mov Disord Clin Pract 2014).";
const IRLS_CITATION = "IRLS Study Group, Sleep Med 2003";

export const IRLS_ITEM_RANGE = { min: 0, max: 4 } as const;
export const IRLS_TOTAL_RANGE = { min: 0, max: 40 } as const;

type IrlsSeverityBand = { label: string; min: number; max: number };

/** Published severity bands of the total (source: IRLS_SOURCE). */
export const IRLS_SEVERITY_BANDS: readonly IrlsSeverityBand[] = [
  { label: "none", min: 0, max: 0 },
  { label: "mild", min: 1, max: 10 },
  { label: "moderate", min: 11, max: 20 },
  { label: "severe", min: 21, max: 30 },
  { label: "very severe", min: 31, max: 40 },
];

/** Approximate only: the evidence file could not verify the analysis' authors or journal. Negative = improvement. */
export const IRLS_APPROXIMATE_MCID = {
  valuesPoints: [-9, -11] as const,
  note: "Change of 9 to 11 points matched clinicians' 'much improved' ratings in a post hoc pooled analysis of two 6-month rotigotine trials (NCT00136045, NCT00135993); authors and journal not verified, so show it as approximate.",
  source: "post hoc analysis of rotigotine RLS trials",
};

/**
 * The change in points classified as important, either way: the lower end of the approximate MCID
 * range (9 of 9–11 points). The source describes improvement only; a rise as large is this product's
 * mirror rule for worsening.
 */
export const IRLS_IMPORTANT_CHANGE_POINTS = Math.min(...IRLS_APPROXIMATE_MCID.valuesPoints.map(Math.abs));

// The IRLS is copyrighted: item wording may be shown only where the clinic holds a licence,
// so these are short labels in our own words, not the questionnaire wording.
const IRLS_ITEM_LABELS = [
  "Discomfort severity",
  "Need to move",
  "Relief from moving",
  "Sleep disturbance",
  "Tiredness or sleepiness",
  "Overall severity",
  "How often",
  "Time per day",
  "Effect on daily activities",
  "Effect on mood",
];

const IRLS_ITEMS: InstrumentItem[] = IRLS_ITEM_LABELS.map((label, index) => ({
  key: `item_${index + 1}`,
  label,
  min: IRLS_ITEM_RANGE.min,
  max: IRLS_ITEM_RANGE.max,
}));

/** The band containing a total, or undefined for a value that is not a whole number from 0 to 40. */
export function irlsSeverityBand(total: number): IrlsSeverityBand | undefined {
  return IRLS_SEVERITY_BANDS.find((band) => Number.isInteger(total) && total >= band.min && total <= band.max);
}

/** A move between severity bands: a description of severity, not a response to treatment. */
export type IrlsSeverityMove = { from: string; to: string; label: string; source: string };

/** "Severity: moderate → mild"; undefined when either total is not a whole number from 0 to 40. */
export function irlsSeverityMove(baseline: number, current: number): IrlsSeverityMove | undefined {
  const from = irlsSeverityBand(baseline);
  const to = irlsSeverityBand(current);
  if (!from || !to) return undefined;
  const label = from === to ? `Severity: ${from.label} (same band)` : `Severity: ${from.label} → ${to.label}`;
  return { from: from.label, to: to.label, label, source: `Severity bands: ${IRLS_CITATION}` };
}

/** Total = sum of the 10 items (0-40). The evidence file gives no rule for missing items, so all are required. */
export function scoreIrls(items: Record<string, unknown> | undefined): ScoreResult {
  const { responses, errors } = readItemResponses(
    { shortName: "IRLS", items: IRLS_ITEMS },
    items,
    `all ${IRLS_ITEMS.length} IRLS items are required, as there is no published rule for scoring missing items.`,
  );
  if (errors.length > 0) return { ok: false, errors };
  const total = Object.values(responses).reduce<number>((sum, value) => sum + (value ?? 0), 0);
  return { ok: true, total, answeredItems: IRLS_ITEMS.length, itemResponses: responses };
}

export const irls: Instrument = {
  id: "irls",
  name: "International Restless Legs Syndrome Study Group rating scale (IRLS)",
  shortName: "IRLS",
  entry: "items",
  min: IRLS_TOTAL_RANGE.min,
  max: IRLS_TOTAL_RANGE.max,
  unitLabel: "points",
  direction: "higher_is_worse",
  items: IRLS_ITEMS,
  source: IRLS_SOURCE,
  score: (input) => scoreIrls(input?.items),
};
