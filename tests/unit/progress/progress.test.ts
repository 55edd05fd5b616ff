import { describe, expect, it } from "vitest";
import { changeFromBaseline, classifyPgic, classifyResponse } from "@/lib/instruments/response";
import { buildProgress, type InstrumentProgress } from "@/lib/progress/progress";
import { course, record, score } from "./fixtures";

// One patient on memantine from 2025-01-10 (20 mg/day, cut to 10 mg/day on 2025-02-15), scored on
// four instruments. Worked numbers:
//   FIQR 60 → 45: −15 points, −15 × 100 / 60 = −25%: a 25% reduction ≥ the FIQ MCID (14.1%), meaningful.
//   Pain NRS 5 → 7: +2 points, +2 × 100 / 5 = +40%: an increase ≥ 10%, worsened (IMMPACT mirrored).
//   IRLS 25 (severe, 21–30) → 15 (moderate, 11–20): −10 points, −40%, improved by one band.
//   PGIC 2 = "much improved": moderate improvement (IMMPACT).
const memantine = course({
  id: "c-mem",
  drug: "memantine",
  startDate: "2025-01-10",
  targetDose: 20,
  doseUnit: "mg/day",
  doseChanges: [{ id: "d1", changedOn: "2025-02-15", dose: 10, doseUnit: "mg/day", note: null }],
});
const patient = record(
  [memantine],
  [
    score("fiqr", "2025-01-03", 60, { id: "fiqr-base" }),
    score("pain_nrs_0_10", "2025-01-03", 5, { id: "nrs-base" }),
    score("irls", "2025-01-03", 25, { id: "irls-base" }),
    score("fiqr", "2025-02-10", 52, { courseId: "c-mem" }),
    score("pgic", "2025-03-10", 2, { courseId: "c-mem" }),
    score("irls", "2025-03-10", 15, { courseId: "c-mem" }),
    score("pain_nrs_0_10", "2025-03-10", 7, { courseId: "c-mem" }),
    score("fiqr", "2025-03-10", 45, { courseId: "c-mem", id: "fiqr-latest" }),
  ],
);

