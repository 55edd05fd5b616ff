import { CI_OF_MEAN_NOTE } from "@/lib/comparison/compare";
import type { CompareOutcome, ComparisonResult } from "@/lib/comparison/types";
import { classifyResponse } from "@/lib/instruments/response";
import { describe, expect, it } from "vitest";
import { baselineAndFollowUp, compareScores, dayAfterStart, ldnCourse, memantineCourse, START, study } from "./helpers";

function comparable(outcome: CompareOutcome): ComparisonResult {
  if (!outcome.comparable) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
}

const final = study("bruun-2024-final");
const [finalLdn, finalPlacebo] = final.outcomes![0].arm_results!;
const finalPlaceboMean = finalPlacebo.mean_change!;
const younger = study("younger-2013");
const [youngerLdn, youngerPlacebo] = younger.outcomes![0].arm_results!;

describe("FINAL (bruun-2024-final): raw NRS change against both arms", () => {
  it("a patient whose NRS goes 7 -> 5.7 at week 12 sits at the LDN arm mean", () => {
    const current = 7 + finalLdn.mean_change!; // 7 + (-1.3) = 5.7
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(7, current, 12), study: final }),
    );
    expect(result.mode).toBe("arm-benchmark");
    expect(result.metric).toBe("change-points");
    expect(result.outcome).toMatchObject({ index: 0, instrument: "pain_nrs_0_10" });
    expect(result.patientValue).toBeCloseTo(finalLdn.mean_change!, 10);
    expect(result.arms[0]).toMatchObject({
      arm: "ldn",
      label: "LDN 6 mg",
      mean: -1.3,
      ci95: [-1.7, -0.8],
      ciText: "-1.7 to -0.8",
      patientVsMean: "same",
      patientVsCi: "within-ci",
    });
    expect(result.arms[1]).toMatchObject({
      arm: "placebo",
      label: "placebo",
      isComparator: true,
      mean: finalPlaceboMean,
      patientVsMean: "more-improvement",
    });
    expect(finalPlaceboMean).toBe(-0.9);
    expect(result.overallPosition).toBe("at-an-arm-mean");
    expect(result.notes).toContain(CI_OF_MEAN_NOTE);
  });

  it("a fall of 2.5 points exceeds both arms' means and lies beyond the LDN CI", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(7, 4.5, 12), study: final }),
    );
    expect(result.arms.map((a) => a.patientVsCi)).toEqual(["more-improvement-than-ci", "more-improvement-than-ci"]);
    expect(result.overallPosition).toBe("exceeds-all-arm-means");
  });

  it("a fall of 1 point lies between the arms' means, inside both CIs", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(7, 6, 12), study: final }),
    );
    expect(result.arms.map((a) => a.patientVsMean)).toEqual(["less-improvement", "more-improvement"]);
    expect(result.arms.map((a) => a.patientVsCi)).toEqual(["within-ci", "within-ci"]);
    expect(result.overallPosition).toBe("between-arm-means");
  });

  it("a rise is below both arms and short of their CIs", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(6, 7, 12), study: final }),
    );
    expect(result.patient.points).toBe(1);
    expect(result.arms.map((a) => a.patientVsCi)).toEqual(["less-improvement-than-ci", "less-improvement-than-ci"]);
    expect(result.overallPosition).toBe("below-all-arm-means");
    expect(result.instrumentClassification.direction).toBe("worsened");
  });

  it("carries the study's size, evidence level, verification, caveats and between-group effect", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(7, 5, 12), study: final }),
    );
    expect(result.study).toMatchObject({
      id: "bruun-2024-final",
      size: final.n_per_arm!.ldn + final.n_per_arm!.placebo,
      evidenceLevel: final.evidence_level,
      verification: "abstract",
      caveats: final.caveats,
    });
    expect(result.effect.betweenGroup).toEqual({ difference: -0.34, ci95: [-0.95, 0.27], p: 0.27, cohens_d: 0.23 });
    expect(result.effect.nnt).toBeNull();
  });
});

