import "server-only";
import { NextResponse } from "next/server";
import { can } from "@/lib/auth/can";
import { ValidationError } from "@/lib/errors";
import type { SessionUser } from "@/lib/data/session-user";
import { withUser } from "@/lib/http/json-route";

/**
 * A route handler of the admin area: signed in (401 otherwise), admin of the active team (404
 * otherwise, so other roles do not learn the area exists), and refused input answered with 400.
 */
export function withTeamAdmin(handler: (user: SessionUser, request: Request) => Promise<Response>) {
  return withUser(async (user, request) => {
    if (!can(user, "team:manage")) return NextResponse.json({ error: "Not found" }, { status: 404 });
    try {
      return await handler(user, request);
    } catch (error) {
      if (error instanceof ValidationError)
        return NextResponse.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 400 });
      throw error;
    }
  });
}
