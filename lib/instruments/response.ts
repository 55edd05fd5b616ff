import { changeReachesPercent } from "./exact-percent";
import { getInstrument } from "./index";
import { IRLS_APPROXIMATE_MCID, IRLS_IMPORTANT_CHANGE_POINTS, type IrlsSeverityMove, irlsSeverityMove } from "./irls";
import { PGIC_RANGE, PGIC_THRESHOLDS, pgicLabel } from "./pgic";
import { FIQ_MCID, FIQ_MCID_CITATION, IMMPACT_CITATION, IMMPACT_PCT_REDUCTION } from "./published";
import type { Instrument, InstrumentId } from "./types";

export type ResponseCategory = {
  key: "substantial" | "moderate" | "minimal" | "meaningful" | "no_important_change" | "worsened" | "not_classifiable";
  label: string;
  direction: "improved" | "unchanged" | "worsened" | "unknown";
  source: string;
  reason?: string;
  /** IRLS only: the move between severity bands, shown beside the response, never as the response. */
  severity?: IrlsSeverityMove;
};

// The published thresholds describe improvement only. Treating a rise of the same size as worsening
// is this product's rule, and the sources of "worsened" results say so.
const MIRRORED = "mirrored for worsening (product rule)";

/** points = current - baseline (negative = fell); percent of baseline, null when baseline is 0. Never rounded. */
export function changeFromBaseline(baseline: number, current: number): { points: number; percent: number | null } {
  // Multiplying before dividing keeps whole-number cases exact: (7 - 10) * 100 / 10 is exactly -30.
  return { points: current - baseline, percent: baseline === 0 ? null : ((current - baseline) * 100) / baseline };
}

/** (baseline - current) / baseline * 100: positive = fell. Null when baseline is 0. Never rounded. */
export function percentReduction(baseline: number, current: number): number | null {
  return baseline === 0 ? null : ((baseline - current) * 100) / baseline;
}

function notClassifiable(reason: string, source: string): ResponseCategory {
  return { key: "not_classifiable", label: "Not classifiable", direction: "unknown", source, reason };
}

const BASELINE_ZERO = "Baseline is 0, so a percentage change from baseline cannot be calculated.";

function reductionReaches(baseline: number, current: number, percent: number): boolean {
  return changeReachesPercent(baseline, current, baseline, percent);
}

function increaseReaches(baseline: number, current: number, percent: number): boolean {
  return changeReachesPercent(current, baseline, baseline, percent);
}

/** Pain NRS and VAS: IMMPACT percent-reduction levels (Dworkin et al. 2008). */
function classifyPain(baseline: number, current: number): ResponseCategory {
  if (baseline === 0) return notClassifiable(BASELINE_ZERO, IMMPACT_CITATION);
  const { substantial, moderatelyImportant } = IMMPACT_PCT_REDUCTION;
  const [minimal, minimalUpper] = IMMPACT_PCT_REDUCTION.minimallyImportant;
  if (reductionReaches(baseline, current, substantial)) {
    return {
      key: "substantial",
      label: `Substantial improvement (≥${substantial}% reduction)`,
      direction: "improved",
      source: IMMPACT_CITATION,
    };
  }
  if (reductionReaches(baseline, current, moderatelyImportant)) {
    return {
      key: "moderate",
      label: `Moderate improvement (≥${moderatelyImportant}% reduction)`,
      direction: "improved",
      source: IMMPACT_CITATION,
    };
  }
  if (reductionReaches(baseline, current, minimal)) {
    return {
      key: "minimal",
      label: `Minimal improvement (≥${minimal}% reduction)`,
      direction: "improved",
      source: `${IMMPACT_CITATION}: minimally important ${minimal}–${minimalUpper}% reduction`,
    };
  }
  if (increaseReaches(baseline, current, minimal)) {
    return {
      key: "worsened",
      label: `Worsened (≥${minimal}% increase)`,
      direction: "worsened",
      source: `${IMMPACT_CITATION}, ${MIRRORED}`,
    };
  }
  return {
    key: "no_important_change",
    label: `No important change (less than ${minimal}% either way)`,
    direction: "unchanged",
    source: IMMPACT_CITATION,
  };
}

/** FIQ, and FIQR by carrying over the FIQ's MCID as the evidence file's note allows, labelled as such. */
function classifyFibromyalgiaImpact(baseline: number, current: number, isFiqr: boolean): ResponseCategory {
  const source = isFiqr ? `${FIQ_MCID_CITATION}, the FIQ's MCID applied to the FIQR` : FIQ_MCID_CITATION;
  if (baseline === 0) return notClassifiable(BASELINE_ZERO, source);
  const mcid = FIQ_MCID.pctReduction;
  const whose = isFiqr ? "the FIQ's MCID, applied to the FIQR" : "the FIQ's MCID";
  if (reductionReaches(baseline, current, mcid)) {
    return { key: "meaningful", label: `Meaningful improvement (≥${mcid}% reduction, ${whose})`, direction: "improved", source };
  }
  if (increaseReaches(baseline, current, mcid)) {
    return { key: "worsened", label: `Worsened (≥${mcid}% increase)`, direction: "worsened", source: `${source}, ${MIRRORED}` };
  }
  return { key: "no_important_change", label: `No important change (less than ${mcid}% either way)`, direction: "unchanged", source };
}

