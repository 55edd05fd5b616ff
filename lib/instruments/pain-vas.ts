import { IMMPACT_SOURCE } from "./published";
import type { Instrument } from "./types";
import { type Range, scoreSingleValue } from "./values";

/** Millimetres along a 100 mm line; decimals allowed. */
const PAIN_VAS_RANGE: Range = { min: 0, max: 100, wholeNumbers: false };

export const painVas: Instrument = {
  id: "pain_vas_0_100",
  name: "Pain visual analogue scale, 0-100 mm",
  shortName: "Pain VAS",
  entry: "total",
  min: PAIN_VAS_RANGE.min,
  max: PAIN_VAS_RANGE.max,
  unitLabel: "mm",
  direction: "higher_is_worse",
  items: [],
  // The file gives the VAS no citation of its own; its thresholds are IMMPACT's.
  source: IMMPACT_SOURCE,
  score: (input) => scoreSingleValue("Pain VAS", PAIN_VAS_RANGE, input?.total),
};