describe("FINAL responder definition (>30% decrease in NRS from baseline at week 12)", () => {
  const responder = (baseline: number, current: number) =>
    comparable(
      compareScores({
        course: ldnCourse,
        instrumentId: "pain_nrs_0_10",
        assessments: baselineAndFollowUp(baseline, current, 12),
        study: final,
      }),
    ).responder!;

  it("10 -> 7 is exactly 30%: not a responder", () => {
    expect(responder(10, 7)).toMatchObject({ applicable: true, isResponder: false, note: null });
  });
  it("10 -> 6.9 is more than 30%: a responder", () => {
    expect(responder(10, 6.9)).toMatchObject({ applicable: true, isResponder: true });
  });
  it("7 -> 4.9 is exactly 30% despite floating point: not a responder", () => {
    expect(responder(7, 4.9).isResponder).toBe(false);
  });
  it("gives the arm rates as published", () => {
    expect(responder(10, 6.9).rateByArm).toEqual([
      { arm: "ldn", label: "LDN 6 mg", rate: final.responders!.rate_by_arm!.ldn },
      { arm: "placebo", label: "placebo", rate: final.responders!.rate_by_arm!.placebo },
    ]);
    expect(responder(10, 6.9).rateByArm.map((r) => r.rate)).toEqual([0.45, 0.28]);
  });
  it("notes when the patient's latest assessment is not at week 12", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(10, 6, 10), study: final }),
    );
    expect(result.responder!.note).toMatch(/week 12.*week 10/);
  });
});

describe("Younger 2013 (younger-2013): % reduction from baseline", () => {
  it("a patient whose VAS goes 80 -> 56.96 sits at the LDN arm's 28.8%", () => {
    const current = 80 * (1 - youngerLdn.mean_pct_reduction! / 100); // 56.96
    const result = comparable(
      compareScores({
        course: ldnCourse,
        instrumentId: "pain_vas_0_100",
        assessments: baselineAndFollowUp(80, current, 12),
        study: younger,
      }),
    );
    expect(result.metric).toBe("percent-reduction");
    expect(result.patientValue).toBeCloseTo(28.8, 10);
    expect(result.arms.map((a) => [a.arm, a.mean, a.ciText, a.patientVsMean, a.patientVsCi])).toEqual([
      ["ldn", youngerLdn.mean_pct_reduction, "not reported", "same", "ci-not-reported"],
      ["placebo", youngerPlacebo.mean_pct_reduction, "not reported", "more-improvement", "ci-not-reported"],
    ]);
    expect(result.scaleConversion).toBeNull();
  });

  it("compares a patient's NRS as % from baseline, and says so", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(8, 6, 12), study: younger }),
    );
    expect(result.patientValue).toBe(25);
    expect(result.scaleConversion).toMatch(/only as % reduction from baseline, never as raw points/);
    expect(result.overallPosition).toBe("between-arm-means");
  });

  it("cannot apply its composite responder definition and falls back to the instrument's threshold", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_vas_0_100", assessments: baselineAndFollowUp(80, 40, 12), study: younger }),
    );
    expect(result.responder).toMatchObject({ applicable: false, isResponder: null, definition: younger.responders!.definition });
    expect(result.responder!.note).toMatch(/fatigue or sleep/);
    expect(result.responder!.fallback).toEqual(classifyResponse("pain_vas_0_100", 80, 40));
    expect(result.responder!.rateByArm.map((r) => r.rate)).toEqual([0.32, 0.11]);
  });

  it("reports each arm's own time point (LDN week 12, placebo week 4) and the nearest one", () => {
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_vas_0_100", assessments: baselineAndFollowUp(80, 60, 7), study: younger }),
    );
    expect(result.timing).toEqual({ patientWeeks: 7, nearestTrialWeeks: 4, gapWeeks: 3, patientIs: "after" });
    expect(result.arms.map((a) => [a.timepointWeeks, a.gapWeeks])).toEqual([
      [12, 5],
      [4, 3],
    ]);
    expect(result.notes.join(" ")).toMatch(/LDN 4\.5 mg at week 12, placebo at week 4/);
  });
});

describe("instrument thresholds", () => {
  it("a patient with 60% fewer points is 'substantial' by IMMPACT, whatever the study", () => {
    for (const [instrumentId, baseline] of [
      ["pain_nrs_0_10", 10],
      ["pain_vas_0_100", 80],
    ] as const) {
      const current = baseline * (1 - 60 / 100);
      const result = comparable(
        compareScores({ course: ldnCourse, instrumentId, assessments: baselineAndFollowUp(baseline, current, 12), study: younger }),
      );
      expect(result.patient.percentReduction).toBeCloseTo(60, 10);
      expect(result.instrumentClassification.key).toBe("substantial");
    }
  });
});

