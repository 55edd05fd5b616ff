import "server-only";
import { z } from "zod";
import { ForbiddenError, NotFoundError, StaleVersionError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { requireUser } from "@/lib/data/session";
import type { SessionUser } from "@/lib/data/session-user";
import { fieldErrorsOf } from "@/lib/http/json-route";
import type { FormState } from "./form-state";

/**
 * Every server action runs through this: the session is checked first, then the work; refusals come
 * back as data for the form ({ error } or { fieldErrors }), never as a thrown page error.
 */
export async function runFormAction(work: (user: SessionUser) => Promise<FormState> | Promise<void>): Promise<FormState> {
  try {
    const user = await requireUser();
    return (await work(user)) ?? { ok: true };
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { error: "Your session has ended. Sign in again; nothing was saved." };
    if (error instanceof NotFoundError) return { error: "Not found. It may have been removed, or it is not in your team." };
    if (error instanceof ForbiddenError || error instanceof StaleVersionError) return { error: error.message };
    if (error instanceof ValidationError)
      return { error: "Please correct the fields marked below; nothing was saved.", fieldErrors: error.fieldErrors };
    if (error instanceof z.ZodError)
      return { error: "Please correct the fields marked below; nothing was saved.", fieldErrors: fieldErrorsOf(error) };
    console.error("Unexpected error in a server action:", error instanceof Error ? error.name : typeof error);
    return { error: "Something went wrong; nothing was saved. Try again." };
  }
}

/** The form's text fields, for sending back so the user's input is not lost (never passwords). */
export function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$") || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]}|${value}` : value; // repeated fields (checkboxes) joined with |
  }
  return values;
}
