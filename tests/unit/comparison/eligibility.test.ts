import { checkEligibility, possibleAgesAt, type EligibilityFinding } from "@/lib/comparison/eligibility";
import { summarizeResponder } from "@/lib/comparison/summary";
import type { CompareOutcome, ComparisonResult } from "@/lib/comparison/types";
import type { Eligibility } from "@/lib/evidence/types";
import { describe, expect, it } from "vitest";
import { baselineAndFollowUp, compareScores, ldnCourse, START, study } from "./helpers";

const final = study("bruun-2024-final");
const finalEligibility = final.eligibility!;
const youngerMackey = study("younger-mackey-2009");
const younger2013 = study("younger-2013");

// The figures come from studies.json; these tests assert that the file says what the issue quotes.
it("studies.json states FINAL's eligibility: women 18-64 with baseline pain NRS of at least 4", () => {
  expect(finalEligibility).toMatchObject({ sex: "female", age_years: [18, 64], baseline_min: { instrument: "pain_nrs_0_10", value: 4 } });
  expect(youngerMackey.eligibility).toMatchObject({ sex: "female", excludes: ["current opioid use"] });
  expect(younger2013.eligibility).toMatchObject({ sex: "female" });
});

const woman1975 = { sex: "female", birthYear: 1975 };

function findings(eligibility: Eligibility, overrides: Partial<Parameters<typeof checkEligibility>[0]> = {}): EligibilityFinding[] {
  return checkEligibility({
    studyName: "the FINAL trial",
    eligibility,
    patient: woman1975,
    courseStart: "2024-03-01",
    baseline: { instrumentId: "pain_nrs_0_10", total: 7 },
    ...overrides,
  });
}
const of = (list: EligibilityFinding[], field: EligibilityFinding["field"]) => list.filter((f) => f.field === field);

describe("a woman of 48 or 49 with baseline NRS 7 fits FINAL's sex, age and baseline", () => {
  it("is inside on each checkable criterion, and the diagnosis is asked, not decided", () => {
    const list = findings(finalEligibility);
    expect(list.map((f) => [f.field, f.kind])).toEqual([
      ["sex", "inside"],
      ["age", "inside"],
      ["baseline", "inside"],
      ["diagnosis", "question"],
    ]);
    expect(of(list, "age")[0].message).toBe(
      "The FINAL trial enrolled ages 18–64; this patient was 48 or 49 at the course start (only the birth year is recorded).",
    );
    expect(of(list, "diagnosis")[0].message).toContain("fibromyalgia (ACR 1990 criteria)");
  });
});

describe("sex", () => {
  it("a man is outside a trial that enrolled only women", () => {
    const [sex] = of(findings(finalEligibility, { patient: { sex: "male", birthYear: 1975 } }), "sex");
    expect(sex).toEqual({
      kind: "outside",
      field: "sex",
      message: "The FINAL trial enrolled only women; this patient is recorded as male.",
    });
  });
  it("sex recorded as other or unknown cannot be told", () => {
    for (const recorded of ["other", "unknown"]) {
      const [sex] = of(findings(finalEligibility, { patient: { sex: recorded, birthYear: 1975 } }), "sex");
      expect(sex.kind).toBe("unknown");
      expect(sex.message).toContain(`recorded as "${recorded}"`);
    }
  });
  it("without the patient, sex and age are not checked (and say so)", () => {
    const list = findings(finalEligibility, { patient: null });
    expect(of(list, "sex")[0]).toMatchObject({ kind: "unknown", message: expect.stringMatching(/not available/) });
    expect(of(list, "age")[0]).toMatchObject({ kind: "unknown", message: expect.stringMatching(/not available/) });
  });
});

describe("age at the course start, from the birth year only", () => {
  it("gives the two possible ages: before and after that year's birthday", () => {
    expect(possibleAgesAt("2024-03-01", 1975)).toEqual([48, 49]);
    expect(possibleAgesAt("2024-12-31", 1975)).toEqual([48, 49]);
    expect(possibleAgesAt("not a date", 1975)).toBeNull();
  });
  const ageFinding = (courseStart: string, birthYear: number) =>
    of(findings(finalEligibility, { courseStart, patient: { sex: "female", birthYear } }), "age")[0];

  it("64 or 65 straddles FINAL's upper bound of 64: cannot tell, and says so", () => {
    const age = ageFinding("2024-06-01", 1959);
    expect(age.kind).toBe("unknown");
    expect(age.message).toBe(
      "The FINAL trial enrolled ages 18–64; this patient was 64 or 65 at the course start (only the birth year is recorded), so whether they were within the range cannot be told.",
    );
  });
  it("63 or 64 is inside; 65 or 66 is outside", () => {
    expect(ageFinding("2024-06-01", 1960).kind).toBe("inside");
    expect(ageFinding("2024-06-01", 1958).kind).toBe("outside");
  });
  it("17 or 18 straddles the lower bound; 18 or 19 is inside; 16 or 17 is outside", () => {
    expect(ageFinding("2024-06-01", 2006).kind).toBe("unknown");
    expect(ageFinding("2024-06-01", 2005).kind).toBe("inside");
    expect(ageFinding("2024-06-01", 2007).kind).toBe("outside");
  });
  it("a course start the birth year cannot place is unknown, not a guess", () => {
    expect(ageFinding("2024-06-01", 2024).kind).toBe("unknown");
  });
});