describe("time points", () => {
  it("reports the trial time point nearest the latest assessment and the gap", () => {
    const after = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(7, 5, 14), study: final }),
    );
    expect(after.timing).toEqual({ patientWeeks: 14, nearestTrialWeeks: 12, gapWeeks: 2, patientIs: "after" });
    expect(after.notes.join(" ")).toMatch(/2 weeks after/);
    const before = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(7, 5, 10), study: final }),
    );
    expect(before.timing).toMatchObject({ nearestTrialWeeks: 12, gapWeeks: 2, patientIs: "before" });
    const at = comparable(
      compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments: baselineAndFollowUp(7, 5, 12), study: final }),
    );
    expect(at.timing).toMatchObject({ gapWeeks: 0, patientIs: "at" });
  });

  it("uses the latest follow-up, with weeks from the course start not rounded", () => {
    const assessments = [
      { takenAt: START, total: 7 },
      { takenAt: dayAfterStart(30), total: 6 },
      { takenAt: dayAfterStart(80), total: 5 },
    ];
    const result = comparable(compareScores({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments, study: final }));
    expect(result.patient.latest.weeksSinceStart).toBe(80 / 7);
    expect(result.timing!.gapWeeks).toBeCloseTo(12 - 80 / 7, 10);
  });
});

describe("threshold-only studies (effect sizes, no arm means)", () => {
  it("olivan-blazquez-2014: patient % change by IMMPACT, with d 1.43 and NNT 6.2 (3–47) beside it", () => {
    const olivan = study("olivan-blazquez-2014");
    const result = comparable(
      compareScores({
        course: memantineCourse,
        instrumentId: "pain_vas_0_100",
        assessments: baselineAndFollowUp(70, 35, 26),
        study: olivan,
      }),
    );
    expect(result.mode).toBe("threshold-only");
    expect(result.arms).toEqual([]);
    expect(result.instrumentClassification).toEqual(classifyResponse("pain_vas_0_100", 70, 35));
    expect(result.instrumentClassification.key).toBe("substantial");
    expect(result.effect).toMatchObject({
      effectVsPlacebo: { cohens_d: 1.43 },
      nnt: 6.2,
      nntCi95: [3, 47],
      absoluteRiskReductionPct: 16.13,
    });
    expect(result.responder).toMatchObject({ applicable: false, definition: null });
  });

  it("bested-2023: the patient's FIQR change against the FIQ MCID, with the median difference beside it", () => {
    const bested = study("bested-2023");
    const result = comparable(
      compareScores({ course: ldnCourse, instrumentId: "fiqr", assessments: baselineAndFollowUp(60, 50, 8), study: bested }),
    );
    expect(result.mode).toBe("threshold-only");
    expect(result.instrumentClassification).toEqual(classifyResponse("fiqr", 60, 50));
    expect(result.instrumentClassification.source).toMatch(/FIQ/);
    expect(result.effect.betweenGroup).toMatchObject({ median_difference: -1.65, p: 0.3 });
    expect(result.timing).toBeNull();
  });
});

describe("meta-analyses are context only", () => {
  it("kurian-2019: pooled difference shown, no arm positions, flagged as condition-unspecific", () => {
    const result = comparable(
      compareScores({
        course: { ...memantineCourse, indication: "chronic pain" },
        instrumentId: "pain_nrs_0_10",
        assessments: baselineAndFollowUp(8, 6, 8),
        study: study("kurian-2019"),
      }),
    );
    expect(result.mode).toBe("context-only");
    expect(result.metric).toBeNull();
    expect(result.arms).toEqual([]);
    expect(result.overallPosition).toBeNull();
    expect(result.outcome.label).toMatch(/chronic pain treatment/);
    expect(result.effect.betweenGroup).toMatchObject({ mean_difference: -0.58, ci95: [-1.31, 0.14] });
    expect(result.notes.join(" ")).toMatch(/context only/);
  });

  it("vatvani-2024 (fibromyalgia, LDN) is context only too", () => {
    const result = comparable(
      compareScores({
        course: ldnCourse,
        instrumentId: "pain_vas_0_100",
        assessments: baselineAndFollowUp(80, 60, 8),
        study: study("vatvani-2024"),
      }),
    );
    expect(result.mode).toBe("context-only");
  });
});
