import type { Ci95 } from "@/lib/evidence/types";
import type { ArmComparison, CiPosition, MeanPosition, OverallPosition, TrialMetric } from "./types";

// Patients' scores are typed decimals, but binary floating point turns 5.7 - 7 into -1.2999999999999998.
// Figures closer than this (relative to their size) are treated as equal.
export const FIGURE_TOLERANCE = 1e-9;

export function compareFigures(a: number, b: number): -1 | 0 | 1 {
  if (Math.abs(a - b) <= FIGURE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))) return 0;
  return a < b ? -1 : 1;
}

/**
 * The metric turned so that larger = more improvement. Every trial outcome benchmarked here is on a
 * higher-is-worse scale (pain, FIQ/FIQR, IRLS), so a negative change is an improvement.
 */
function improvementOf(value: number, metric: TrialMetric): number {
  return metric === "change-points" ? -value : value;
}

export function positionVsMean(patientValue: number, mean: number, metric: TrialMetric): MeanPosition {
  const order = compareFigures(improvementOf(patientValue, metric), improvementOf(mean, metric));
  return order > 0 ? "more-improvement" : order < 0 ? "less-improvement" : "same";
}

export function positionVsCi(patientValue: number, ci95: Ci95 | null | undefined, metric: TrialMetric): CiPosition {
  if (!ci95) return "ci-not-reported";
  const bounds = ci95.map((x) => improvementOf(x, metric));
  const patient = improvementOf(patientValue, metric);
  if (compareFigures(patient, Math.max(...bounds)) > 0) return "more-improvement-than-ci";
  if (compareFigures(patient, Math.min(...bounds)) < 0) return "less-improvement-than-ci";
  return "within-ci";
}

export function overallPosition(arms: readonly Pick<ArmComparison, "patientVsMean">[]): OverallPosition | null {
  const positions = arms.map((a) => a.patientVsMean).filter((p): p is MeanPosition => p !== null);
  if (positions.length === 0) return null;
  if (positions.includes("same")) return "at-an-arm-mean";
  if (positions.every((p) => p === "more-improvement")) return "exceeds-all-arm-means";
  if (positions.every((p) => p === "less-improvement")) return "below-all-arm-means";
  return "between-arm-means";
}
