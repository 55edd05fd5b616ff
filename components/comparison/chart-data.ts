import type { ComparisonResult } from "@/lib/comparison";
import { formatDerived, formatPointChange, formatWeeks } from "@/lib/comparison/format";
import type { InstrumentTrajectory } from "@/lib/data/comparisons";
import { formatFigure, NOT_REPORTED } from "@/lib/evidence";
import { getInstrument } from "@/lib/instruments";
import type { ChartArm, ChartPatientPoint, ComparisonChartProps } from "./comparison-chart";

/** "Change from baseline (NRS points)" for a raw-change trial, "Reduction from baseline (%)" for a % trial. */
function yAxisLabel(result: ComparisonResult): string {
  if (result.metric === "percent-reduction") return "Reduction from baseline (%)";
  const instrument = getInstrument(result.outcome.instrument);
  const unit = instrument ? `${instrument.shortName.replace(/^Pain /, "")} ${instrument.unitLabel}` : "points on the trial's scale";
  return `Change from baseline (${unit})`;
}

type PatientSeries = { points: ChartPatientPoint[]; baselineIndex: number | null };

/** Each number rounded as the table shows it (the text is the number's own), which is also ample for the drawing. */
function patientSeries(result: ComparisonResult, trajectory: InstrumentTrajectory): PatientSeries {
  const percent = result.metric === "percent-reduction";
  const baseline = trajectory.points[0]?.score ?? 0;
  const series: PatientSeries = { points: [], baselineIndex: null };
  for (const point of trajectory.points) {
    const value = percent ? point.percentReduction : point.changePoints;
    if (value === null) continue;
    if (point.isBaseline) series.baselineIndex = series.points.length;
    const shown = percent ? formatDerived(value) : formatPointChange(value, baseline, point.score);
    series.points.push([point.takenOn, Number(formatWeeks(point.weeksSinceStart)), Number(shown)]);
  }
  return series;
}

function chartArms(result: ComparisonResult): ChartArm[] {
  const unit = result.metric === "percent-reduction" ? "%" : "";
  return result.arms.map((arm) => ({
    label: arm.label,
    isComparator: arm.isComparator,
    weeks: arm.timepointWeeks,
    mean: arm.mean,
    ci95: arm.ci95,
    meanText: arm.mean === null ? NOT_REPORTED : `${formatFigure(arm.mean)}${unit}`,
    ciText: arm.ciText,
  }));
}

/** The chart of one arm-benchmark comparison, its data pre-formatted on the server. */
export function comparisonChartProps(result: ComparisonResult, trajectory: InstrumentTrajectory): ComparisonChartProps {
  const { points: patient, baselineIndex } = patientSeries(result, trajectory);
  const valueUnit = result.metric === "percent-reduction" ? "%" : "";
  const arms = chartArms(result);
  const axis = yAxisLabel(result);
  const latest = patient.at(-1);
  const armText = arms
    .map((arm) => `${arm.label} ${arm.meanText}${arm.weeks === null ? "" : ` at week ${arm.weeks}`} (95% CI ${arm.ciText})`)
    .join("; ");
  const description =
    `${trajectory.instrumentName}: the patient's ${axis.charAt(0).toLowerCase()}${axis.slice(1)} by weeks since course start` +
    (latest ? `, ${latest[2]}${valueUnit} at week ${latest[1]}` : "") +
    `, beside the mean of each arm of ${result.study.shortName}: ${armText}.`;
  return {
    title: `${trajectory.instrumentName} beside ${result.study.shortName}'s arms`,
    yAxisLabel: axis,
    description,
    patient,
    baselineIndex,
    valueUnit,
    arms,
  };
}
