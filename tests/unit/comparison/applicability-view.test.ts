import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StudyComparisonCard } from "@/components/comparison/study-comparison-card";
import { StudyDetail } from "@/components/evidence/study-detail";
import { StudyListTable } from "@/components/evidence/study-list-table";
import { applicabilityOf } from "@/lib/comparison/applicability";
import type { InstrumentTrajectory, StudyComparisons } from "@/lib/data/comparisons";
import type { StudyRecord } from "@/lib/data/studies";
import {
  isIdentificationProbable,
  isVerified,
  shownEvidenceLevel,
  studyNameInText,
  studyShortName,
  studySize,
} from "@/lib/evidence/describe-study";
import type { Study } from "@/lib/evidence/types";
import { baselineAndFollowUp, compareScores, ldnCourse, memantineCourse, START, study } from "./helpers";

// Server markup only (recharts draws after mounting): the sentences are what is checked.
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");

function record(s: Study): StudyRecord {
  return {
    id: s.id,
    shortName: studyShortName(s),
    drug: s.drug,
    condition: s.condition ?? null,
    design: s.design ?? null,
    verification: s.verification,
    verified: isVerified(s),
    identificationProbable: isIdentificationProbable(s),
    evidenceLevel: shownEvidenceLevel(s),
    citation: s.citation,
    doi: s.doi ?? null,
    nTotal: studySize(s),
    durationWeeks: s.duration_weeks ?? null,
    study: s,
  };
}

type Patient = { sex: string; birthYear: number };
const woman1975: Patient = { sex: "female", birthYear: 1975 };

function card(
  s: Study,
  results: StudyComparisons["results"],
  patient: Patient = woman1975,
  trajectories: InstrumentTrajectory[] = [],
): string {
  const r = record(s);
  const entry: StudyComparisons = {
    study: {
      id: r.id,
      shortName: r.shortName,
      evidenceLevel: r.evidenceLevel,
      size: r.nTotal,
      verification: r.verification,
      verified: r.verified,
      identificationProbable: r.identificationProbable,
      caveats: s.caveats ?? null,
    },
    results,
    applicability: applicabilityOf(s, { studyName: studyNameInText(s), patient, courseStart: START, baseline: "not-compared" }),
  };
  return text(renderToStaticMarkup(createElement(StudyComparisonCard, { entry, trajectories, headingId: "h" })));
}

describe("a man born 1950 with baseline NRS 3 on LDN, beside FINAL", () => {
  const final = study("bruun-2024-final");
  const outcome = compareScores({
    course: ldnCourse,
    instrumentId: "pain_nrs_0_10",
    assessments: baselineAndFollowUp(3, 1, 12),
    study: final,
    patient: { sex: "male", birthYear: 1950 },
  });
  const shown = card(final, [{ instrumentId: "pain_nrs_0_10", instrumentName: "Pain NRS", outcome }], { sex: "male", birthYear: 1950 });
  // Course starts 2024-01-01: 2024 - 1950 = 74, or 73 before the birthday; FINAL enrolled 18-64.
  const [, maxAge] = final.eligibility!.age_years!;

  it("says plainly that the patient falls outside, on each criterion, near the sentence", () => {
    expect(73).toBeGreaterThan(maxAge);
    expect(shown).toContain("This patient falls outside who the FINAL trial enrolled: its figures describe people unlike this patient.");
    expect(shown).toContain("Outside the trial: The FINAL trial enrolled only women; this patient is recorded as male.");
    expect(shown).toContain(`Outside the trial: The FINAL trial enrolled ages 18–${maxAge}; this patient was 73 or 74 at the course start`);
    expect(shown).toContain(
      "Outside the trial: The FINAL trial enrolled only patients with a baseline pain NRS of at least 4/10; this patient's baseline was 3.",
    );
    expect(shown).toContain("Question for you: The FINAL trial enrolled patients with fibromyalgia (ACR 1990 criteria)");
    expect(shown.indexOf("Pain NRS fell 2 points")).toBeLessThan(shown.indexOf("This patient falls outside"));
    // Said once, beside the comparison: the card-level findings are only for studies that could not be compared.
    expect(shown.match(/This patient falls outside/g)).toHaveLength(1);
  });

  it("gives no responder verdict", () => {
    expect(shown).toContain("Not applicable: the patient's baseline is below the FINAL trial's minimum");
    expect(shown).not.toMatch(/is a responder|is not a responder/);
  });
});

