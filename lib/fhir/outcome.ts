import type { FhirIssue } from "./validate-r4";

/** A bundle refused on import, with every problem found; nothing was written. */
export class FhirBundleRejectedError extends Error {
  constructor(readonly issues: FhirIssue[]) {
    super(issues[0]?.reason ?? "Invalid FHIR bundle");
    this.name = "FhirBundleRejectedError";
  }
}

/** The problems as a FHIR OperationOutcome, as a FHIR server answers a 400: one issue per problem, where and why. */
export function operationOutcome(issues: FhirIssue[]) {
  return {
    resourceType: "OperationOutcome",
    issue: issues.map((issue) => ({
      severity: "error",
      code: "invalid",
      details: { text: issue.reason },
      expression: [issue.expression],
      ...(issue.resource ? { diagnostics: issue.resource } : {}),
    })),
  };
}
