import { NextResponse } from "next/server";
import { exportPatientCsv } from "@/lib/data/exports";
import { IMPORT_KIND_CHOICES, isImportKind } from "@/lib/import/formats";
import { withUser } from "@/lib/http/json-route";
import { csvResponse } from "@/lib/http/writer-route";

/** GET /api/patients/{id}/export?kind=patients|courses|assessments|adverse_events (default assessments): one patient's record as CSV. */
export const GET = withUser<{ params: Promise<{ id: string }> }>(async (user, request, { params }) => {
  const kind = new URL(request.url).searchParams.get("kind") ?? "assessments";
  if (!isImportKind(kind)) {
    return NextResponse.json({ error: "Invalid request", fieldErrors: { kind: `Choose ${IMPORT_KIND_CHOICES}.` } }, { status: 400 });
  }
  const { csv } = await exportPatientCsv(user, (await params).id, kind);
  return csvResponse(csv, `yardstick-patient-${kind}.csv`);
});
