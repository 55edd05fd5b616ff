import type { FormState } from "./form-state";

/**
 * A server action is a public endpoint: anyone can call it with any arguments, not only our forms.
 * Arguments of the wrong type are refused with this answer before anything reads them, so they
 * cannot throw into the server's log.
 */
export const MALFORMED_REQUEST: FormState = { error: "This request could not be read; nothing was saved. Reload the page and try again." };

type Expected = { ids?: unknown[]; flags?: unknown[]; formData?: unknown };

/** True unless every id is a short string, every flag a boolean and formData (when expected) a FormData. */
export function argumentsAreMalformed(expected: Expected): boolean {
  if ((expected.ids ?? []).some((id) => typeof id !== "string" || id.length > 100)) return true;
  if ((expected.flags ?? []).some((flag) => typeof flag !== "boolean")) return true;
  return "formData" in expected && !(expected.formData instanceof FormData);
}
