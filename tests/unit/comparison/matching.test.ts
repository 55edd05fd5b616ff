import { normalizeCondition, normalizeDrug, studyMatchesCourse } from "@/lib/comparison/matching";
import { describe, expect, it } from "vitest";
import { study } from "./helpers";

describe("normalizeDrug", () => {
  it("maps the spellings of low-dose naltrexone to one name, case-insensitively", () => {
    for (const name of ["low-dose naltrexone", "Low dose naltrexone", "naltrexone (low dose)", "LDN", " ldn "]) {
      expect(normalizeDrug(name)).toBe("low-dose naltrexone");
    }
  });
  it("keeps plain naltrexone (the 50 mg dose) apart from LDN", () => {
    expect(normalizeDrug("naltrexone")).not.toBe(normalizeDrug("LDN"));
  });
  it("matches memantine case-insensitively", () => {
    expect(normalizeDrug("Memantine")).toBe("memantine");
  });
});

describe("normalizeCondition", () => {
  it("drops diagnostic criteria in parentheses", () => {
    expect(normalizeCondition("fibromyalgia (ACR 1990 criteria)")).toBe("fibromyalgia");
    expect(normalizeCondition("Fibromyalgia")).toBe("fibromyalgia");
  });
  it("knows RLS", () => {
    expect(normalizeCondition("RLS")).toBe(normalizeCondition("restless legs syndrome"));
  });
});

describe("studyMatchesCourse", () => {
  it("matches FINAL to an LDN course for fibromyalgia", () => {
    const match = studyMatchesCourse(study("bruun-2024-final"), { drug: "LDN", indication: "fibromyalgia" });
    expect(match).toEqual({ matches: true, contextOnly: false, note: null });
  });

  it("refuses a different drug", () => {
    const match = studyMatchesCourse(study("bruun-2024-final"), { drug: "memantine", indication: "fibromyalgia" });
    expect(match).toMatchObject({ matches: false, reason: "different-drug" });
  });

  it("refuses a different condition", () => {
    const match = studyMatchesCourse(study("olivan-blazquez-2014"), { drug: "memantine", indication: "restless legs syndrome" });
    expect(match).toMatchObject({ matches: false, reason: "different-condition" });
  });

  it("matches a study with no condition to any indication, flagged as context only", () => {
    const match = studyMatchesCourse(study("kurian-2019"), { drug: "memantine", indication: "restless legs syndrome" });
    expect(match).toMatchObject({ matches: true, contextOnly: true });
  });
});
