import { auditEntriesCsv } from "@/lib/data/audit-queries";
import { readJson } from "@/lib/http/json-route";
import type { AuditFilterInput } from "@/lib/validation/admin";
import { withTeamAdmin } from "../../team-admin-route";

/** The filters from a form body (the page's download) or JSON (scripts). */
async function readFilters(request: Request): Promise<AuditFilterInput> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return (await readJson(request)) as AuditFilterInput;
  if (type.includes("form")) return Object.fromEntries((await request.formData()).entries()) as AuditFilterInput;
  return {};
}

// POST, like the list: the filters may name a patient.
export const POST = withTeamAdmin(async (user, request) => {
  const csv = await auditEntriesCsv(user, await readFilters(request));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="audit.csv"',
      "cache-control": "no-store",
    },
  });
});
