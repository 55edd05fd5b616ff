import type { Study } from "@/lib/evidence/types";
import type { ResponseCategory } from "@/lib/instruments/response";
import { checkEligibility, isBaselineBelowMinimum, type EligibilityInput } from "./eligibility";
import type { Applicability, ResponderAssessment } from "./types";

export type { Applicability };

/** The patient against the study's stated eligibility; `stated: false` when studies.json states none. */
export function applicabilityOf(study: Study, input: Omit<EligibilityInput, "eligibility">): Applicability {
  const eligibility = study.eligibility;
  if (!eligibility) return { stated: false, source: null, findings: [], baselineBelowMinimum: false };
  const findings = checkEligibility({ ...input, eligibility });
  return { stated: true, source: eligibility.source ?? null, findings, baselineBelowMinimum: isBaselineBelowMinimum(findings) };
}

/** A patient whose baseline is below the trial's minimum is never called a trial responder (or non-responder). */
export function responderWithinEligibility(
  responder: ResponderAssessment | null,
  applicability: Applicability,
  studyName: string,
  classification: ResponseCategory,
): ResponderAssessment | null {
  if (!responder || !applicability.baselineBelowMinimum) return responder;
  return {
    ...responder,
    applicable: false,
    isResponder: null,
    note: `Not applicable: the patient's baseline is below ${studyName}'s minimum, so its responder definition does not apply to this patient.`,
    fallback: classification,
  };
}
