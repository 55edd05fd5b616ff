import type { FieldError, Instrument, InstrumentItem, ScoreResult } from "./types";
import { readItemResponses } from "./values";

export const FIQR_SOURCE =
  "Bennett RM, Friend R, Jones KD, et al. The Revised Fibromyalgia Impact Questionnaire (FIQR): validation and psychometric properties. Arthritis Res Ther. 2009;11(4):R120. doi:10.1186/ar2783. PMID 19664287. Scoring guidelines published by the authors (myalgia.com FIQR scoring page).";

export const FIQR_ITEM_RANGE = { min: 0, max: 10 } as const;
const FIQR_TOTAL_RANGE = { min: 0, max: 100 } as const;

/** Domains in questionnaire order; divideSumBy and max as published by Bennett et al. 2009 (source above). */
export const FIQR_DOMAINS = [
  {
    id: "function",
    label: "Function",
    divideSumBy: 3,
    max: 30,
    itemLabels: [
      "Brush or comb your hair",
      "Walk continuously for 20 minutes",
      "Prepare a homemade meal",
      "Vacuum, scrub or sweep floors",
      "Lift and carry a bag full of groceries",
      "Climb one flight of stairs",
      "Change bed sheets",
      "Sit in a chair for 45 minutes",
      "Go shopping for groceries",
    ],
  },
  {
    id: "overall",
    label: "Overall impact",
    divideSumBy: 1,
    max: 20,
    itemLabels: [
      "Fibromyalgia prevented me from accomplishing goals for the week",
      "I was completely overwhelmed by my fibromyalgia symptoms",
    ],
  },
  {
    id: "symptoms",
    label: "Symptoms",
    divideSumBy: 2,
    max: 50,
    itemLabels: [
      "Pain",
      "Energy",
      "Stiffness",
      "Sleep quality",
      "Depression",
      "Memory problems",
      "Anxiety",
      "Tenderness to touch",
      "Balance problems",
      "Sensitivity to loud noises, bright lights, odors and cold",
    ],
  },
] as const;

const FIQR_ITEMS: InstrumentItem[] = FIQR_DOMAINS.flatMap((domain) =>
  domain.itemLabels.map((label, index) => ({
    key: `${domain.id}_${index + 1}`,
    label,
    min: FIQR_ITEM_RANGE.min,
    max: FIQR_ITEM_RANGE.max,
    domain: domain.id,
  })),
);

/**
 * Total = function sum/3 + overall sum/1 + symptoms sum/2 (0-100, higher is worse), never rounded.
 * Missing items, per the published rule: a domain with x of n items answered has its raw sum
 * multiplied by n/x before dividing. A domain with no answers cannot be scored.
 */
export function scoreFiqr(items: Record<string, unknown> | undefined): ScoreResult {
  const { responses, errors } = readItemResponses({ shortName: "FIQR", items: FIQR_ITEMS }, items, null);
  const domainErrors: FieldError[] = [];
  const domains: Record<string, number> = {};
  for (const domain of FIQR_DOMAINS) {
    const keys = FIQR_ITEMS.filter((item) => item.domain === domain.id).map((item) => item.key);
    const answers = keys.map((key) => responses[key]).filter((value): value is number => value !== null);
    if (answers.length === 0) {
      // When the domain's only answers were refused, the item errors already say why; "no answers" would mislead.
      const itemsRefused = errors.some((error) => keys.includes(error.field));
      if (!itemsRefused) {
        domainErrors.push({
          field: domain.id,
          message: `The ${domain.label} domain has no answers, so the FIQR cannot be scored: answer at least one of its ${keys.length} items.`,
        });
      }
      continue;
    }
    const rawSum = answers.reduce((sum, value) => sum + value, 0);
    const proratedSum = answers.length === domain.itemLabels.length ? rawSum : (rawSum * domain.itemLabels.length) / answers.length;
    domains[domain.id] = proratedSum / domain.divideSumBy;
  }
  if (errors.length > 0 || domainErrors.length > 0) return { ok: false, errors: [...errors, ...domainErrors] };
  const total = FIQR_DOMAINS.reduce((sum, domain) => sum + domains[domain.id], 0);
  const answeredItems = Object.values(responses).filter((value) => value !== null).length;
  return { ok: true, total, domains, answeredItems, itemResponses: responses };
}

export const fiqr: Instrument = {
  id: "fiqr",
  name: "Revised Fibromyalgia Impact Questionnaire (FIQR)",
  shortName: "FIQR",
  entry: "items",
  min: FIQR_TOTAL_RANGE.min,
  max: FIQR_TOTAL_RANGE.max,
  unitLabel: "points",
  direction: "higher_is_worse",
  items: FIQR_ITEMS,
  source: FIQR_SOURCE,
  score: (input) => scoreFiqr(input?.items),
};