function irlsSource(): string {
  const points = IRLS_APPROXIMATE_MCID.valuesPoints.map(Math.abs);
  return (
    `Approximate MCID: a fall of ${Math.min(...points)}–${Math.max(...points)} points matched clinicians' "much improved" ratings ` +
    `(${IRLS_APPROXIMATE_MCID.source}; authors and journal not verified); the lower end, ${IRLS_IMPORTANT_CHANGE_POINTS} points, is used`
  );
}

/**
 * IRLS: the change in points against the approximate MCID, never the severity band (a 1-point
 * change can cross a band edge; a 9-point fall can stay inside one). The band move rides along as
 * `severity`.
 */
function classifyIrls(baseline: number, current: number): ResponseCategory {
  const source = irlsSource();
  const severity = irlsSeverityMove(baseline, current);
  if (!severity) {
    const value = Number.isInteger(baseline) ? current : baseline;
    return notClassifiable(`IRLS total ${value} is not a whole number: a total is the sum of ten item scores from 0 to 4.`, source);
  }
  const threshold = IRLS_IMPORTANT_CHANGE_POINTS;
  const { points } = changeFromBaseline(baseline, current);
  if (points <= -threshold) {
    return {
      key: "meaningful",
      label: `Meaningful improvement (fell ${threshold} or more points; approximate threshold)`,
      direction: "improved",
      source,
      severity,
    };
  }
  if (points >= threshold) {
    return {
      key: "worsened",
      label: `Worsened (rose ${threshold} or more points; this product's mirror of the improvement threshold)`,
      direction: "worsened",
      source: `${source}; ${MIRRORED}`,
      severity,
    };
  }
  return {
    key: "no_important_change",
    label: `No important change (less than ${threshold} points either way)`,
    direction: "unchanged",
    source,
    severity,
  };
}

/** PGIC is itself a rating of change, so it is classified by its own value (IMMPACT 2008 levels). */
export function classifyPgic(value: number): ResponseCategory {
  const source = `PGIC levels: ${IMMPACT_CITATION}`;
  const label = pgicLabel(value);
  if (!label) return notClassifiable(`PGIC ${value} is not a whole number from ${PGIC_RANGE.min} to ${PGIC_RANGE.max}.`, source);
  const rating = `PGIC ${value}: ${label}`;
  if (label === PGIC_THRESHOLDS.substantial)
    return { key: "substantial", label: `Substantial improvement (${rating})`, direction: "improved", source };
  if (label === PGIC_THRESHOLDS.moderatelyImportant)
    return { key: "moderate", label: `Moderate improvement (${rating})`, direction: "improved", source };
  if (label === PGIC_THRESHOLDS.minimallyImportant)
    return { key: "minimal", label: `Minimal improvement (${rating})`, direction: "improved", source };
  if (label === "no change")
    return { key: "no_important_change", label: `No important change (${rating})`, direction: "unchanged", source };
  return { key: "worsened", label: `Worsened (${rating})`, direction: "worsened", source: `${source}, ${MIRRORED}` };
}

function rangeProblem(instrument: Instrument, value: number, what: string): string | undefined {
  if (Number.isFinite(value) && value >= instrument.min && value <= instrument.max) return undefined;
  return `${what} ${value} is outside the ${instrument.shortName} range ${instrument.min} to ${instrument.max}.`;
}

/** Classifies a patient's change from baseline by the instrument's published rule. Never throws. */
export function classifyResponse(instrumentId: InstrumentId, baseline: number, current: number): ResponseCategory {
  const instrument = getInstrument(instrumentId);
  if (!instrument) return notClassifiable(`Unknown instrument "${instrumentId}".`, "");
  if (instrument.id === "pgic") return classifyPgic(current);
  const problem = rangeProblem(instrument, baseline, "Baseline") ?? rangeProblem(instrument, current, "Current value");
  if (problem) return notClassifiable(problem, instrument.source);
  switch (instrument.id) {
    case "pain_nrs_0_10":
    case "pain_vas_0_100":
      return classifyPain(baseline, current);
    case "fiq":
      return classifyFibromyalgiaImpact(baseline, current, false);
    case "fiqr":
      return classifyFibromyalgiaImpact(baseline, current, true);
    case "irls":
      return classifyIrls(baseline, current);
  }
}
