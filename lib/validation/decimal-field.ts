import { z } from "zod";
import { readDecimal } from "./decimal";

/**
 * A form field holding a number, read by readDecimal; anything else is refused with `message`, which
 * should name the field. Chain the range with .pipe(z.number()...).
 */
export function decimalField(message: string) {
  return z.unknown().transform((raw, context) => {
    const value = readDecimal(raw);
    if (value === undefined) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  });
}
