import { getInstrument, instrumentIds, type InstrumentId } from "@/lib/instruments";

type Scored = { instrumentId: InstrumentId; takenOn: string; totalScore: number };

export type LatestScore = { instrumentId: InstrumentId; instrumentName: string; total: number; max: number | null; takenOn: string };

/**
 * The most recent score on each instrument, in the registry's display order. The input is in time
 * order (date, then entry time), so among scores of one day the one entered last counts as latest.
 */
export function latestScorePerInstrument(assessments: readonly Scored[]): LatestScore[] {
  const latest = new Map<InstrumentId, Scored>();
  for (const assessment of assessments) {
    const seen = latest.get(assessment.instrumentId);
    if (!seen || assessment.takenOn >= seen.takenOn) latest.set(assessment.instrumentId, assessment);
  }
  return instrumentIds.flatMap((id) => {
    const found = latest.get(id);
    if (!found) return [];
    const instrument = getInstrument(id);
    return [
      {
        instrumentId: id,
        instrumentName: instrument?.shortName ?? id,
        total: found.totalScore,
        max: instrument?.max ?? null,
        takenOn: found.takenOn,
      },
    ];
  });
}