function of(list: InstrumentProgress[], id: string): InstrumentProgress {
  const found = list.find((p) => p.instrumentId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe("Progress lists each scored instrument once, in a fixed order", () => {
  it("orders FIQR, pain NRS, IRLS, PGIC and leaves out instruments without scores", () => {
    expect(buildProgress(patient).map((p) => p.instrumentId)).toEqual(["fiqr", "pain_nrs_0_10", "irls", "pgic"]);
  });

  it("is empty for a patient with no scores", () => {
    expect(buildProgress(record([memantine], []))).toEqual([]);
  });

  it("carries the instrument's name, unit and range for the axes", () => {
    expect(of(buildProgress(patient), "fiqr")).toMatchObject({
      shortName: "FIQR",
      unitLabel: "points",
      min: 0,
      max: 100,
      direction: "higher_is_worse",
    });
  });

  it("describes each course with its drug, target dose and dose changes", () => {
    expect(of(buildProgress(patient), "fiqr").courses).toEqual([
      {
        id: "c-mem",
        drug: "memantine",
        label: "memantine 20 mg/day",
        startDate: "2025-01-10",
        endDate: null,
        status: "active",
        doseChanges: [{ changedOn: "2025-02-15", dose: 10, unit: "mg/day", label: "10 mg/day" }],
      },
    ]);
  });
});

describe("FIQR 60 → 45 on memantine: a meaningful improvement", () => {
  const fiqr = of(buildProgress(patient), "fiqr");

  it("lists the scores oldest first and marks the baseline", () => {
    expect(fiqr.points.map((p) => [p.takenOn, p.total, p.isBaseline])).toEqual([
      ["2025-01-03", 60, true],
      ["2025-02-10", 52, false],
      ["2025-03-10", 45, false],
    ]);
  });

  it("gives −15 points and −25% from baseline", () => {
    const points = 45 - 60;
    const percent = (points / 60) * 100;
    expect(points).toBe(-15);
    expect(percent).toBe(-25);
    expect(fiqr.summary).toMatchObject({
      baseline: { takenOn: "2025-01-03", total: 60 },
      baselineChosen: false,
      latest: { takenOn: "2025-03-10", total: 45 },
      change: { points, percent },
      courseId: "c-mem",
      courseLabel: "memantine 20 mg/day",
    });
  });

  it("classifies it by the FIQ MCID applied to the FIQR", () => {
    expect(fiqr.summary.category).toEqual(classifyResponse("fiqr", 60, 45));
    expect(fiqr.summary.category?.key).toBe("meaningful");
    expect(fiqr.summary.category?.source).toMatch(/MCID applied to the FIQR/);
  });

  it("gives every later score its change from baseline, unrounded", () => {
    expect(fiqr.points.map((p) => p.change)).toEqual([null, changeFromBaseline(60, 52), changeFromBaseline(60, 45)]);
    expect(fiqr.points[1].change?.percent).toBe(((52 - 60) * 100) / 60); // −13.333…
  });
});

describe("Pain NRS 5 → 7: worsening is reported as plainly as improvement", () => {
  it("gives +2 points, +40%, worsened", () => {
    const nrs = of(buildProgress(patient), "pain_nrs_0_10");
    expect(nrs.summary.change).toEqual({ points: 2, percent: 40 });
    expect(nrs.summary.category).toMatchObject({ key: "worsened", direction: "worsened" });
    expect(nrs.summary.category?.source).toMatch(/IMMPACT/);
  });
});

describe("IRLS 25 → 15: a fall of 10 points", () => {
  it("gives −10 points, −40%, a meaningful improvement by points, severity severe → moderate beside it", () => {
    const irls = of(buildProgress(patient), "irls");
    expect(irls.summary.change).toEqual({ points: 15 - 25, percent: ((15 - 25) / 25) * 100 });
    expect(irls.summary.category).toMatchObject({ key: "meaningful", direction: "improved", severity: { from: "severe", to: "moderate" } });
    expect(irls.summary.category?.label).toMatch(/approximate/);
  });
});

describe("PGIC is a rating of change: classified by its own value, with no baseline", () => {
  it("PGIC 2 is much improved: a moderate improvement", () => {
    const pgic = of(buildProgress(patient), "pgic");
    expect(pgic.summary).toMatchObject({
      baseline: null,
      change: null,
      latest: { takenOn: "2025-03-10", total: 2 },
      courseLabel: "memantine 20 mg/day",
    });
    expect(pgic.summary.category).toEqual(classifyPgic(2));
    expect(pgic.summary.category?.label).toBe("Moderate improvement (PGIC 2: much improved)");
    expect(pgic.points.every((p) => !p.isBaseline && p.change === null)).toBe(true);
  });

  it("ignores a rating given before the course started", () => {
    const pgic = of(buildProgress(record([memantine], [score("pgic", "2025-01-05", 6)])), "pgic");
    expect(pgic.summary.latest).toBeNull();
    expect(pgic.summary.category).toBeNull();
  });
});

describe("Which course the summary follows", () => {
  const old = course({
    id: "c-old",
    drug: "pregabalin",
    startDate: "2024-06-01",
    endDate: "2024-09-01",
    status: "stopped",
    targetDose: 300,
  });
  const current = course({ id: "c-new", drug: "memantine", startDate: "2025-01-10" });

  it("prefers the active course", () => {
    const scores = [
      score("fiqr", "2024-05-20", 70),
      score("fiqr", "2024-08-20", 62),
      score("fiqr", "2025-01-03", 60),
      score("fiqr", "2025-03-10", 45),
    ];
    const fiqr = of(buildProgress(record([current, old], scores)), "fiqr");
    expect(fiqr.summary).toMatchObject({ courseId: "c-new", baseline: { total: 60 }, latest: { total: 45 } });
    expect(fiqr.courses.map((c) => c.id)).toEqual(["c-old", "c-new"]);
  });

  it("takes the latest course when none is active", () => {
    const stopped = course({ id: "c-new", drug: "memantine", startDate: "2025-01-10", status: "completed", endDate: "2025-04-01" });
    const scores = [score("fiqr", "2024-05-20", 70), score("fiqr", "2025-01-03", 60), score("fiqr", "2025-03-10", 45)];
    expect(of(buildProgress(record([old, stopped], scores)), "fiqr").summary.courseId).toBe("c-new");
  });

  it("skips a course that has no baseline for the instrument", () => {
    // The active course began before the first NRS score, so only the stopped one has a baseline.
    const longRunning = course({ id: "c-long", drug: "amitriptyline", startDate: "2024-01-01", targetDose: 10 });
    const scores = [score("pain_nrs_0_10", "2024-05-01", 8), score("pain_nrs_0_10", "2024-07-01", 4)];
    const nrs = of(buildProgress(record([longRunning, old], scores)), "pain_nrs_0_10");
    expect(nrs.summary).toMatchObject({ courseId: "c-old", change: { points: -4, percent: -50 } });
    expect(nrs.summary.category?.key).toBe("substantial");
  });

  it("uses the chosen baseline and counts only scores after the start as the latest", () => {
    const chosen = { ...current, chosenBaselines: { fiqr: "chosen" } };
    const scores = [score("fiqr", "2024-12-01", 64, { id: "chosen" }), score("fiqr", "2025-01-03", 60)];
    const fiqr = of(buildProgress(record([chosen], scores)), "fiqr");
    expect(fiqr.summary).toMatchObject({
      baseline: { takenOn: "2024-12-01", total: 64 },
      baselineChosen: true,
      latest: null,
      change: null,
      category: null,
    });
    expect(fiqr.points.map((p) => p.isBaseline)).toEqual([true, false]);
    // A score between the chosen baseline and the start is not a follow-up of the course: no change shown.
    expect(fiqr.points[1].change).toBeNull();
  });

  it("ends a finished course's follow-up on its end date: a later score is not its latest", () => {
    const stopped = course({ id: "c-stop", drug: "memantine", startDate: "2025-01-10", status: "stopped", endDate: "2025-03-01" });
    const scores = [score("fiqr", "2025-01-03", 60), score("fiqr", "2025-02-20", 50), score("fiqr", "2025-04-10", 66)];
    const fiqr = of(buildProgress(record([stopped], scores)), "fiqr");
    expect(fiqr.summary).toMatchObject({ latest: { takenOn: "2025-02-20", total: 50 }, change: changeFromBaseline(60, 50) });
    expect(fiqr.points.map((p) => p.change)).toEqual([null, changeFromBaseline(60, 50), null]);
  });

  it("without any course: no baseline, the latest score, no category", () => {
    const fiqr = of(buildProgress(record([], [score("fiqr", "2025-01-03", 60), score("fiqr", "2025-02-03", 50)])), "fiqr");
    expect(fiqr.summary).toMatchObject({ baseline: null, latest: { total: 50 }, change: null, category: null, courseLabel: null });
    expect(fiqr.points.every((p) => !p.isBaseline && p.change === null)).toBe(true);
  });

  it("a baseline of 0 gives points but no percent, and is not classifiable", () => {
    const nrs = of(
      buildProgress(record([current], [score("pain_nrs_0_10", "2025-01-03", 0), score("pain_nrs_0_10", "2025-02-03", 3)])),
      "pain_nrs_0_10",
    );
    expect(nrs.summary.change).toEqual({ points: 3, percent: null });
    expect(nrs.summary.category?.key).toBe("not_classifiable");
  });
});
