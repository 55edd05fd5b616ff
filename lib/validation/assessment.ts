import { z } from "zod";
import { INSTRUMENT_IDS } from "@/lib/domain/instruments";
import { isoDate } from "./dates";

/** The envelope of an assessment; the instrument's own score() validates the answers. */
export const assessmentEnvelopeSchema = z.object({
  instrumentId: z.enum(INSTRUMENT_IDS, { error: "Choose an instrument." }),
  takenOn: isoDate("Date taken"),
  courseId: z
    .string()
    .optional()
    .transform((s) => s || null)
    .refine((s) => s === null || /^[0-9a-f-]{36}$/i.test(s), "Choose one of the patient's courses."),
});
