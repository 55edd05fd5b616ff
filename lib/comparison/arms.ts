import type { Study } from "@/lib/evidence/types";

// Arm keys as written in studies.json ("ldn", "placebo", "memantine").
const ARM_NAMES: Record<string, string> = { ldn: "LDN" };
const COMPARATOR_ARM = /placebo|control|sham|usual care|waiting list/i;

export function isComparatorArm(arm: string): boolean {
  return COMPARATOR_ARM.test(arm);
}

/** Leading "<number> mg" of the study's dose text, e.g. "6 mg" from "6 mg/day, titrated over the first 4 weeks". */
function doseLabel(dose: string | null | undefined): string | null {
  const match = dose?.match(/^\s*(\d+(?:\.\d+)?\s*mg)\b/i);
  return match ? match[1] : null;
}

/** "LDN 6 mg" for the active arm of bruun-2024-final, "placebo" for its comparator. */
export function armLabel(study: Pick<Study, "dose">, arm: string): string {
  const name = ARM_NAMES[arm.toLowerCase()] ?? arm.replace(/_/g, " ");
  if (isComparatorArm(arm)) return name;
  const dose = doseLabel(study.dose);
  return dose ? `${name} ${dose}` : name;
}
