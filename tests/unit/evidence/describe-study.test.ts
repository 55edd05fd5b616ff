import studiesFile from "@/db/seed/data/studies.json";
import {
  doiUrl,
  formatFigure,
  isIdentificationProbable,
  isVerified,
  NOT_REPORTED,
  shownEvidenceLevel,
  studyNameInText,
  studyShortName,
  studySize,
} from "@/lib/evidence/describe-study";
import { parseStudyFile } from "@/lib/evidence/parse-studies";
import type { Study } from "@/lib/evidence/types";
import { describe, expect, it } from "vitest";

const parsed = parseStudyFile(studiesFile);
if (!parsed.ok) throw new Error("studies.json rejected");
const study = (id: string): Study => parsed.studies.find((s) => s.id === id)!;

describe("studySize", () => {
  it("uses n_total when published", () => {
    expect(studySize(study("olivan-blazquez-2014"))).toBe(63);
  });
  it("otherwise sums n_per_arm", () => {
    const final = study("bruun-2024-final");
    expect(studySize(final)).toBe(final.n_per_arm!.ldn + final.n_per_arm!.placebo);
    expect(studySize(study("fayed-2014"))).toBe(13 + 12);
  });
  it("is null when neither is reported", () => {
    expect(studySize(study("vatvani-2024"))).toBeNull();
    expect(studySize({ n_total: null, n_per_arm: {} })).toBeNull();
  });
});

describe("isVerified", () => {
  it("is false only for claims found in the source material alone", () => {
    expect(isVerified(study("memantine-rls-claims"))).toBe(false);
    expect(isVerified(study("fayed-2014"))).toBe(false);
    expect(isVerified(study("bruun-2024-final"))).toBe(true);
    expect(isVerified(study("memantine-fm-open-pilot"))).toBe(true);
  });
});

describe("formatFigure", () => {
  it("shows null and undefined as not reported", () => {
    expect(formatFigure(null)).toBe(NOT_REPORTED);
    expect(formatFigure(undefined)).toBe("not reported");
  });
  it("shows a number as published, unrounded", () => {
    expect(formatFigure(-0.34)).toBe("-0.34");
    expect(formatFigure(16.13)).toBe("16.13");
    expect(formatFigure(6.2)).toBe("6.2");
    expect(formatFigure(0)).toBe("0");
  });
});

describe("doiUrl", () => {
  it("links a DOI through doi.org", () => {
    expect(doiUrl("10.1016/S2665-9913(23)00278-3")).toBe("https://doi.org/10.1016/S2665-9913(23)00278-3");
    expect(doiUrl("doi:10.1002/art.37734")).toBe("https://doi.org/10.1002/art.37734");
  });
  it("is null when there is no DOI", () => {
    expect(doiUrl(null)).toBeNull();
    expect(doiUrl(undefined)).toBeNull();
    expect(doiUrl(" ")).toBeNull();
  });
});

describe("studyShortName", () => {
  it("uses the trial acronym, else first author and year", () => {
    expect(studyShortName(study("bruun-2024-final"))).toBe("the FINAL trial");
    expect(studyShortName(study("younger-2013"))).toBe("Younger 2013");
    expect(studyShortName(study("olivan-blazquez-2014"))).toBe("Olivan-Blázquez 2014");
    expect(studyShortName(study("memantine-rls-claims"))).toBe("memantine-rls-claims");
  });
});

describe("a study whose identification is only probable is labelled so", () => {
  it("memantine-fm-open-pilot (citation 'Probably: ...') is; the others are not", () => {
    expect(study("memantine-fm-open-pilot").citation).toMatch(/^Probably:/);
    const probable = parsed.studies.filter(isIdentificationProbable).map((s) => s.id);
    expect(probable).toEqual(["memantine-fm-open-pilot"]);
  });
  it("a verification value that says 'probable identification' counts too", () => {
    expect(isIdentificationProbable({ citation: "Fayed N, et al. 2019.", verification: "probable identification" })).toBe(true);
    expect(isIdentificationProbable({ citation: "Fayed N, et al. 2019.", verification: "abstract" })).toBe(false);
  });
  it("its name in sentences carries the label; other names are unchanged", () => {
    expect(studyNameInText(study("memantine-fm-open-pilot"))).toBe("Fayed 2019 (identification probable)");
    expect(studyNameInText(study("bruun-2024-final"))).toBe("the FINAL trial");
  });
});

describe("an unverified study shows no evidence level taken from its own text", () => {
  it("fayed-2014's '(25 patients)' is not shown; a verified study's level is", () => {
    expect(study("fayed-2014").evidence_level).toContain("25 patients");
    expect(shownEvidenceLevel(study("fayed-2014"))).toBe("not verified");
    expect(shownEvidenceLevel(study("memantine-rls-claims"))).toBe("not verified");
    expect(shownEvidenceLevel(study("bruun-2024-final"))).toBe(study("bruun-2024-final").evidence_level);
  });
});
