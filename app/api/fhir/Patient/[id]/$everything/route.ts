import { exportPatientFhirBundle } from "@/lib/data/fhir";
import { withUser } from "@/lib/http/json-route";

// The folder is named "$everything" literally: the app router treats only [..] and (..) specially,
// so the FHIR operation's name is the path segment.
export const GET = withUser<{ params: Promise<{ id: string }> }>(async (user, _request, { params }) => {
  const { id } = await params;
  const { bundle, code } = await exportPatientFhirBundle(user, id);
  const filename = `fhir-${code.replace(/[^A-Za-z0-9._-]/g, "_")}.json`;
  return new Response(JSON.stringify(bundle), {
    headers: {
      "content-type": "application/fhir+json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
