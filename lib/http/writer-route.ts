import "server-only";
import { NextResponse } from "next/server";
import { can } from "@/lib/auth/can";
import type { SessionUser } from "@/lib/data/session-user";
import { withUser } from "@/lib/http/json-route";

/** A route handler that writes patient records: signed in (401), and a writer of the active team (404 otherwise, like the write pages). */
export function withWriter<Context>(handler: (user: SessionUser, request: Request, context: Context) => Promise<Response>) {
  return withUser<Context>(async (user, request, context) => {
    if (!can(user, "patient:write")) return NextResponse.json({ error: "Not found" }, { status: 404 });
    return handler(user, request, context);
  });
}

/** A CSV download, never cached. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
