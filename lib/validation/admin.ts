import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { formatChoices } from "@/lib/format";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { ValidationError } from "@/lib/errors";
import { isoDate } from "./dates";
import { decimalField } from "./decimal-field";

/** Form fields arrive as "" when left empty; the filters treat that as "not given". */
const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const roleSchema = z.enum(ROLES, { error: `Choose ${formatChoices(ROLES)}.` });

export const newUserSchema = z.object({
  email: z
    .string({ error: "Email is required." })
    .trim()
    .toLowerCase()
    .min(1, "Email is required.")
    .max(320, "Email can be at most 320 characters.")
    .pipe(z.email({ error: "Enter an email address such as name@clinic.example." })),
  displayName: z.string({ error: "Name is required." }).trim().min(1, "Name is required.").max(100, "Name can be at most 100 characters."),
  role: roleSchema,
  // Always checked against the password policy, also when the email turns out to have an account (which keeps its own).
  password: z.string().max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`).default(""),
});

export const newTeamSchema = z.object({
  teamName: z
    .string({ error: "Team name is required." })
    .trim()
    .min(1, "Team name is required.")
    .max(100, "Team name can be at most 100 characters.")
    .refine((name) => /[a-z0-9]/i.test(name), "Team name needs at least one letter or digit."),
});

export type NewUserFields = { email: string; displayName: string; role: string; password?: string };

export const auditFiltersSchema = z
  .object({
    userId: z.preprocess(blankAsMissing, z.guid("Choose a member from the list.").optional()),
    patientId: z.preprocess(blankAsMissing, z.guid("Not a patient id.").optional()),
    patientCode: z.preprocess(blankAsMissing, z.string().trim().max(32, "Patient code can be at most 32 characters.").optional()),
    from: z.preprocess(blankAsMissing, isoDate("From date").optional()),
    to: z.preprocess(blankAsMissing, isoDate("To date").optional()),
    page: z.preprocess(
      blankAsMissing,
      decimalField("Page must be a whole number.")
        .pipe(z.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000))
        .optional(),
    ),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "To date must be on or after the from date." });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export type AuditFilterInput = z.input<typeof auditFiltersSchema>;

/** Parses input for the data layer: refusals come back as a ValidationError naming each field. */
export function parseOrRefuse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
  throw new ValidationError(fieldErrors);
}
