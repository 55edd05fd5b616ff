import { summarizeComparison, summarizeResponder } from "@/lib/comparison/summary";
import { describe, expect, it } from "vitest";
import { baselineAndFollowUp, compareScores, ldnCourse, memantineCourse, type ScoresInput, study } from "./helpers";

const final = study("bruun-2024-final");
const sentence = (input: ScoresInput, name = "Pain") => summarizeComparison(compareScores(input), name);
const finalNrs = (baseline: number, current: number, weeks = 12): ScoresInput => ({
  course: ldnCourse,
  instrumentId: "pain_nrs_0_10",
  assessments: baselineAndFollowUp(baseline, current, weeks),
  study: final,
});

describe("summarizeComparison", () => {
  it("states a fall against both FINAL arms", () => {
    expect(sentence(finalNrs(7, 4.5))).toBe(
      "Pain fell 2.5 points by week 12; in the FINAL trial, LDN 6 mg reduced pain NRS by 1.3 points on average (95% CI 0.8–1.7) " +
        "and placebo by 0.9 — the patient's fall exceeds both arms' averages.",
    );
  });

  it("states a rise as clearly as a fall", () => {
    expect(sentence(finalNrs(6, 7))).toBe(
      "Pain rose 1 point by week 12; in the FINAL trial, LDN 6 mg reduced pain NRS by 1.3 points on average (95% CI 0.8–1.7) " +
        "and placebo by 0.9 — the patient worsened, while both arms improved on average.",
    );
  });

  it("does not print floating-point noise: 7 -> 5.7 is a fall of 1.3", () => {
    expect(sentence(finalNrs(7, 5.7))).toMatch(/^Pain fell 1\.3 points by week 12;.* the patient's fall matches LDN 6 mg's average\.$/);
  });

  it("says when the patient did not change", () => {
    expect(sentence(finalNrs(7, 7))).toMatch(
      /^Pain did not change \(7 to 7\) by week 12;.*the patient did not improve, while both arms improved on average\.$/,
    );
  });

  it("states % reduction for younger-2013, with 'not reported' for the missing CI", () => {
    const text = sentence({
      course: ldnCourse,
      instrumentId: "pain_vas_0_100",
      assessments: baselineAndFollowUp(80, 56.96, 12),
      study: study("younger-2013"),
    });
    expect(text).toBe(
      "Pain fell 28.8% from baseline by week 12; in Younger 2013, LDN 4.5 mg reduced pain VAS by 28.8% on average (95% CI not reported) " +
        "and placebo by 18% — the patient's fall matches LDN 4.5 mg's average.",
    );
  });

  it("puts the trial's effect size and NNT beside a threshold-only classification", () => {
    const text = sentence({
      course: memantineCourse,
      instrumentId: "pain_vas_0_100",
      assessments: baselineAndFollowUp(70, 35, 26),
      study: study("olivan-blazquez-2014"),
    });
    expect(text).toMatch(/^Pain fell 50% from baseline by week 26 — substantial improvement/);
    expect(text).toMatch(/Cohen's d 1\.43, NNT 6\.2 \(95% CI 3 to 47\)/);
    expect(text).toMatch(/arm averages are not reported/);
  });

  it("labels a meta-analysis as context only", () => {
    const text = sentence({
      course: memantineCourse,
      instrumentId: "pain_nrs_0_10",
      assessments: baselineAndFollowUp(8, 6, 8),
      study: study("kurian-2019"),
    });
    expect(text).toMatch(
      /Kurian 2019 is context only, not a benchmark for one patient \(pooled: mean difference -0\.58 \(95% CI -1\.31 to 0\.14\)/,
    );
  });

  it("gives the reason for a refusal", () => {
    const text = sentence({ ...finalNrs(25, 15), instrumentId: "irls" }, "IRLS");
    expect(text).toMatch(/^Not compared with the FINAL trial: .*IRLS/);
  });
});

describe("summarizeResponder", () => {
  it("applies FINAL's definition with the arm rates", () => {
    expect(summarizeResponder(compareScores(finalNrs(10, 6.9)))).toMatch(
      /the patient is a responder \(responders in the trial: 45% on LDN 6 mg and 28% on placebo\)\.$/,
    );
    expect(summarizeResponder(compareScores(finalNrs(10, 7)))).toMatch(/the patient is not a responder/);
  });
  it("is null for a refusal", () => {
    expect(summarizeResponder(compareScores({ ...finalNrs(25, 15), instrumentId: "irls" }))).toBeNull();
  });
});
