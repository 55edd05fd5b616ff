import type { Study } from "@/lib/evidence/types";
import type { Course } from "./types";

const LOW_DOSE_NALTREXONE = "low-dose naltrexone";

// Spellings seen in prescriptions and in studies.json. Plain "naltrexone" is deliberately absent:
// the 50 mg addiction dose is a different treatment from low-dose naltrexone.
const DRUG_ALIASES: Record<string, string> = {
  memantine: "memantine",
  "low-dose naltrexone": LOW_DOSE_NALTREXONE,
  "low dose naltrexone": LOW_DOSE_NALTREXONE,
  "naltrexone (low dose)": LOW_DOSE_NALTREXONE,
  "naltrexone (low-dose)": LOW_DOSE_NALTREXONE,
  "naltrexone low dose": LOW_DOSE_NALTREXONE,
  ldn: LOW_DOSE_NALTREXONE,
};

const CONDITION_ALIASES: Record<string, string> = {
  rls: "restless legs syndrome",
  "restless leg syndrome": "restless legs syndrome",
};

function squash(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Canonical drug name: "LDN" and "Naltrexone (low dose)" both become "low-dose naltrexone". */
export function normalizeDrug(drug: string): string {
  const key = squash(drug);
  return DRUG_ALIASES[key] ?? key;
}

/** Canonical condition: "fibromyalgia (ACR 1990 criteria)" becomes "fibromyalgia" (criteria in parentheses dropped). */
export function normalizeCondition(condition: string): string {
  const key = squash(condition.replace(/\([^)]*\)/g, " "));
  return CONDITION_ALIASES[key] ?? key;
}

type StudyMatch =
  | {
      matches: true;
      /** The study names no condition (e.g. kurian-2019, memantine in chronic pain): context only for any indication. */
      contextOnly: boolean;
      note: string | null;
    }
  | { matches: false; reason: "different-drug" | "different-condition"; message: string };

export function studyMatchesCourse(study: Pick<Study, "drug" | "condition">, course: Pick<Course, "drug" | "indication">): StudyMatch {
  if (normalizeDrug(study.drug) !== normalizeDrug(course.drug)) {
    return {
      matches: false,
      reason: "different-drug",
      message: `The study is of ${study.drug}; the course is ${course.drug}.`,
    };
  }
  const condition = study.condition?.trim();
  if (!condition) {
    return {
      matches: true,
      contextOnly: true,
      note: `The study names no single condition, so it is context only for ${course.indication}.`,
    };
  }
  if (normalizeCondition(condition) !== normalizeCondition(course.indication)) {
    return {
      matches: false,
      reason: "different-condition",
      message: `The study is in ${condition}; the course treats ${course.indication}.`,
    };
  }
  return { matches: true, contextOnly: false, note: null };
}
