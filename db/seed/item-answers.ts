import { getInstrument } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";
import { seededRandom } from "./random";

/**
 * Item answers for a synthetic assessment at a given severity (0..1), scored by the instrument's own
 * published rule, so demo totals are computed exactly as a clinician's entry would be.
 */
export function synthesiseScore(instrumentId: InstrumentId, severity: number, seed: number) {
  const instrument = getInstrument(instrumentId);
  if (!instrument) throw new Error(`Unknown instrument ${instrumentId}`);
  const random = seededRandom(seed);
  if (instrument.entry === "items") {
    const items = Object.fromEntries(
      instrument.items.map((item) => {
        const spread = (item.max - item.min) * 0.15;
        const value = Math.round(item.min + severity * (item.max - item.min) + (random() * 2 - 1) * spread);
        return [item.key, Math.min(item.max, Math.max(item.min, value))];
      }),
    );
    const result = instrument.score({ items });
    if (!result.ok) throw new Error(`Seed produced an invalid ${instrumentId}: ${result.errors[0]?.message}`);
    return { total: result.total, itemResponses: items as Record<string, number | null> };
  }
  const total = Math.round(instrument.min + severity * (instrument.max - instrument.min));
  const result = instrument.score({ total });
  if (!result.ok) throw new Error(`Seed produced an invalid ${instrumentId}: ${result.errors[0]?.message}`);
  return { total: result.total, itemResponses: null };
}