describe("Younger–Mackey 2009's opioid exclusion is a question", () => {
  it("is put to the clinician on its card, although its results are in words only and not compared", () => {
    const mackey = study("younger-mackey-2009");
    const outcome = compareScores({
      course: ldnCourse,
      instrumentId: "pain_nrs_0_10",
      assessments: baselineAndFollowUp(7, 4, 12),
      study: mackey,
      patient: woman1975,
    });
    expect(outcome).toMatchObject({ comparable: false, code: "no-numeric-outcome" });
    const shown = card(mackey, [{ instrumentId: "pain_nrs_0_10", instrumentName: "Pain NRS", outcome }]);
    expect(shown).toContain("Within the trial: Younger 2009 enrolled only women; this patient is recorded as female.");
    expect(shown).toContain(
      "Question for you: Younger 2009 excluded patients with current opioid use — does this patient currently take opioids?",
    );
    const forMan = card(mackey, [{ instrumentId: "pain_nrs_0_10", instrumentName: "Pain NRS", outcome }], { sex: "male", birthYear: 1975 });
    expect(forMan).toContain("This patient falls outside who Younger 2009 enrolled");
  });

  it("is asked on the study page, not decided", () => {
    const html = text(renderToStaticMarkup(createElement(StudyDetail, { record: record(study("younger-mackey-2009")) })));
    expect(html).toContain("Who the trial enrolled");
    expect(html).toContain("Excludedcurrent opioid use");
  });
  it("is put to the clinician when the patient is compared", () => {
    const mackey = study("younger-mackey-2009");
    // Give the study a numeric outcome so that it can be compared; the eligibility is the file's.
    mackey.outcomes = study("younger-2013").outcomes;
    const outcome = compareScores({
      course: ldnCourse,
      instrumentId: "pain_nrs_0_10",
      assessments: baselineAndFollowUp(7, 4, 12),
      study: mackey,
      patient: { sex: "female", birthYear: 1975 },
    });
    expect(outcome.comparable).toBe(true);
    const shown = card(mackey, [{ instrumentId: "pain_nrs_0_10", instrumentName: "Pain NRS", outcome }]);
    expect(shown).toContain(
      "Question for you: Younger 2009 excluded patients with current opioid use — does this patient currently take opioids?",
    );
    expect(shown).not.toContain("This patient falls outside");
  });
});

describe("verification shown honestly", () => {
  const pilot = study("memantine-fm-open-pilot");
  const fayed = study("fayed-2014");

  it("the probably-identified pilot is labelled in the list, on its page (title and citation) and on a comparison card", () => {
    const list = text(renderToStaticMarkup(createElement(StudyListTable, { studies: [record(pilot), record(study("bruun-2024-final"))] })));
    expect(list).toContain("Fayed 2019 (identification probable)");
    expect(list.match(/identification probable/g)).toHaveLength(1);

    const page = renderToStaticMarkup(createElement(StudyDetail, { record: record(pilot) }));
    expect(text(page.match(/<h1>.*?<\/h1>/)![0])).toBe("Fayed 2019 (identification probable)");
    expect(text(page)).toContain(`(identification probable) ${pilot.citation}`);

    const outcome = compareScores({
      course: memantineCourse,
      instrumentId: "fiqr",
      assessments: baselineAndFollowUp(60, 40, 12),
      study: pilot,
    });
    const shown = card(pilot, [{ instrumentId: "fiqr", instrumentName: "FIQR", outcome }]);
    expect(shown.startsWith("Fayed 2019 (identification probable)")).toBe(true);
    if (!outcome.comparable) expect(shown).toContain("Not compared with Fayed 2019 (identification probable)");
  });

  it("an unverified study shows no evidence level or size from its own text", () => {
    expect(fayed.evidence_level).toContain("25 patients");
    const list = text(renderToStaticMarkup(createElement(StudyListTable, { studies: [record(fayed)] })));
    expect(list).not.toContain("25");
    expect(list).toContain("not verified");
    const page = text(renderToStaticMarkup(createElement(StudyDetail, { record: record(fayed) })));
    expect(page).not.toContain("25 patients");
    expect(page).toContain("Evidence levelnot verified");
    const outcome = compareScores({
      course: memantineCourse,
      instrumentId: "fiqr",
      assessments: baselineAndFollowUp(60, 40, 26),
      study: fayed,
    });
    const shown = card(fayed, [{ instrumentId: "fiqr", instrumentName: "FIQR", outcome }]);
    expect(shown).toContain("Evidence level: not verified · Size: unverified");
    expect(shown).not.toContain("25");
  });
});