describe("baseline on the trial's instrument", () => {
  const baselineFinding = (baseline: { instrumentId: string; total: number } | null) =>
    of(findings(finalEligibility, { baseline }), "baseline")[0];

  it("a baseline NRS of 3 is below FINAL's minimum of 4/10, said in the issue's words", () => {
    expect(baselineFinding({ instrumentId: "pain_nrs_0_10", total: 3 })).toEqual({
      kind: "outside",
      field: "baseline",
      message: "The FINAL trial enrolled only patients with a baseline pain NRS of at least 4/10; this patient's baseline was 3.",
    });
  });
  it("exactly the minimum (4) is inside", () => {
    expect(baselineFinding({ instrumentId: "pain_nrs_0_10", total: 4 }).kind).toBe("inside");
  });
  it("a baseline on another instrument cannot be checked, and says so", () => {
    const finding = baselineFinding({ instrumentId: "pain_vas_0_100", total: 30 });
    expect(finding.kind).toBe("unknown");
    expect(finding.message).toMatch(/uses the patient's Pain VAS, another instrument, so the baseline cannot be checked/);
  });
  it("no baseline cannot be checked", () => {
    expect(baselineFinding(null).kind).toBe("unknown");
  });
  it("a study shown beside the patient but not compared leaves the baseline criterion out", () => {
    expect(findings(finalEligibility, { baseline: "not-compared" }).map((f) => f.field)).toEqual(["sex", "age", "diagnosis"]);
  });
});

describe("exclusions are questions for the clinician", () => {
  it("Younger–Mackey 2009's opioid exclusion is asked, never decided", () => {
    const list = findings(youngerMackey.eligibility!, { studyName: "Younger 2009" });
    expect(list).toEqual([
      { kind: "inside", field: "sex", message: "Younger 2009 enrolled only women; this patient is recorded as female." },
      {
        kind: "question",
        field: "excludes",
        message: "Younger 2009 excluded patients with current opioid use — does this patient currently take opioids?",
      },
    ]);
  });
  it("an exclusion without a prepared question is still asked", () => {
    const [finding] = findings({ excludes: ["pregnancy"] });
    expect(finding).toEqual({
      kind: "question",
      field: "excludes",
      message: "The FINAL trial excluded patients with pregnancy — does this apply to this patient?",
    });
  });
});

function comparable(outcome: CompareOutcome): ComparisonResult {
  if (!outcome.comparable) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
}

describe("compareWithStudy carries the findings, and a baseline below the minimum is never called a trial responder", () => {
  const compare = (baseline: number, current: number, patient: { sex: string; birthYear: number } | null = woman1975) =>
    comparable(
      compareScores({
        course: ldnCourse,
        instrumentId: "pain_nrs_0_10",
        assessments: baselineAndFollowUp(baseline, current, 12),
        study: final,
        patient,
      }),
    );

  it("NRS 3 -> 1 at week 12 (a 67% fall) is outside FINAL, and not a trial responder", () => {
    const result = compare(3, 1);
    expect(result.applicability).toMatchObject({ stated: true, source: finalEligibility.source, baselineBelowMinimum: true });
    expect(result.applicability.findings.find((f) => f.field === "baseline")!.kind).toBe("outside");
    expect(result.responder).toMatchObject({ applicable: false, isResponder: null });
    expect(summarizeResponder(result)).toMatch(/^Not applicable: the patient's baseline is below the FINAL trial's minimum/);
    expect(summarizeResponder(result)).not.toMatch(/is a responder|is not a responder/);
  });
  it("NRS 4 -> 2 is at the minimum: the trial's definition applies (50% > 30%: a responder)", () => {
    const result = compare(4, 2);
    expect(result.applicability.baselineBelowMinimum).toBe(false);
    expect(result.responder).toMatchObject({ applicable: true, isResponder: true });
  });
  it("a man's comparison is still made, with the finding that FINAL enrolled only women", () => {
    const result = compare(7, 4, { sex: "male", birthYear: 1975 });
    expect(result.arms).toHaveLength(2);
    expect(result.applicability.findings[0]).toMatchObject({ field: "sex", kind: "outside" });
  });
  it("a study that states no eligibility says nothing was checked", () => {
    const result = comparable(
      compareScores({
        course: ldnCourse,
        instrumentId: "fiqr",
        assessments: baselineAndFollowUp(60, 40, 12),
        study: study("bested-2023"),
        patient: woman1975,
      }),
    );
    expect(result.applicability).toEqual({ stated: false, source: null, findings: [], baselineBelowMinimum: false });
  });
  it("uses the course start date for the age", () => {
    const result = compare(7, 4, { sex: "female", birthYear: Number(START.slice(0, 4)) - 65 });
    expect(result.applicability.findings.find((f) => f.field === "age")!.kind).toBe("unknown");
  });
});
