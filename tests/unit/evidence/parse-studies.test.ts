import studiesFile from "@/db/seed/data/studies.json";
import { formatStudyErrors, parseStudyFile } from "@/lib/evidence/parse-studies";
import { describe, expect, it } from "vitest";

const EXPECTED_IDS = [
  "olivan-blazquez-2014",
  "fayed-2014",
  "memantine-fm-open-pilot",
  "younger-mackey-2009",
  "younger-2013",
  "bruun-2024-final",
  "bested-2023",
  "vatvani-2024",
  "ologunowa-2025",
  "bruun-plesner-2020",
  "kurian-2019",
  "pickering-morel-2018",
  "memantine-rls-claims",
];

// biome-ignore lint/suspicious/noExplicitAny: raw study JSON that the tests deliberately break in every way
type RawStudy = Record<string, any>;
function fileWith(change: (studies: RawStudy[]) => void): unknown {
  const copy = structuredClone(studiesFile) as { studies: RawStudy[] };
  change(copy.studies);
  return copy;
}
const byId = (studies: RawStudy[], id: string) => studies.find((s) => s.id === id)!;

function errorsOf(json: unknown) {
  const result = parseStudyFile(json);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.errors;
}

describe("parseStudyFile on the real studies.json", () => {
  it("accepts all 13 studies, in file order", () => {
    const result = parseStudyFile(studiesFile);
    if (!result.ok) throw new Error(formatStudyErrors(result.errors).join("\n"));
    expect(result.studies.map((s) => s.id)).toEqual(EXPECTED_IDS);
  });

  it("keeps published figures exactly and null as null", () => {
    const result = parseStudyFile(studiesFile);
    if (!result.ok) throw new Error("rejected");
    const final = result.studies.find((s) => s.id === "bruun-2024-final")!;
    expect(final.outcomes![0].arm_results![0]).toEqual({ arm: "ldn", mean_change: -1.3, ci95: [-1.7, -0.8] });
    expect(final.responders!.rate_by_arm).toEqual({ ldn: 0.45, placebo: 0.28 });
    expect(final.responders!.p).toBeNull();
    const younger = result.studies.find((s) => s.id === "younger-2013")!;
    expect(younger.outcomes![0].timepoint_weeks).toEqual({ ldn: 12, placebo: 4 });
  });

  it("keeps fields it does not know (the database stores the whole study JSON)", () => {
    const result = parseStudyFile(fileWith((s) => (byId(s, "bested-2023").local_note = { kept: true })));
    if (!result.ok) throw new Error("rejected");
    const mackey = result.studies.find((s) => s.id === "younger-mackey-2009") as Record<string, unknown>;
    expect(mackey.seed_discrepancy).toMatch(/Pain Medicine/);
    expect(mackey.predictor).toMatch(/sedimentation rate/);
    expect((result.studies.find((s) => s.id === "bested-2023") as Record<string, unknown>).local_note).toEqual({ kept: true });
  });
});

