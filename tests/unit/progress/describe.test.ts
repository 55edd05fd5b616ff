import { describe, expect, it } from "vitest";
import {
  axisLabel,
  changeDirectionWords,
  describeProgress,
  formatChange,
  formatProgressScore,
  progressTableRows,
  toneOf,
} from "@/lib/progress/describe";
import { classifyResponse } from "@/lib/instruments/response";
import { buildProgress } from "@/lib/progress/progress";
import { course, record, score } from "./fixtures";

const memantine = course({
  id: "c-mem",
  drug: "memantine",
  startDate: "2025-01-10",
  endDate: "2025-04-01",
  status: "stopped",
  doseChanges: [
    { id: "d1", changedOn: "2025-02-15", dose: 10, doseUnit: "mg/day", note: null },
    { id: "d2", changedOn: "2025-03-10", dose: 5, doseUnit: "mg/day", note: null },
  ],
});
const [fiqr] = buildProgress(
  record(
    [memantine],
    [
      score("fiqr", "2025-01-03", 60, { id: "b" }),
      score("fiqr", "2025-02-10", 52.5, { id: "m" }),
      score("fiqr", "2025-03-10", 45, { id: "l" }),
    ],
  ),
);

describe("Axis and change wording", () => {
  it("labels the y axis with the unit, the range and which way is worse", () => {
    expect(axisLabel(fiqr)).toBe("FIQR, points (0–100, higher is worse)");
    expect(axisLabel({ shortName: "Pain VAS", unitLabel: "mm", min: 0, max: 100, direction: "higher_is_worse" })).toBe(
      "Pain VAS, mm (0–100, higher is worse)",
    );
    expect(axisLabel({ shortName: "PGIC", unitLabel: "", min: 1, max: 7, direction: "higher_is_worse" })).toBe(
      "PGIC (1–7, higher is worse)",
    );
  });

  it("writes a change as signed points and percent", () => {
    expect(formatChange({ points: -12.5, percent: -25 }, "points")).toBe("−12.5 points (−25%)");
    expect(formatChange({ points: 2, percent: 40 }, "points")).toBe("+2 points (+40%)");
    expect(formatChange({ points: 3, percent: null }, "points")).toBe("+3 points");
    expect(formatChange({ points: -7.5, percent: (-7.5 * 100) / 60 }, "mm")).toBe("−7.5 mm (−12.5%)");
  });

  it("says worse in words when a higher-is-worse score rises", () => {
    expect(changeDirectionWords({ points: 2, percent: 40 }, "higher_is_worse")).toBe("score rose: worse");
    expect(changeDirectionWords({ points: -15, percent: -25 }, "higher_is_worse")).toBe("score fell: better");
    expect(changeDirectionWords({ points: 0, percent: 0 }, "higher_is_worse")).toBe("no change");
  });

  it("tones a category by its direction", () => {
    expect(toneOf(classifyResponse("pain_nrs_0_10", 5, 7))).toBe("worsening");
    expect(toneOf(classifyResponse("fiqr", 60, 45))).toBe("improving");
    expect(toneOf(classifyResponse("fiqr", 60, 59))).toBe("stable");
    expect(toneOf(null)).toBe("stable");
  });

  it("shows a PGIC rating with its words", () => {
    expect(formatProgressScore("pgic", 2)).toBe("2 (much improved)");
    expect(formatProgressScore("fiqr", 52.5)).toBe("52.5");
  });
});

describe("The chart's sentence for screen readers", () => {
  it("names the span, baseline, latest change, category and course", () => {
    expect(describeProgress(fiqr)).toBe(
      "FIQR: 3 scores from 2025-01-03 to 2025-03-10; baseline 60 on 2025-01-03; " +
        "latest 45 on 2025-03-10, −15 points (−25%) from baseline, score fell: better; " +
        `${classifyResponse("fiqr", 60, 45).label}; courses: memantine 20 mg/day from 2025-01-10 to 2025-04-01.`,
    );
  });

  it("for IRLS, says the severity band move after the response", () => {
    const [irls] = buildProgress(record([memantine], [score("irls", "2025-01-03", 10), score("irls", "2025-03-10", 11)]));
    expect(describeProgress(irls)).toBe(
      "IRLS: 2 scores from 2025-01-03 to 2025-03-10; baseline 10 on 2025-01-03; " +
        "latest 11 on 2025-03-10, +1 points (+10%) from baseline, score rose: worse; " +
        "No important change (less than 9 points either way); Severity: mild → moderate; " +
        "courses: memantine 20 mg/day from 2025-01-10 to 2025-04-01.",
    );
  });
});

describe("The table beneath the chart", () => {
  it("has every score and every course event, by date", () => {
    const rows = progressTableRows(fiqr);
    expect(rows.map((r) => [r.date, r.point?.total ?? null, r.notes])).toEqual([
      ["2025-01-03", 60, ["baseline"]],
      ["2025-01-10", null, ["memantine 20 mg/day started"]],
      ["2025-02-10", 52.5, []],
      ["2025-02-15", null, ["memantine dose changed to 10 mg/day"]],
      ["2025-03-10", 45, ["memantine dose changed to 5 mg/day"]],
      ["2025-04-01", null, ["memantine stopped"]],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it("marks a chosen baseline as chosen", () => {
    const chosen = { ...memantine, chosenBaselines: { fiqr: "b" } };
    const [p] = buildProgress(record([chosen], [score("fiqr", "2025-01-03", 60, { id: "b" }), score("fiqr", "2025-01-10", 58)]));
    expect(progressTableRows(p).map((r) => r.notes)).toEqual([
      ["baseline (chosen)"],
      ["memantine 20 mg/day started"],
      ["memantine dose changed to 10 mg/day"],
      ["memantine dose changed to 5 mg/day"],
      ["memantine stopped"],
    ]);
  });
});
