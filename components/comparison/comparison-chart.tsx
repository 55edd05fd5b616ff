"use client";

import dynamic from "next/dynamic";
import { PATIENT_COLOUR } from "./chart-colours";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * One score of the patient: its date, weeks since the course start and change from baseline, each number
 * already rounded as the table shows it. A tuple, not an object: these travel in the page's RSC payload,
 * where field names repeated on every point were most of a chart's weight (issue 12).
 */
export type ChartPatientPoint = [takenOn: string, weeks: number, value: number];

export type ChartArm = {
  label: string;
  isComparator: boolean;
  /** Null when the trial reports no time point or no mean for the arm: listed in the table, not drawn. */
  weeks: number | null;
  mean: number | null;
  ci95: [number, number] | null;
  meanText: string;
  /** "-1.7 to -0.8" or "not reported" */
  ciText: string;
};

export type ComparisonChartProps = {
  /** Table caption, e.g. "Pain NRS beside the FINAL trial's arms". */
  title: string;
  /** With units: "Change from baseline (NRS points)" or "Reduction from baseline (%)". */
  yAxisLabel: string;
  /** One sentence saying what the chart shows: the svg's aria-label. */
  description: string;
  patient: ChartPatientPoint[];
  /** The index in `patient` of the baseline score, marked in the table; null when none is the baseline. */
  baselineIndex: number | null;
  /** "%" for a % reduction, "" for points: appended to each patient value in the table. */
  valueUnit: "%" | "";
  arms: ChartArm[];
  width?: number;
  height?: number;
};

const ACTIVE_COLOURS = ["#b35900", "#1a7f37"];
const COMPARATOR_COLOUR = "#6e40c9";

// recharts loads only when a comparison is drawn; the legend and the table beneath render at once.
const ComparisonDrawing = dynamic(() => import("./comparison-drawing"), {
  ssr: false,
  loading: () => <p className="muted">Loading the chart…</p>,
});

type Styled = ChartArm & { colour: string; shape: "diamond" | "square" };

function styleArms(arms: ChartArm[]): Styled[] {
  let active = 0;
  return arms.map((arm) =>
    arm.isComparator
      ? { ...arm, colour: COMPARATOR_COLOUR, shape: "square" }
      : { ...arm, colour: ACTIVE_COLOURS[active++ % ACTIVE_COLOURS.length], shape: "diamond" },
  );
}

const DODGE_WEEKS = 0.3;

/** Arms measured at the same week are drawn a little apart so their error bars do not hide each other; the table gives the exact week. */
function dodge<T extends { weeks: number }>(arms: T[]): (T & { x: number })[] {
  return arms.map((arm) => {
    const same = arms.filter((a) => a.weeks === arm.weeks);
    const offset = (same.indexOf(arm) - (same.length - 1) / 2) * DODGE_WEEKS;
    return { ...arm, x: arm.weeks + offset };
  });
}

type Scale = { domain: [number, number]; ticks: number[] };

/** A domain including 0 and every value, on round steps (1, 2, 5, 10, ...), with about six ticks. */
function roundScale(values: number[], minimumStep: number): Scale {
  // A little room either side, so no dot or error bar sits on an axis.
  const spread = Math.max(...values, 0) - Math.min(...values, 0);
  const low = Math.min(0, ...values) - spread * 0.03;
  const high = Math.max(0, ...values) + spread * 0.03;
  const rough = Math.max((high - low) / 6, minimumStep);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Integer counting avoids drifting ticks such as 0.30000000000000004.
  for (let i = 0; first + i * step <= last + step / 2; i++) ticks.push(Number((first + i * step).toPrecision(12)));
  return { domain: [ticks[0], ticks.at(-1)!], ticks };
}

/** The patient's change from baseline over the course, beside each trial arm's mean change (and 95% CI) at the trial's time point. */
export function ComparisonChart({
  title,
  yAxisLabel,
  description,
  patient,
  baselineIndex,
  valueUnit,
  arms,
  width = 640,
  height = 300,
}: ComparisonChartProps) {
  const styled = styleArms(arms);
  const drawn = dodge(styled.filter((a): a is Styled & { weeks: number; mean: number } => a.weeks !== null && a.mean !== null));
  const x = roundScale([...patient.map(([, weeks]) => weeks), ...drawn.map((a) => a.weeks)], 1);
  const y = roundScale([...patient.map(([, , value]) => value), ...drawn.flatMap((a) => [a.mean, ...(a.ci95 ?? [])])], 0.5);
  const withoutCi = drawn.filter((a) => a.ci95 === null);

  return (
    <figure style={{ margin: "0.75rem 0" }}>
      {/* Drawn at a fixed size and scaled down by its viewBox in a narrower column, as the trend chart. */}
      <ComparisonDrawing
        width={width}
        height={height}
        description={description}
        yAxisLabel={yAxisLabel}
        patient={patient.map(([, weeks, value]) => ({ weeks, value }))}
        drawn={drawn.map(({ label, x: at, mean, ci95, colour, shape }) => ({ label, x: at, mean, ci95, colour, shape }))}
        x={x}
        y={y}
      />
      <ul
        aria-label="Legend"
        style={{ display: "flex", flexWrap: "wrap", gap: "1rem", listStyle: "none", padding: 0, margin: "0.25rem 0" }}
      >
        <li>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="22" y2="5" stroke={PATIENT_COLOUR} strokeWidth="2" />
            <circle cx="11" cy="5" r="4" fill={PATIENT_COLOUR} />
          </svg>{" "}
          Patient
        </li>
        {styled.map((arm) => (
          <li key={arm.label}>
            <svg width="12" height="12" aria-hidden="true">
              {arm.shape === "square" ? (
                <rect x="1" y="1" width="10" height="10" fill={arm.colour} />
              ) : (
                <path d="M6 0 L12 6 L6 12 L0 6 Z" fill={arm.colour} />
              )}
            </svg>{" "}
            {arm.label} mean{arm.ci95 ? " with 95% CI" : ""}
          </li>
        ))}
      </ul>
      {drawn.some((a) => a.x !== a.weeks) && <p className="muted">Arms measured at the same week are drawn slightly apart.</p>}
      {withoutCi.length > 0 && (
        <p className="muted">95% CI not reported for {withoutCi.map((a) => a.label).join(" and ")}: no error bar is drawn.</p>
      )}
      <TableScroll label={`${title}: chart data`}>
        <table>
          <caption>{title}: chart data</caption>
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col" className="num">
                Weeks since course start
              </th>
              <th scope="col" className="num">
                {yAxisLabel}
              </th>
              <th scope="col">95% CI</th>
            </tr>
          </thead>
          <tbody>
            {patient.map(([takenOn, weeks, value], index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two scores may share a date; the points keep their order for a render
              <tr key={`patient-${index}`}>
                <th scope="row">{`Patient, ${takenOn}${index === baselineIndex ? " (baseline)" : ""}`}</th>
                <td className="num">{String(weeks)}</td>
                <td className="num">{`${value}${valueUnit}`}</td>
                <td>—</td>
              </tr>
            ))}
            {arms.map((arm) => (
              <tr key={`arm-${arm.label}`}>
                <th scope="row">{arm.label} (trial mean)</th>
                <td className="num">{arm.weeks === null ? "not reported" : String(arm.weeks)}</td>
                <td className="num">{arm.meanText}</td>
                <td>{arm.ciText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
