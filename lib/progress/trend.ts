import { LIST_TREND_PREFERENCE } from "@/lib/domain/instruments";
import { getInstrument } from "@/lib/instruments";
import { summarizeInstrument, type SummaryInput } from "./progress";

export type Trend = { direction: "improving" | "stable" | "worsening"; instrument: string; label: string };

const DIRECTION = { improved: "improving", unchanged: "stable", worsened: "worsening", unknown: null } as const;

/**
 * The patient's trend is the Progress view's summary of the first preferred instrument that has one:
 * the followed course's baseline → latest follow-up (lib/progress/timeline.ts), as classified there.
 * Null when no instrument has a baseline and a follow-up, or when that change cannot be classified.
 */
export function patientTrend(record: SummaryInput): Trend | null {
  for (const instrumentId of LIST_TREND_PREFERENCE) {
    const { category } = summarizeInstrument(instrumentId, record);
    if (!category) continue;
    const direction = DIRECTION[category.direction];
    return direction && { direction, instrument: getInstrument(instrumentId)!.shortName, label: category.label };
  }
  return null;
}
