"use client";

import { MUTED, PATIENT_COLOUR } from "./chart-colours";
import { CartesianGrid, ComposedChart, ErrorBar, Line, ReferenceLine, Scatter, XAxis, YAxis } from "recharts";

// The recharts drawing of components/comparison/comparison-chart.tsx, in a module of its own so that it is
// loaded only once a comparison is on screen (next/dynamic there); the figure's legend and table render without it.

type Scale = { domain: [number, number]; ticks: number[] };

export type DrawnArm = {
  label: string;
  /** Where the arm is drawn (its week, nudged apart from an arm at the same week). */
  x: number;
  mean: number;
  ci95: [number, number] | null;
  colour: string;
  shape: "diamond" | "square";
};

export type ComparisonDrawingProps = {
  width: number;
  height: number;
  description: string;
  yAxisLabel: string;
  patient: { weeks: number; value: number }[];
  drawn: DrawnArm[];
  x: Scale;
  y: Scale;
};

export default function ComparisonDrawing({ width, height, description, yAxisLabel, patient, drawn, x, y }: ComparisonDrawingProps) {
  return (
    <div style={{ minWidth: 0 }}>
      <ComposedChart
        width={width}
        height={height}
        style={{ maxWidth: "100%", height: "auto", aspectRatio: `${width} / ${height}` }}
        margin={{ top: 16, right: 24, bottom: 28, left: 24 }}
        role="img"
        aria-label={description}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#d0d7de" strokeDasharray="2 4" />
        <XAxis
          type="number"
          dataKey="weeks"
          domain={x.domain}
          ticks={x.ticks}
          allowDataOverflow
          tick={{ fontSize: 11 }}
          label={{ value: "Weeks since course start", position: "insideBottom", offset: -16, fill: MUTED, fontSize: 12 }}
        />
        <YAxis
          type="number"
          domain={y.domain}
          ticks={y.ticks}
          allowDataOverflow
          tick={{ fontSize: 11 }}
          width={48}
          label={{
            value: yAxisLabel,
            angle: -90,
            position: "insideLeft",
            offset: -12,
            style: { textAnchor: "middle" },
            fill: MUTED,
            fontSize: 12,
          }}
        />
        <ReferenceLine y={0} stroke={MUTED} />
        <Line
          data={patient}
          dataKey="value"
          name="Patient"
          type="linear"
          stroke={PATIENT_COLOUR}
          strokeWidth={2}
          dot={{ r: 4, fill: PATIENT_COLOUR, stroke: "#fff", strokeWidth: 1.5 }}
          activeDot={false}
          isAnimationActive={false}
        />
        {drawn.map((arm) => (
          <Scatter
            key={arm.label}
            name={arm.label}
            data={[{ weeks: arm.x, value: arm.mean, error: arm.ci95 ? [arm.mean - arm.ci95[0], arm.ci95[1] - arm.mean] : 0 }]}
            dataKey="value"
            fill={arm.colour}
            shape={arm.shape}
            isAnimationActive={false}
          >
            {arm.ci95 && (
              <ErrorBar dataKey="error" direction="y" width={10} stroke={arm.colour} strokeWidth={2} isAnimationActive={false} />
            )}
          </Scatter>
        ))}
      </ComposedChart>
    </div>
  );
}
