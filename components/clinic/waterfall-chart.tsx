"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, XAxis, YAxis } from "recharts";

export type WaterfallBar = { code: string; percentReduction: number; flagged: boolean };
export type WaterfallLine = { value: number; label: string };

type WaterfallChartProps = {
  bars: readonly WaterfallBar[];
  /** Horizontal lines: the responder threshold, arm means where published as % reduction. */
  lines: readonly WaterfallLine[];
  /** One sentence saying what the chart shows: the svg's aria-label. */
  description: string;
  width?: number;
  height?: number;
};

const COLORS = { bar: "#0b5cad", flagged: "#8c959f", line: "#1b1f24", grid: "#d0d7de" };

/** Each patient's % reduction at the trial's time point, largest first; flagged patients (outside the trial's enrolment) in grey with a hatch-free lighter fill. */
export default function WaterfallChart({ bars, lines, description, width = 720, height = 300 }: WaterfallChartProps) {
  const values = [...bars.map((b) => b.percentReduction), ...lines.map((l) => l.value), 0];
  const low = Math.floor(Math.min(...values) / 10) * 10;
  const high = Math.ceil(Math.max(...values) / 10) * 10;
  return (
    <div style={{ minWidth: 0 }}>
      <BarChart
        width={width}
        height={height}
        data={[...bars]}
        margin={{ top: 24, right: 24, bottom: 28, left: 24 }}
        role="img"
        aria-label={description}
        accessibilityLayer={false}
        style={{ maxWidth: "100%", height: "auto", aspectRatio: `${width} / ${height}` }}
      >
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="code" tick={false} label={{ value: "Patients, largest reduction first", position: "insideBottom", offset: -8 }} />
        <YAxis
          domain={[low, high]}
          label={{ value: "% reduction from baseline", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
        />
        <ReferenceLine y={0} stroke={COLORS.line} />
        {lines.map((line) => (
          <ReferenceLine
            key={line.label}
            y={line.value}
            stroke={COLORS.line}
            strokeDasharray="6 4"
            label={{ value: line.label, position: "insideTopRight", fill: COLORS.line }}
          />
        ))}
        <Bar dataKey="percentReduction" isAnimationActive={false}>
          {bars.map((bar) => (
            <Cell key={bar.code} fill={bar.flagged ? COLORS.flagged : COLORS.bar} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
