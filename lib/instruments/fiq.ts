import type { Instrument } from "./types";
import { type Range, scoreSingleValue } from "./values";

export const FIQ_SOURCE =
  "Burckhardt CS, Clark SR, Bennett RM. J Rheumatol 1991 (original FIQ); MCID from Bennett et al. J Rheumatol 2009;36:1304-1311.";

/** Only the total is stored: the evidence file does not reproduce the original item-level algorithm. */
const FIQ_TOTAL_RANGE: Range = { min: 0, max: 100, wholeNumbers: false };

export const fiq: Instrument = {
  id: "fiq",
  name: "Fibromyalgia Impact Questionnaire (original, 1991)",
  shortName: "FIQ",
  entry: "total",
  min: FIQ_TOTAL_RANGE.min,
  max: FIQ_TOTAL_RANGE.max,
  unitLabel: "points",
  direction: "higher_is_worse",
  items: [],
  source: FIQ_SOURCE,
  score: (input) => scoreSingleValue("FIQ total", FIQ_TOTAL_RANGE, input?.total),
};
