import { MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT } from "@/lib/comparison/timing";
import type { ComparisonRefusal } from "@/lib/comparison/types";
import { describe, expect, it } from "vitest";
import { baselineAndFollowUp, compareScores, dayAfterStart, ldnCourse, memantineCourse, type ScoresInput, START, study } from "./helpers";

function refusal(input: ScoresInput): ComparisonRefusal {
  const outcome = compareScores(input);
  if (outcome.comparable) throw new Error(`expected a refusal, got mode ${outcome.mode}`);
  expect(outcome.reason.length).toBeGreaterThan(20);
  expect(outcome.studyId).toBe(input.study.id);
  return outcome;
}

const final = study("bruun-2024-final");
const nrs12 = baselineAndFollowUp(7, 5, 12);

describe("compareWithStudy refuses, with a reason", () => {
  it("a different instrument (patient IRLS vs the FINAL NRS trial)", () => {
    const r = refusal({ course: ldnCourse, instrumentId: "irls", assessments: baselineAndFollowUp(25, 15, 12), study: final });
    expect(r.code).toBe("different-instrument");
    expect(r.reason).toMatch(/IRLS/);
    expect(r.reason).toMatch(/pain_nrs_0_10/);
  });

  it("raw points across scales (patient VAS vs FINAL's NRS mean change, no percent figure)", () => {
    const r = refusal({ course: ldnCourse, instrumentId: "pain_vas_0_100", assessments: baselineAndFollowUp(70, 50, 12), study: final });
    expect(r.code).toBe("cross-scale-points");
    expect(r.reason).toMatch(/percent/);
  });

  it("no baseline", () => {
    const assessments = [{ takenAt: dayAfterStart(84), total: 5 }];
    expect(refusal({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments, study: final }).code).toBe("no-baseline");
  });

  it("no follow-up after the start", () => {
    const assessments = [
      { takenAt: dayAfterStart(-7), total: 7 },
      { takenAt: START, total: 7 },
    ];
    expect(refusal({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments, study: final }).code).toBe("no-follow-up");
  });

  it(`a latest follow-up before ${MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT * 100}% of the trial's time point`, () => {
    const tooEarlyDays = Math.ceil(12 * 7 * MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT) - 1; // day 41 of a 12-week trial
    const assessments = [
      { takenAt: START, total: 7 },
      { takenAt: dayAfterStart(tooEarlyDays), total: 5 },
    ];
    const r = refusal({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments, study: final });
    expect(r.code).toBe("too-early");
    expect(r.reason).toMatch(/week 12/);
    const atHalf = compareScores({
      course: ldnCourse,
      instrumentId: "pain_nrs_0_10",
      assessments: baselineAndFollowUp(7, 5, 6),
      study: final,
    });
    expect(atHalf).toMatchObject({ comparable: true, timing: { gapWeeks: 6, patientIs: "before" } });
  });

  it("too early for younger-2013's LDN arm (week 12) even though its placebo arm ends at week 4", () => {
    const r = refusal({
      course: ldnCourse,
      instrumentId: "pain_vas_0_100",
      assessments: baselineAndFollowUp(80, 60, 5),
      study: study("younger-2013"),
    });
    expect(r.code).toBe("too-early");
  });

  it("an unverified study (memantine-rls-claims): the claim is shown as unverified, no benchmark", () => {
    const r = refusal({
      course: { ...memantineCourse, indication: "restless legs syndrome" },
      instrumentId: "irls",
      assessments: baselineAndFollowUp(25, 15, 6),
      study: study("memantine-rls-claims"),
    });
    expect(r.code).toBe("unverified-study");
    expect(r.reason).toMatch(/source-material-only/);
    expect(r.claims).toEqual(["RLS symptoms and sleep quality: significant reduction vs placebo"]);
  });

  it("an outcome without numbers (claims only)", () => {
    const r = refusal({
      course: memantineCourse,
      instrumentId: "pain_nrs_0_10",
      assessments: nrs12,
      study: study("memantine-fm-open-pilot"),
    });
    expect(r.code).toBe("no-numeric-outcome");
    expect(r.claims).toContain("pain: non-significant trend toward reduction");
    const fiqr = refusal({
      course: ldnCourse,
      instrumentId: "fiqr",
      assessments: baselineAndFollowUp(60, 40, 12),
      study: study("vatvani-2024"),
    });
    expect(fiqr.code).toBe("no-numeric-outcome");
    expect(fiqr.reason).toMatch(/no significant difference/);
  });

  it("a narrative review with no outcomes", () => {
    const r = refusal({ course: memantineCourse, instrumentId: "pain_nrs_0_10", assessments: nrs12, study: study("pickering-morel-2018") });
    expect(r.code).toBe("no-numeric-outcome");
  });

  it("a different drug or condition", () => {
    expect(refusal({ course: memantineCourse, instrumentId: "pain_nrs_0_10", assessments: nrs12, study: final }).code).toBe(
      "different-drug",
    );
    const rls = { ...ldnCourse, indication: "restless legs syndrome" };
    expect(refusal({ course: rls, instrumentId: "pain_nrs_0_10", assessments: nrs12, study: final }).code).toBe("different-condition");
  });

  it("a % comparison from a baseline of 0", () => {
    const r = refusal({
      course: ldnCourse,
      instrumentId: "pain_vas_0_100",
      assessments: baselineAndFollowUp(0, 10, 12),
      study: study("younger-2013"),
    });
    expect(r.code).toBe("zero-baseline");
  });

  it("an unreadable assessment date", () => {
    const assessments = [
      { takenAt: START, total: 7 },
      { takenAt: "2024-02-31", total: 5 },
    ];
    expect(refusal({ course: ldnCourse, instrumentId: "pain_nrs_0_10", assessments, study: final }).code).toBe("invalid-assessment");
  });
});
