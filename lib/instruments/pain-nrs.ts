import { IMMPACT_SOURCE } from "./published";
import type { Instrument } from "./types";
import { type Range, scoreSingleValue } from "./values";

/** 11-point scale: 0 = no pain, 10 = worst possible pain. */
const PAIN_NRS_RANGE: Range = { min: 0, max: 10, wholeNumbers: true };

export const painNrs: Instrument = {
  id: "pain_nrs_0_10",
  name: "Pain intensity, 11-point numeric rating scale (0 = no pain, 10 = worst possible pain)",
  shortName: "Pain NRS",
  entry: "total",
  min: PAIN_NRS_RANGE.min,
  max: PAIN_NRS_RANGE.max,
  unitLabel: "points",
  direction: "higher_is_worse",
  items: [],
  source: IMMPACT_SOURCE,
  score: (input) => scoreSingleValue("Pain NRS", PAIN_NRS_RANGE, input?.total),
};
