// The outcome instruments Yardstick records, written once. The database's CHECK constraint, the
// input validation, the forms and every ordering derive from this module. Pure: no Drizzle, no
// server-only code, so client components may import it.

/** Every instrument id. This order is the one in the database's CHECK constraint (see db/schema.ts). */
export const INSTRUMENT_IDS = ["fiqr", "fiq", "pain_nrs_0_10", "pain_vas_0_100", "irls", "pgic"] as const;

export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

type Placement = {
  /** Position on the patient's progress view and in the instrument picker (1 = first). */
  display: number;
  /** Rank as the instrument a patient list's trend follows (1 = preferred); null = never used for a trend. */
  listTrend: number | null;
};

// A Record over InstrumentId: adding an instrument fails the typecheck until it is placed here.
const PLACEMENT: Record<InstrumentId, Placement> = {
  // The condition-specific composites first in both orders; PGIC (a rating of change) last on the
  // progress view and never a trend, as it has no baseline to compare with.
  fiqr: { display: 1, listTrend: 1 },
  fiq: { display: 2, listTrend: 3 },
  pain_nrs_0_10: { display: 3, listTrend: 4 },
  pain_vas_0_100: { display: 4, listTrend: 5 },
  irls: { display: 5, listTrend: 2 },
  pgic: { display: 6, listTrend: null },
};

/** The order instruments appear in on the progress view and in the assessment form. */
export const INSTRUMENT_DISPLAY_ORDER: readonly InstrumentId[] = [...INSTRUMENT_IDS].sort(
  (a, b) => PLACEMENT[a].display - PLACEMENT[b].display,
);

/** The instruments a patient list's trend may follow, most preferred first. */
export const LIST_TREND_PREFERENCE: readonly InstrumentId[] = INSTRUMENT_IDS.filter((id) => PLACEMENT[id].listTrend !== null).sort(
  (a, b) => PLACEMENT[a].listTrend! - PLACEMENT[b].listTrend!,
);

export function isInstrumentId(value: unknown): value is InstrumentId {
  return typeof value === "string" && (INSTRUMENT_IDS as readonly string[]).includes(value);
}
