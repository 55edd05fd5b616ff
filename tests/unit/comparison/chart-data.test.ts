import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { comparisonChartProps } from "@/components/comparison/chart-data";
import { ComparisonChart } from "@/components/comparison/comparison-chart";
import type { InstrumentTrajectory } from "@/lib/data/comparisons";
import { compareScores, dayAfterStart, ldnCourse, START, study } from "./helpers";

// The patient's points travel in the page's RSC payload as [date, weeks, value] tuples, each number
// rounded as the chart's table shows it (issue 12). Checked against figures worked by hand.
const days = [0, 85, 170]; // weeks 0, 12.142857…, 24.285714…
const scores = [7, 5, 4.5];
const trajectory: InstrumentTrajectory = {
  instrumentId: "pain_nrs_0_10",
  instrumentName: "Pain NRS",
  baselineChosen: false,
  points: days.map((d, i) => ({
    takenOn: dayAfterStart(d),
    weeksSinceStart: d / 7,
    score: scores[i],
    isBaseline: i === 0,
    changePoints: scores[i] - 7,
    percentReduction: ((7 - scores[i]) / 7) * 100,
  })),
};
const outcome = compareScores({
  course: ldnCourse,
  instrumentId: "pain_nrs_0_10",
  assessments: days.map((d, i) => ({ takenAt: dayAfterStart(d), total: scores[i] })),
  study: study("bruun-2024-final"),
});

describe("The comparison chart's data (FINAL, raw NRS change)", () => {
  if (!outcome.comparable) throw new Error(`FINAL should compare: ${JSON.stringify(outcome)}`);
  const props = comparisonChartProps(outcome, trajectory);

  it("sends each point as [date, weeks to 0.1, change in points] with the baseline's index", () => {
    expect(props.patient).toEqual([
      [START, 0, 0],
      [dayAfterStart(85), 12.1, -2],
      [dayAfterStart(170), 24.3, -2.5],
    ]);
    expect(props.baselineIndex).toBe(0);
    expect(props.valueUnit).toBe("");
  });

  it("shows the same figures in the table beneath the chart", () => {
    const html = renderToStaticMarkup(createElement(ComparisonChart, props));
    expect(html).toContain(`<th scope="row">Patient, ${START} (baseline)</th><td class="num">0</td><td class="num">0</td>`);
    expect(html).toContain(`<th scope="row">Patient, ${dayAfterStart(170)}</th><td class="num">24.3</td><td class="num">-2.5</td>`);
    expect(props.description).toContain("-2.5 at week 24.3");
  });
});
