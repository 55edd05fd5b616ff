import { NextResponse } from "next/server";
import { importFhirBundle } from "@/lib/data/fhir";
import { FhirBundleRejectedError, operationOutcome } from "@/lib/fhir/outcome";
import { readJson, withUser } from "@/lib/http/json-route";

/**
 * Imports one patient's FHIR R4 Bundle into the active team (clinicians and admins). A refused bundle
 * gets 400 with an OperationOutcome naming each problem (FHIRPath, resource, reason); nothing is written.
 */
export const POST = withUser(async (user, request) => {
  try {
    return NextResponse.json(await importFhirBundle(user, await readJson(request)));
  } catch (error) {
    if (!(error instanceof FhirBundleRejectedError)) throw error;
    return new NextResponse(JSON.stringify(operationOutcome(error.issues)), {
      status: 400,
      headers: { "content-type": "application/fhir+json; charset=utf-8" },
    });
  }
});
