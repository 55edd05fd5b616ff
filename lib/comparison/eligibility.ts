import type { Eligibility } from "@/lib/evidence/types";
import { formatScore } from "@/lib/format";
import { getInstrument } from "@/lib/instruments";
import { inSentence } from "./format";

/**
 * outside: the patient is not someone the trial enrolled. inside: the patient fits this criterion.
 * unknown: the record cannot tell. question: for the clinician to answer (never decided here).
 */
export type FindingKind = "outside" | "inside" | "unknown" | "question";
export type EligibilityField = "sex" | "age" | "baseline" | "diagnosis" | "excludes";

export type EligibilityFinding = { kind: FindingKind; field: EligibilityField; message: string };

export type EligibilityInput = {
  /** In sentences: "the FINAL trial", "Younger–Mackey 2009". */
  studyName: string;
  eligibility: Eligibility;
  /** Null when the comparison was not given the patient. */
  patient: { sex: string; birthYear: number } | null;
  /** YYYY-MM-DD */
  courseStart: string;
  /**
   * The patient's baseline in this comparison, on the patient's instrument; null when there is none.
   * "not-compared" leaves the baseline criterion out (the study is shown beside the patient but not compared).
   */
  baseline: { instrumentId: string; total: number } | null | "not-compared";
};

const SEX_ENROLLED = { female: "women", male: "men" } as const;

// Exclusions as the evidence file words them, turned into the question a clinician answers.
// younger-mackey-2009 excluded "current opioid use".
const QUESTION_FOR_EXCLUSION: Readonly<Record<string, string>> = {
  "current opioid use": "does this patient currently take opioids?",
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkSex(name: string, enrolled: "female" | "male", patient: EligibilityInput["patient"]): EligibilityFinding {
  const criterion = `${capitalised(name)} enrolled only ${SEX_ENROLLED[enrolled]}`;
  if (!patient)
    return { kind: "unknown", field: "sex", message: `${criterion}; this patient's sex was not available, so it cannot be checked.` };
  if (patient.sex === enrolled)
    return { kind: "inside", field: "sex", message: `${criterion}; this patient is recorded as ${patient.sex}.` };
  if (patient.sex === "female" || patient.sex === "male") {
    return { kind: "outside", field: "sex", message: `${criterion}; this patient is recorded as ${patient.sex}.` };
  }
  return {
    kind: "unknown",
    field: "sex",
    message: `${criterion}; this patient's sex is recorded as "${patient.sex}", so whether the trial would have enrolled them cannot be told.`,
  };
}

/** Ages the patient may have had at the course start, knowing only the birth year: [before, after] the birthday. */
export function possibleAgesAt(courseStart: string, birthYear: number): [number, number] | null {
  const match = /^(\d{4})-\d{2}-\d{2}/.exec(courseStart);
  if (!match) return null;
  const latest = Number(match[1]) - birthYear;
  return latest < 1 ? null : [latest - 1, latest];
}

function checkAge(name: string, [min, max]: [number, number], input: EligibilityInput): EligibilityFinding {
  const criterion = `${capitalised(name)} enrolled ages ${min}–${max}`;
  if (!input.patient)
    return {
      kind: "unknown",
      field: "age",
      message: `${criterion}; this patient's birth year was not available, so age cannot be checked.`,
    };
  const ages = possibleAgesAt(input.courseStart, input.patient.birthYear);
  if (!ages) {
    return {
      kind: "unknown",
      field: "age",
      message: `${criterion}; the age at the course start (${input.courseStart}) cannot be worked out from the birth year.`,
    };
  }
  const [younger, older] = ages;
  const age = `this patient was ${younger} or ${older} at the course start (only the birth year is recorded)`;
  const inRange = (a: number) => a >= min && a <= max;
  if (inRange(younger) && inRange(older)) return { kind: "inside", field: "age", message: `${criterion}; ${age}.` };
  if (!inRange(younger) && !inRange(older)) return { kind: "outside", field: "age", message: `${criterion}; ${age}.` };
  return { kind: "unknown", field: "age", message: `${criterion}; ${age}, so whether they were within the range cannot be told.` };
}

/** "pain NRS of at least 4/10" (the scale's top is given for scales that start at 0). */
export function baselineMinimumText(minimum: { instrument: string; value: number }): string {
  const trialInstrument = getInstrument(minimum.instrument);
  const measure = trialInstrument ? inSentence(trialInstrument.shortName) : minimum.instrument;
  const threshold = trialInstrument && trialInstrument.min === 0 ? `${minimum.value}/${trialInstrument.max}` : `${minimum.value}`;
  return `${measure} of at least ${threshold}`;
}

function checkBaseline(
  name: string,
  minimum: { instrument: string; value: number },
  baseline: { instrumentId: string; total: number } | null,
): EligibilityFinding {
  const criterion = `${capitalised(name)} enrolled only patients with a baseline ${baselineMinimumText(minimum)}`;
  if (!baseline)
    return { kind: "unknown", field: "baseline", message: `${criterion}; this patient has no baseline on it, so it cannot be checked.` };
  if (baseline.instrumentId !== minimum.instrument) {
    const patientMeasure = getInstrument(baseline.instrumentId)?.shortName ?? baseline.instrumentId;
    return {
      kind: "unknown",
      field: "baseline",
      message: `${criterion}; this comparison uses the patient's ${patientMeasure}, another instrument, so the baseline cannot be checked against it.`,
    };
  }
  const kind = baseline.total >= minimum.value ? "inside" : "outside";
  return { kind, field: "baseline", message: `${criterion}; this patient's baseline was ${formatScore(baseline.total)}.` };
}

/**
 * The patient checked against who a trial enrolled (studies.json `eligibility`): sex, age at the course start,
 * baseline on the trial's instrument; the diagnosis criteria and exclusions are put to the clinician as questions.
 */
export function checkEligibility(input: EligibilityInput): EligibilityFinding[] {
  const { studyName: name, eligibility } = input;
  const findings: EligibilityFinding[] = [];
  if (eligibility.sex) findings.push(checkSex(name, eligibility.sex, input.patient));
  if (eligibility.age_years) findings.push(checkAge(name, eligibility.age_years, input));
  if (eligibility.baseline_min && input.baseline !== "not-compared")
    findings.push(checkBaseline(name, eligibility.baseline_min, input.baseline));
  if (eligibility.diagnosis) {
    findings.push({
      kind: "question",
      field: "diagnosis",
      message: `${capitalised(name)} enrolled patients with ${eligibility.diagnosis} — does this patient's diagnosis meet that?`,
    });
  }
  for (const exclusion of eligibility.excludes ?? []) {
    const question = QUESTION_FOR_EXCLUSION[exclusion.trim().toLowerCase()] ?? "does this apply to this patient?";
    findings.push({
      kind: "question",
      field: "excludes",
      message: `${capitalised(name)} excluded patients with ${exclusion} — ${question}`,
    });
  }
  return findings;
}

/** A baseline below the trial's minimum: the trial's responder definition does not apply to this patient. */
export function isBaselineBelowMinimum(findings: readonly EligibilityFinding[]): boolean {
  return findings.some((f) => f.field === "baseline" && f.kind === "outside");
}
