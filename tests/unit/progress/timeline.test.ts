import { describe, expect, it } from "vitest";
import { changeFromBaseline, classifyPgic, classifyResponse, percentReduction } from "@/lib/instruments/response";
import { baselineRule, courseTimeline, followUpRule, type CourseTimeline, type TimelineCourse } from "@/lib/progress/timeline";
import { score } from "./fixtures";

const start = "2025-01-10";
const none: TimelineCourse = { startDate: start, endDate: null, chosenBaselines: {} };

function ok<S>(timeline: CourseTimeline<S>) {
  if (!timeline.ok) throw new Error(timeline.problem);
  return timeline;
}

const baselineOf = (course: TimelineCourse, scores: ReturnType<typeof score>[], instrumentId: "fiqr" | "pain_nrs_0_10" = "fiqr") =>
  ok(courseTimeline(course, instrumentId, scores)).baseline;

describe("Baseline of a course: the clinician's choice comes first", () => {
  it("uses the chosen assessment even when a later one precedes the start", () => {
    const early = score("fiqr", "2024-12-01", 64, { id: "early" });
    const late = score("fiqr", "2025-01-05", 60, { id: "late" });
    expect(baselineOf({ ...none, chosenBaselines: { fiqr: "early" } }, [early, late])).toMatchObject({
      score: early,
      chosen: true,
      total: 64,
    });
  });

  it("ignores a choice made for another instrument", () => {
    const nrs = score("pain_nrs_0_10", "2024-12-01", 6, { id: "nrs" });
    const fiqr = score("fiqr", "2025-01-05", 60, { id: "fiqr" });
    expect(baselineOf({ ...none, chosenBaselines: { pain_nrs_0_10: "nrs" } }, [nrs, fiqr])).toMatchObject({ score: fiqr, chosen: false });
  });

  it("falls back to the default rule when the chosen assessment is not among the scores", () => {
    const fiqr = score("fiqr", "2025-01-05", 60);
    expect(baselineOf({ ...none, chosenBaselines: { fiqr: "deleted" } }, [fiqr])).toMatchObject({ score: fiqr, chosen: false });
  });
});

describe("Baseline of a course without a choice: the last score on or before the start", () => {
  it("takes the latest of the earlier scores, whatever their input order", () => {
    const older = score("fiqr", "2024-12-01", 64);
    const newer = score("fiqr", "2025-01-05", 60);
    expect(baselineOf(none, [newer, older])?.score).toBe(newer);
  });

  it("counts a score taken on the start date, at week 0", () => {
    const before = score("fiqr", "2025-01-05", 60);
    const onStart = score("fiqr", start, 58);
    expect(baselineOf(none, [before, onStart])).toMatchObject({ score: onStart, weeksSinceStart: 0 });
  });

  it("does not count a score taken after the start date", () => {
    const before = score("fiqr", "2025-01-05", 60);
    const after = score("fiqr", "2025-01-11", 50);
    expect(baselineOf(none, [before, after])).toMatchObject({ score: before, weeksSinceStart: -5 / 7 });
    expect(baselineOf(none, [after])).toBeNull();
  });

  it("breaks a tie on the same day by the later entry, whatever the input order", () => {
    const enteredLater = score("fiqr", start, 57, { createdAt: new Date("2025-01-10T15:00:00Z") });
    const enteredEarlier = score("fiqr", start, 59, { createdAt: new Date("2025-01-10T08:00:00Z") });
    expect(baselineOf(none, [enteredLater, enteredEarlier])?.score).toBe(enteredLater);
    expect(baselineOf(none, [enteredEarlier, enteredLater])?.score).toBe(enteredLater);
  });

  it("only looks at the instrument asked for, and is null with no scores", () => {
    expect(baselineOf(none, [score("irls", "2025-01-01", 20)])).toBeNull();
    expect(baselineOf(none, [])).toBeNull();
  });

  it("states the rules in words", () => {
    expect(baselineRule).toMatch(/chose/);
    expect(baselineRule).toMatch(/on or before the course start/);
    expect(followUpRule).toMatch(/end date/);
  });
});

