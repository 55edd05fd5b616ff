import { z } from "zod";
import { SEXES } from "@/lib/domain/sexes";
import { formatChoices } from "@/lib/format";
import { decimalField } from "./decimal-field";

const currentYear = () => new Date().getUTCFullYear();

export const patientSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Patient code is required.")
    .max(32, "Patient code can be at most 32 characters.")
    .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, dots, dashes or underscores only: a pseudonymous code, never a name."),
  birthYear: decimalField("Birth year must be a year such as 1975.").pipe(
    z
      .number()
      .int("Birth year must be a whole year such as 1975.")
      .min(1900, "Birth year must be 1900 or later.")
      .refine((y) => y <= currentYear(), "Birth year cannot be in the future."),
  ),
  sex: z.enum(SEXES, { error: `Choose ${formatChoices(SEXES)}.` }),
  conditions: z
    .array(z.string().trim().min(1).max(100, "A condition can be at most 100 characters."))
    .max(20, "At most 20 conditions.")
    .transform((list) => [...new Set(list)]),
  notes: z
    .string()
    .trim()
    .max(2000, "Notes can be at most 2000 characters.")
    .transform((s) => s || null)
    .nullable()
    .optional(),
});

export type PatientInput = z.infer<typeof patientSchema>;

export { versionSchema } from "./version";
