import { z } from "zod";

export const patientFiltersSchema = z
  .object({
    code: z.string().max(64, "Search text can be at most 64 characters.").optional(),
    condition: z.string().max(100).optional(),
    drug: z.string().max(100).optional(),
    status: z.enum(["on_treatment", "no_active_treatment"]).optional(),
    sort: z.enum(["code", "last_assessment_desc", "last_assessment_asc"]).optional(),
    page: z.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).optional(),
  })
  .strict();

export type PatientFiltersInput = z.infer<typeof patientFiltersSchema>;
