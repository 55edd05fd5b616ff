import { z } from "zod";
import { COURSE_STATUSES } from "@/lib/domain/courses";

/** /clinic's URL filters: names of a drug, condition and study, and a course status; never patient data. */
export const clinicFiltersSchema = z.object({
  drug: z.string().trim().min(1).max(100).optional().catch(undefined),
  condition: z.string().trim().min(1).max(100).optional().catch(undefined),
  study: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  status: z.enum(COURSE_STATUSES).optional().catch(undefined),
});

export type ClinicFilters = z.infer<typeof clinicFiltersSchema>;

/** The filters from a page's search params: an unknown or malformed value is ignored (the page shows everything for it). */
export function parseClinicFilters(params: Record<string, string | string[] | undefined>): ClinicFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return clinicFiltersSchema.parse({
    drug: first(params.drug) || undefined,
    condition: first(params.condition) || undefined,
    study: first(params.study) || undefined,
    status: first(params.status) || undefined,
  });
}
