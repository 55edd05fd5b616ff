import { NextResponse } from "next/server";
import { importCsv } from "@/lib/data/imports";
import { IMPORT_KIND_CHOICES, isImportKind } from "@/lib/import/formats";
import { problemReportCsv } from "@/lib/import/problems";
import type { ImportStreamLine } from "@/lib/import/stream-lines";
import { withWriter } from "@/lib/http/writer-route";

/** Files above this size are refused before reading (a 100,000-row assessments file with items is about 10 MB). */
const MAX_BYTES = 50 * 1024 * 1024;

function refuse(field: string, reason: string) {
  return NextResponse.json({ error: "Invalid request", fieldErrors: { [field]: reason } }, { status: 400 });
}

/**
 * POST multipart/form-data with `file` (and optionally `kind`). The answer streams NDJSON: progress
 * lines while the rows are written, then one result line (accepted, or rejected with the row report).
 * The file's name travels in the body, never in the URL.
 */
export const POST = withWriter(async (user, request) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) return refuse("file", "The file is larger than 50 MB: split it.");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse("file", "Send the file as multipart/form-data in a field named file.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return refuse("file", "Choose a CSV file.");
  if (file.size > MAX_BYTES) return refuse("file", "The file is larger than 50 MB: split it.");
  const kindField = form.get("kind");
  const kind = typeof kindField === "string" && kindField !== "" ? kindField : undefined;
  if (kind !== undefined && !isImportKind(kind)) return refuse("kind", `Choose ${IMPORT_KIND_CHOICES}.`);
  const text = await file.text();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await importCsv(user, { name: file.name, text, kind }, { onProgress: (p) => send({ type: "progress", ...p }) });
        send(
          result.outcome === "accepted"
            ? { type: "result", ...result }
            : { type: "result", ...result, report: problemReportCsv(result.problems) },
        );
      } catch (error) {
        console.error("CSV import failed:", error instanceof Error ? error.name : typeof error);
        send({ type: "error", error: "The import failed; nothing was changed." });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
