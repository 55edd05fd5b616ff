import { NextResponse } from "next/server";
import { isImportKind } from "@/lib/import/formats";
import { templateCsv } from "@/lib/import/template";
import { csvResponse, withWriter } from "@/lib/http/writer-route";

export const GET = withWriter<{ params: Promise<{ kind: string }> }>(async (_user, _request, { params }) => {
  const { kind } = await params;
  if (!isImportKind(kind)) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return csvResponse(templateCsv(kind), `yardstick-${kind}-template.csv`);
});
