import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ForbiddenError, NotFoundError, StaleVersionError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { requireUser } from "@/lib/data/session";
import type { SessionUser } from "@/lib/data/session-user";

type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "body";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Maps the data layer's errors to HTTP answers that name the problem and leak nothing else. */
function errorResponse(error: unknown): NextResponse {
  if (error instanceof UnauthenticatedError) return NextResponse.json({ error: error.message }, { status: 401 });
  if (error instanceof NotFoundError) return NextResponse.json({ error: "Not found" }, { status: 404 });
  if (error instanceof ForbiddenError) return NextResponse.json({ error: error.message }, { status: 403 });
  if (error instanceof StaleVersionError) return NextResponse.json({ error: error.message }, { status: 409 });
  if (error instanceof ValidationError)
    return NextResponse.json({ error: "Invalid request", fieldErrors: error.fieldErrors }, { status: 400 });
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: "Invalid request", fieldErrors: fieldErrorsOf(error) }, { status: 400 });
  }
  console.error("Unexpected error in a route handler:", error instanceof Error ? error.name : typeof error);
  return NextResponse.json({ error: "Something went wrong; nothing was changed." }, { status: 500 });
}

/**
 * Cross-site requests are refused for anything that is not a plain read: the browser says where a
 * request comes from (Sec-Fetch-Site, Origin), and it must be this site.
 */
function isCrossSite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false; // not a browser (scripts, tests): no ambient cookies to abuse without one
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A JSON route handler for a signed-in user: same site, session checked, errors mapped to status codes. */
export function withUser<Context>(handler: (user: SessionUser, request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      if (isCrossSite(request)) return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
      const user = await requireUser();
      return await handler(user, request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new z.ZodError([{ code: "custom", path: ["body"], message: "The request body must be JSON.", input: undefined }]);
  }
}
