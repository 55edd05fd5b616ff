import { describe, expect, it } from "vitest";
import { baselineFor, baselineRule, findBaseline } from "@/lib/progress/baseline";
import { score } from "./fixtures";

const start = "2025-01-10";

describe("Baseline of a course: the clinician's choice comes first", () => {
  it("uses the chosen assessment even when a later one precedes the start", () => {
    const early = score("fiqr", "2024-12-01", 64, { id: "early" });
    const late = score("fiqr", "2025-01-05", 60, { id: "late" });
    const course = { startDate: start, chosenBaselines: { fiqr: "early" } };
    expect(baselineFor(course, "fiqr", [early, late])).toBe(early);
    expect(findBaseline(course, "fiqr", [early, late])).toEqual({ assessment: early, chosen: true });
  });

  it("ignores a choice made for another instrument", () => {
    const nrs = score("pain_nrs_0_10", "2024-12-01", 6, { id: "nrs" });
    const fiqr = score("fiqr", "2025-01-05", 60, { id: "fiqr" });
    const course = { startDate: start, chosenBaselines: { pain_nrs_0_10: "nrs" } };
    expect(baselineFor(course, "fiqr", [nrs, fiqr])).toBe(fiqr);
  });

  it("falls back to the default rule when the chosen assessment is not among the scores", () => {
    const fiqr = score("fiqr", "2025-01-05", 60);
    expect(findBaseline({ startDate: start, chosenBaselines: { fiqr: "deleted" } }, "fiqr", [fiqr])).toEqual({ assessment: fiqr, chosen: false });
  });
});

describe("Baseline of a course without a choice: the last score on or before the start", () => {
  const none = { startDate: start, chosenBaselines: {} };

  it("takes the latest of the earlier scores, whatever their input order", () => {
    const older = score("fiqr", "2024-12-01", 64);
    const newer = score("fiqr", "2025-01-05", 60);
    expect(baselineFor(none, "fiqr", [newer, older])).toBe(newer);
  });

  it("counts a score taken on the start date", () => {
    const before = score("fiqr", "2025-01-05", 60);
    const onStart = score("fiqr", start, 58);
    expect(baselineFor(none, "fiqr", [before, onStart])).toBe(onStart);
  });

  it("does not count a score taken after the start date", () => {
    const before = score("fiqr", "2025-01-05", 60);
    const after = score("fiqr", "2025-01-11", 50);
    expect(baselineFor(none, "fiqr", [before, after])).toBe(before);
    expect(baselineFor(none, "fiqr", [after])).toBeNull();
  });

  it("breaks a tie on the same day by the later entry", () => {
    const enteredLater = score("fiqr", start, 57, { createdAt: new Date("2025-01-10T15:00:00Z") });
    const enteredEarlier = score("fiqr", start, 59, { createdAt: new Date("2025-01-10T08:00:00Z") });
    expect(baselineFor(none, "fiqr", [enteredLater, enteredEarlier])).toBe(enteredLater);
  });

  it("only looks at the instrument asked for", () => {
    expect(baselineFor(none, "fiqr", [score("irls", "2025-01-01", 20)])).toBeNull();
  });

  it("is null with no scores at all", () => {
    expect(baselineFor(none, "fiqr", [])).toBeNull();
  });

  it("states the rule in words", () => {
    expect(baselineRule).toMatch(/chose/);
    expect(baselineRule).toMatch(/on or before the course start/);
  });
});
