import { LIST_TREND_PREFERENCE } from "@/lib/domain/instruments";
import { getInstrument } from "@/lib/instruments";
import { classifyResponse } from "@/lib/instruments/response";
import type { InstrumentId } from "@/lib/instruments/types";

export type Score = { instrumentId: InstrumentId; takenOn: string; totalScore: number };
export type Trend = { direction: "improving" | "stable" | "worsening"; instrument: string; label: string };

// The instrument a list's trend follows, in this order: the condition-specific composite first.
const TREND_PREFERENCE: readonly InstrumentId[] = LIST_TREND_PREFERENCE;

/**
 * Improving / stable / worsening from the first to the latest score of the patient's main
 * instrument, judged by that instrument's published threshold (classifyResponse). Null with fewer
 * than two scores or when the change cannot be classified.
 */
export function patientTrend(scores: Score[]): Trend | null {
  for (const instrumentId of TREND_PREFERENCE) {
    const series = scores.filter((s) => s.instrumentId === instrumentId).sort((a, b) => a.takenOn.localeCompare(b.takenOn));
    if (series.length < 2) continue;
    const category = classifyResponse(instrumentId, series[0].totalScore, series[series.length - 1].totalScore);
    const direction = category.direction === "improved" ? "improving" : category.direction === "worsened" ? "worsening" : category.direction === "unchanged" ? "stable" : null;
    if (!direction) return null;
    return { direction, instrument: getInstrument(instrumentId)!.shortName, label: category.label };
  }
  return null;
}
