"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis, type DotItemDotProps } from "recharts";

/**
 * One score: its date and total. A tuple, not an object: the points travel in the page's RSC payload, where
 * field names repeated on every point were most of a chart's weight (issue 12).
 */
export type ScoreTrendPoint = [takenOn: string, total: number];
type ScoreTrendCourse = {
  drug: string;
  startDate: string;
  endDate: string | null;
  /** [date, dose], e.g. ["2025-01-10", "10 mg/day"]: tuples for the RSC payload, as the points. */
  doseChanges: readonly (readonly [changedOn: string, label: string])[];
};

type ScoreTrendChartProps = {
  /** Names the series, e.g. "FIQR". */
  seriesName: string;
  /** The y axis title with its unit, e.g. "FIQR, points (0–100, higher is worse)". */
  yAxisLabel: string;
  min: number;
  max: number;
  points: readonly ScoreTrendPoint[];
  /** The index in `points` of the course baseline, drawn as a hollow square; null when there is none. */
  baselineIndex: number | null;
  courses: readonly ScoreTrendCourse[];
  /** One sentence saying what the chart shows: the svg's aria-label. */
  description: string;
  /** Drawing size in pixels (default 720 × 300): fixed, so the chart draws on the first client render without measuring; scaled down to fit a narrower column. */
  width?: number;
  height?: number;
};

const MS_PER_DAY = 86_400_000;
const COLORS = { line: "#0b5cad", ink: "#1b1f24", band: "#0b5cad", dose: "#9a6700", baseline: "#1b1f24", muted: "#57606a" };

/** Milliseconds at UTC midnight of the calendar date written at the start ("2025-03-04…"); the time zone never moves a day. */
function dayTime(date: string): number {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function xDomain(points: readonly ScoreTrendPoint[], courses: readonly ScoreTrendCourse[]): [number, number] {
  const times = [
    ...points.map(([takenOn]) => dayTime(takenOn)),
    ...courses.flatMap((c) => [
      dayTime(c.startDate),
      ...(c.endDate ? [dayTime(c.endDate)] : []),
      ...c.doseChanges.map(([changedOn]) => dayTime(changedOn)),
    ]),
  ];
  if (times.length === 0) {
    const today = dayTime(new Date().toISOString());
    return [today - 30 * MS_PER_DAY, today];
  }
  const low = Math.min(...times);
  const high = Math.max(...times);
  // A few days either side so the first and last dots are not cut by the axes.
  const pad = Math.max(3 * MS_PER_DAY, Math.round((high - low) * 0.03));
  return [low - pad, high + pad];
}

/** About five ticks on whole days. */
function dayTicks([low, high]: [number, number], count = 5): number[] {
  const stepDays = Math.max(1, Math.round((high - low) / MS_PER_DAY / count));
  const first = Math.ceil(low / MS_PER_DAY) * MS_PER_DAY;
  const ticks: number[] = [];
  for (let t = first; t <= high; t += stepDays * MS_PER_DAY) ticks.push(t);
  return ticks;
}

type ChartDatum = { time: number; total: number; isBaseline: boolean };

function ScoreDot({ cx, cy, payload, index }: DotItemDotProps) {
  if (typeof cx !== "number" || typeof cy !== "number") return null;
  if ((payload as ChartDatum | undefined)?.isBaseline) {
    // Baseline: a larger hollow square, distinct from the round follow-up dots without relying on colour.
    return (
      <g key={`dot-${index}`}>
        <rect x={cx - 6} y={cy - 6} width={12} height={12} fill="#fff" stroke={COLORS.baseline} strokeWidth={2.5} />
        <rect x={cx - 2} y={cy - 2} width={4} height={4} fill={COLORS.baseline} />
      </g>
    );
  }
  return <circle key={`dot-${index}`} cx={cx} cy={cy} r={4} fill={COLORS.line} stroke="#fff" strokeWidth={1.5} />;
}

export function ScoreTrendChart({
  seriesName,
  yAxisLabel,
  min,
  max,
  points,
  baselineIndex,
  courses,
  description,
  width = 720,
  height = 300,
}: ScoreTrendChartProps) {
  const data: ChartDatum[] = points.map(([takenOn, total], index) => ({
    time: dayTime(takenOn),
    total,
    isBaseline: index === baselineIndex,
  }));
  const domain = xDomain(points, courses);
  const baseline = baselineIndex === null ? undefined : points[baselineIndex];
  // Drawn at a fixed size, so nothing waits on measuring the container (ResponsiveContainer can draw
  // nothing until it has measured); the style then scales it down by its viewBox in a narrower column.
  return (
    // minWidth 0 lets a grid or flex column shrink below the drawing width.
    <div style={{ minWidth: 0 }}>
      <LineChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 24, right: 24, bottom: 28, left: 24 }}
        role="img"
        aria-label={description}
        accessibilityLayer={false}
        style={{ maxWidth: "100%", height: "auto", aspectRatio: `${width} / ${height}` }}
      >
        <CartesianGrid stroke="#d0d7de" strokeDasharray="2 4" />
        {courses.map((course, courseIndex) => (
          <ReferenceArea
            // biome-ignore lint/suspicious/noArrayIndexKey: courses keep their order for a render; their ids stay off the page payload
            key={`course-${courseIndex}`}
            x1={Math.max(dayTime(course.startDate), domain[0])}
            x2={course.endDate ? dayTime(course.endDate) : domain[1]}
            fill={COLORS.band}
            fillOpacity={0.08}
            stroke={COLORS.band}
            strokeOpacity={0.25}
            ifOverflow="hidden"
            label={{ value: course.drug, position: "insideTopLeft", fill: COLORS.ink, fontSize: 12 }}
          />
        ))}
        {courses.flatMap((course, courseIndex) =>
          course.doseChanges.map(([changedOn, doseLabel], index) => (
            <ReferenceLine
              // biome-ignore lint/suspicious/noArrayIndexKey: dose changes have no id here and keep their date order for a render
              key={`dose-${courseIndex}-${index}`}
              x={dayTime(changedOn)}
              stroke={COLORS.dose}
              strokeDasharray="5 4"
              label={{ value: doseLabel, position: "insideBottomRight", fill: COLORS.dose, fontSize: 11 }}
            />
          )),
        )}
        {baseline && (
          <ReferenceLine
            x={dayTime(baseline[0])}
            stroke={COLORS.baseline}
            strokeDasharray="2 3"
            label={{ value: "baseline", position: "top", fill: COLORS.ink, fontSize: 12 }}
          />
        )}
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={domain}
          ticks={dayTicks(domain)}
          tickFormatter={(value: number) => formatDay(value)}
          tick={{ fontSize: 11 }}
          label={{ value: "Date", position: "insideBottom", offset: -16, fill: COLORS.muted, fontSize: 12 }}
          allowDataOverflow
        />
        <YAxis
          type="number"
          domain={[min, max]}
          allowDataOverflow
          tick={{ fontSize: 11 }}
          width={48}
          label={{
            value: yAxisLabel,
            angle: -90,
            position: "insideLeft",
            offset: -12,
            style: { textAnchor: "middle" },
            fill: COLORS.muted,
            fontSize: 12,
          }}
        />
        <Line
          type="linear"
          dataKey="total"
          name={seriesName}
          stroke={COLORS.line}
          strokeWidth={2}
          dot={ScoreDot}
          activeDot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