describe("Follow-ups: each with its weeks on treatment, change from baseline and category", () => {
  // FIQR 60 on 2025-01-03 (a week before the start); 52 at week 4; 45 at week 8.
  // 52: −8 points, −8 × 100 / 60 = −13.33…%, a 13.33% reduction: short of the FIQ MCID (14.1%).
  // 45: −15 points, −25%, a 25% reduction: meaningful.
  const scores = [score("fiqr", "2025-03-07", 45), score("fiqr", "2025-01-03", 60), score("fiqr", "2025-02-07", 52)];
  const timeline = ok(courseTimeline(none, "fiqr", scores));

  it("lists them oldest first, after the baseline", () => {
    expect(timeline.baseline).toMatchObject({ takenOn: "2025-01-03", total: 60, weeksSinceStart: -1, chosen: false });
    expect(timeline.followUps.map((f) => [f.takenOn, f.weeksSinceStart])).toEqual([
      ["2025-02-07", 4],
      ["2025-03-07", 8],
    ]);
    expect(timeline.latest).toBe(timeline.followUps[1]);
  });

  it("gives each its change in points and %, unrounded, and its category by the instrument's rule", () => {
    expect(timeline.followUps.map((f) => f.change)).toEqual([
      { points: -8, percent: ((52 - 60) * 100) / 60 },
      { points: -15, percent: -25 },
    ]);
    expect(timeline.followUps.map((f) => f.percentReduction)).toEqual([percentReduction(60, 52), 25]);
    expect(timeline.followUps.map((f) => f.category.key)).toEqual(["no_important_change", "meaningful"]);
    expect(timeline.latest?.category).toEqual(classifyResponse("fiqr", 60, 45));
  });

  it("ends a finished course's follow-up on its end date", () => {
    const ended = ok(courseTimeline({ ...none, endDate: "2025-02-07" }, "fiqr", scores));
    expect(ended.followUps.map((f) => f.total)).toEqual([52]);
  });

  it("counts follow-ups only after a chosen baseline taken after the start", () => {
    const chosenLate = ok(courseTimeline({ ...none, chosenBaselines: { fiqr: scores[2].id } }, "fiqr", scores));
    expect(chosenLate.baseline).toMatchObject({ total: 52, weeksSinceStart: 4, chosen: true });
    expect(chosenLate.followUps.map((f) => [f.total, f.change])).toEqual([[45, changeFromBaseline(52, 45)]]);
  });

  it("has none without a baseline, and none when every score is on or before the start", () => {
    expect(ok(courseTimeline(none, "fiqr", [score("fiqr", "2025-02-07", 52)]))).toMatchObject({
      baseline: null,
      followUps: [],
      latest: null,
    });
    expect(ok(courseTimeline(none, "fiqr", [score("fiqr", start, 52)]))).toMatchObject({
      baseline: { total: 52 },
      followUps: [],
      latest: null,
    });
  });

  it("a baseline of 0 gives points but no percent, and is not classifiable", () => {
    const zero = ok(
      courseTimeline(none, "pain_nrs_0_10", [score("pain_nrs_0_10", "2025-01-03", 0), score("pain_nrs_0_10", "2025-02-03", 3)]),
    );
    expect(zero.latest).toMatchObject({
      change: { points: 3, percent: null },
      percentReduction: null,
      category: { key: "not_classifiable" },
    });
  });
});

describe("PGIC rates change itself: no baseline, every rating on treatment is a follow-up", () => {
  it("classifies each rating by its own value and ignores ratings before the start", () => {
    const pgic = ok(courseTimeline(none, "pgic", [score("pgic", "2025-01-05", 6), score("pgic", "2025-03-10", 2)]));
    expect(pgic.baseline).toBeNull();
    expect(pgic.followUps).toHaveLength(1);
    expect(pgic.latest).toMatchObject({ total: 2, change: null, percentReduction: null, category: classifyPgic(2) });
  });
});

describe("Unreadable data is reported, not guessed", () => {
  it("names a start date or score date that is not a calendar date, or a total that is not a number", () => {
    expect(courseTimeline({ ...none, startDate: "2024-13-01" }, "fiqr", [])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/2024-13-01/),
    });
    expect(courseTimeline(none, "fiqr", [score("fiqr", "yesterday", 5)])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/yesterday/),
    });
    expect(courseTimeline(none, "fiqr", [score("fiqr", start, Number.NaN)])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/numeric/),
    });
  });
});
