import { NextResponse } from "next/server";
import { exportTeamCsv } from "@/lib/data/exports";
import { isImportKind } from "@/lib/import/formats";
import { withUser } from "@/lib/http/json-route";
import { csvResponse } from "@/lib/http/writer-route";
import { patientFiltersSchema } from "@/lib/validation/patient-filters";

function refuseCodeInUrl() {
  return NextResponse.json(
    { error: "Invalid request", fieldErrors: { code: "Search text stays out of URLs: send the filters in a POST body." } },
    { status: 400 },
  );
}

/** The patient list's filters from a query string (GET) or a form or JSON body (POST); the export takes every page. */
function filtersOf(entries: Record<string, unknown>) {
  const raw = { ...entries };
  for (const [key, value] of Object.entries(raw)) if (value === "") delete raw[key];
  return patientFiltersSchema.parse(raw);
}

async function answer(user: Parameters<Parameters<typeof withUser>[0]>[0], kind: string, entries: Record<string, unknown>) {
  if (!isImportKind(kind)) return NextResponse.json({ error: "Not found" }, { status: 404 });
  const csv = await exportTeamCsv(user, kind, filtersOf(entries));
  return csvResponse(csv, `yardstick-${kind}.csv`);
}

type Context = { params: Promise<{ kind: string }> };

/** GET /api/export/{patients|courses|assessments|adverse_events}?condition=&drug=&status=: the team's records in the import format. */
export const GET = withUser<Context>(async (user, request, { params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  if ("code" in query) return refuseCodeInUrl();
  return answer(user, (await params).kind, query);
});

/** The same with the filters (search text included) in the body, as the patient list's download sends them. */
export const POST = withUser<Context>(async (user, request, { params }) => {
  const type = request.headers.get("content-type") ?? "";
  const entries = type.includes("application/json")
    ? ((await request.json().catch(() => ({}))) as Record<string, unknown>)
    : type.includes("form")
      ? Object.fromEntries((await request.formData()).entries())
      : {};
  return answer(user, (await params).kind, entries);
});
