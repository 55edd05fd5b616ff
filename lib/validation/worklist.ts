import { z } from "zod";
import { WORKLIST_REASONS } from "@/lib/domain/worklist-reasons";

export const acknowledgeSchema = z.object({
  reason: z.enum(WORKLIST_REASONS, { error: "Choose one of the worklist's reasons." }),
  note: z.string().trim().min(1, "A note is required: say what was done or decided.").max(1000, "A note can be at most 1000 characters."),
});

export const followUpWeeksSchema = z.object({
  followUpWeeks: z.coerce
    .number({ error: "Follow-up weeks must be a whole number from 1 to 52." })
    .int("Follow-up weeks must be a whole number from 1 to 52.")
    .min(1, "Follow-up weeks must be a whole number from 1 to 52.")
    .max(52, "Follow-up weeks must be a whole number from 1 to 52."),
});

/** The worklist's filters, read from the URL; anything unknown is dropped rather than refused. */
export const worklistFiltersSchema = z.object({
  reason: z.enum(WORKLIST_REASONS).optional().catch(undefined),
  drug: z.string().trim().max(100).optional().catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
});

export type WorklistFilters = z.infer<typeof worklistFiltersSchema>;
