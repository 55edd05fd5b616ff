import { z } from "zod";

export const patientFiltersSchema = z
  .object({
    code: z.string().max(64, "Search text can be at most 64 characters.").optional(),
    condition: z.string().max(100).optional(),
    drug: z.string().max(100).optional(),
    status: z.enum(["on_treatment", "no_active_treatment"]).optional(),
    sort: z.enum(["code", "last_assessment_desc", "last_assessment_asc"]).optional(),
    // Where the page starts: the previous page's `nextCursor`, as the search route returned it.
    after: z
      .object({
        lastAssessedOn: z.iso.date("The cursor's last assessment must be a date (YYYY-MM-DD) or null.").nullable(),
        code: z.string().min(1, "The cursor's code must not be empty.").max(100, "The cursor's code can be at most 100 characters."),
        id: z.uuid("The cursor's id must be a patient id (a UUID)."),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PatientFiltersInput = z.infer<typeof patientFiltersSchema>;
