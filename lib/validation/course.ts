import { z } from "zod";
import { ADVERSE_EVENT_SEVERITIES, ENDED_COURSE_STATUSES } from "@/lib/domain/courses";
import { formatChoices } from "@/lib/format";
import { isoDate } from "./dates";
import { versionSchema } from "./version";
import { decimalField } from "./decimal-field";

const positiveDose = (label: string) =>
  decimalField(`${label} must be a number such as 12.5 (digits, with a point for decimals).`).pipe(
    z.number().gt(0, `${label} must be more than 0.`).max(10_000, `${label} must be at most 10000.`),
  );

const unit = z.string().trim().min(1, "Choose a dose unit.").max(20, "A dose unit can be at most 20 characters.");
const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} can be at most ${max} characters.`);

export const startCourseSchema = z.object({
  drug: text("Drug", 100),
  indication: text("Indication", 100),
  targetDose: positiveDose("Target dose"),
  doseUnit: unit,
  startDate: isoDate("Start date"),
  startingDose: positiveDose("Starting dose").optional(),
});

export const doseChangeSchema = z.object({
  changedOn: isoDate("Date of the dose change"),
  dose: positiveDose("Dose"),
  doseUnit: unit,
  note: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((s) => s || null),
});

export const endCourseSchema = z.object({
  status: z.enum(ENDED_COURSE_STATUSES, { error: `Choose ${formatChoices(ENDED_COURSE_STATUSES)}.` }),
  endDate: isoDate("End date"),
  stopReason: text("Reason", 500),
  version: versionSchema,
});

export const adverseEventSchema = z.object({
  occurredOn: isoDate("Date of the side effect"),
  event: text("Side effect", 200),
  severity: z.enum(ADVERSE_EVENT_SEVERITIES, { error: `Choose ${formatChoices(ADVERSE_EVENT_SEVERITIES)}.` }),
  notes: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((s) => s || null),
});