describe("parseStudyFile rejections name the study and the field", () => {
  it("a missing citation", () => {
    const errors = errorsOf(fileWith((s) => delete byId(s, "bruun-2024-final").citation));
    expect(errors).toEqual([expect.objectContaining({ studyId: "bruun-2024-final", field: "citation" })]);
  });

  it("an empty citation", () => {
    const errors = errorsOf(fileWith((s) => (byId(s, "younger-2013").citation = "  ")));
    expect(errors).toEqual([expect.objectContaining({ studyId: "younger-2013", field: "citation" })]);
  });

  it("a ci95 with low > high", () => {
    const errors = errorsOf(fileWith((s) => (byId(s, "bruun-2024-final").outcomes[0].arm_results[1].ci95 = [-0.5, -1.4])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ studyId: "bruun-2024-final", field: "outcomes[0].arm_results[1].ci95" });
    expect(formatStudyErrors(errors)[0]).toMatch(/^bruun-2024-final: outcomes\[0\]\.arm_results\[1\]\.ci95 — .*low <= high/);
  });

  it("a ci95 that is not a pair", () => {
    const errors = errorsOf(fileWith((s) => (byId(s, "kurian-2019").outcomes[0].between_group.ci95 = [-1.31])));
    expect(errors[0]).toMatchObject({ studyId: "kurian-2019", field: expect.stringMatching(/^outcomes\[0\]\.between_group\.ci95/) });
  });

  it("a string where a number should be", () => {
    const errors = errorsOf(fileWith((s) => (byId(s, "olivan-blazquez-2014").n_total = "63")));
    expect(errors).toEqual([expect.objectContaining({ studyId: "olivan-blazquez-2014", field: "n_total" })]);
    const nested = errorsOf(fileWith((s) => (byId(s, "younger-2013").outcomes[0].arm_results[0].mean_pct_reduction = "28.8")));
    expect(nested).toEqual([expect.objectContaining({ studyId: "younger-2013", field: "outcomes[0].arm_results[0].mean_pct_reduction" })]);
  });

  it("a non-finite number", () => {
    const errors = errorsOf(fileWith((s) => (byId(s, "bruun-2024-final").outcomes[0].arm_results[0].mean_change = Number.NaN)));
    expect(errors).toEqual([expect.objectContaining({ studyId: "bruun-2024-final", field: "outcomes[0].arm_results[0].mean_change" })]);
    const infinite = errorsOf(fileWith((s) => (byId(s, "olivan-blazquez-2014").responders.nnt = Number.POSITIVE_INFINITY)));
    expect(infinite).toEqual([expect.objectContaining({ studyId: "olivan-blazquez-2014", field: "responders.nnt" })]);
  });

  it("a duplicate id", () => {
    const errors = errorsOf(fileWith((s) => s.push(structuredClone(byId(s, "younger-2013")))));
    expect(errors).toEqual([
      expect.objectContaining({ studyId: "younger-2013", field: "id", message: expect.stringMatching(/duplicate/) }),
    ]);
  });

  it("a rate of 1.5", () => {
    const errors = errorsOf(fileWith((s) => (byId(s, "bruun-2024-final").responders.rate_by_arm.ldn = 1.5)));
    expect(errors).toEqual([
      expect.objectContaining({
        studyId: "bruun-2024-final",
        field: "responders.rate_by_arm.ldn",
        message: expect.stringMatching(/between 0 and 1/),
      }),
    ]);
  });

  it("an id that is not a lowercase slug", () => {
    const errors = errorsOf(fileWith((s) => (byId(s, "bested-2023").id = "Bested 2023")));
    expect(errors).toEqual([expect.objectContaining({ studyId: "Bested 2023", field: "id" })]);
  });

  it("missing verification, drug or evidence level; an empty design; a numeric doi", () => {
    const errors = errorsOf(
      fileWith((s) => {
        delete byId(s, "bested-2023").verification;
        delete byId(s, "kurian-2019").drug;
        delete byId(s, "vatvani-2024").evidence_level;
        byId(s, "ologunowa-2025").design = "";
        byId(s, "younger-2013").doi = 10.1002;
      }),
    );
    expect(errors.map((e) => `${e.studyId}: ${e.field}`).sort()).toEqual([
      "bested-2023: verification",
      "kurian-2019: drug",
      "ologunowa-2025: design",
      "vatvani-2024: evidence_level",
      "younger-2013: doi",
    ]);
  });

  it("eligibility with an unknown sex, an age range the wrong way round, or a baseline minimum without its value", () => {
    const errors = errorsOf(
      fileWith((s) => {
        byId(s, "younger-2013").eligibility.sex = "women";
        byId(s, "bruun-2024-final").eligibility.age_years = [64, 18];
        delete byId(s, "bruun-2024-final").eligibility.baseline_min.value;
      }),
    );
    expect(errors.map((e) => `${e.studyId}: ${e.field}`).sort()).toEqual([
      "bruun-2024-final: eligibility.age_years",
      "bruun-2024-final: eligibility.baseline_min.value",
      "younger-2013: eligibility.sex",
    ]);
    expect(errors.find((e) => e.field === "eligibility.sex")!.message).toMatch(/"female" or "male"/);
  });

  it("a study without an id is reported with studyId null", () => {
    const errors = errorsOf(fileWith((s) => delete byId(s, "bested-2023").id));
    expect(errors).toEqual([expect.objectContaining({ studyId: null, field: "id" })]);
  });

  it("a file without a studies array", () => {
    expect(errorsOf({ about: "x" })).toEqual([expect.objectContaining({ studyId: null, field: "studies" })]);
    expect(errorsOf(null)).toEqual([expect.objectContaining({ studyId: null, field: "studies" })]);
  });
});
