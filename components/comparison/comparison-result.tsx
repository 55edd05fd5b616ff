import { describeEffect, summarizeComparison, summarizeResponder, type ComparisonResult } from "@/lib/comparison";
import { formatWeeks } from "@/lib/comparison/format";
import type { InstrumentTrajectory } from "@/lib/data/comparisons";
import { SeverityLine } from "@/components/progress/severity-line";
import { formatScore } from "@/lib/format";
import { ApplicabilityFindings } from "./applicability-findings";
import { comparisonChartProps } from "./chart-data";
import { ComparisonChart } from "./comparison-chart";

/** "Patient's latest score is at week 10.3; trial time point week 12" (per arm when the arms differ, as in younger-2013). */
function timingSentence(result: ComparisonResult): string | null {
  if (!result.timing) return null;
  const armWeeks = [...new Set(result.arms.map((a) => a.timepointWeeks).filter((w): w is number => w !== null))];
  const trial =
    armWeeks.length > 1
      ? `trial time points ${result.arms.map((a) => `week ${a.timepointWeeks ?? "not reported"} (${a.label})`).join(", ")}`
      : `trial time point week ${result.timing.nearestTrialWeeks}`;
  return `Patient's latest score is at week ${formatWeeks(result.timing.patientWeeks)}; ${trial}.`;
}

/** One study compared on one of the patient's instruments: the sentences, and for arm benchmarks the chart. */
export function ComparisonResultView({
  result,
  instrumentName,
  trajectory,
}: {
  result: ComparisonResult;
  instrumentName: string;
  trajectory: InstrumentTrajectory | undefined;
}) {
  const responder = summarizeResponder(result);
  const effect = describeEffect(result);
  const timing = timingSentence(result);
  const { baseline, latest } = result.patient;
  return (
    <>
      <p>{summarizeComparison(result, instrumentName)}</p>
      {result.instrumentClassification.severity && <SeverityLine severity={result.instrumentClassification.severity} />}
      <ApplicabilityFindings applicability={result.applicability} studyName={result.study.shortName} />
      <p className="muted">
        {`Baseline ${baseline.takenAt} (score ${formatScore(baseline.total)}` +
          (trajectory?.baselineChosen ? ", chosen by the clinician" : ", the last score on or before the course start") +
          `); latest ${latest.takenAt} (score ${formatScore(latest.total)}).`}
      </p>
      {responder && <p>{responder}</p>}
      <p>
        <strong>Published effect:</strong>
        {` ${effect || "no between-group effect is published for this outcome."}`}
      </p>
      {timing && <p>{timing}</p>}
      {result.scaleConversion && <p className="muted">{result.scaleConversion}</p>}
      {result.notes.length > 0 && (
        <ul className="muted">
          {result.notes.map((note, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sentences; keying by the sentence wrote it twice into the page's RSC payload
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
      {result.mode === "arm-benchmark" && trajectory && trajectory.points.length > 0 && (
        <ComparisonChart {...comparisonChartProps(result, trajectory)} />
      )}
    </>
  );
}
