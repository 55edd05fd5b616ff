import { z } from "zod";
import {
  DEFAULT_LINK_VALID_DAYS,
  MAX_LINK_VALID_DAYS,
  MAX_SCHEDULE_INTERVAL_WEEKS,
  SELF_REPORT_INSTRUMENTS,
} from "@/lib/domain/self-report";

const wholeNumber = (label: string, min: number, max: number) => {
  const message = `${label} must be a whole number from ${min} to ${max}.`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** The patient page's "create a self-report link" form. */
export const createLinkSchema = z
  .object({
    instruments: z
      .array(z.enum(SELF_REPORT_INSTRUMENTS, { error: "Choose from FIQR, pain NRS, IRLS and PGIC." }))
      .min(1, "Choose at least one questionnaire.")
      .transform((list) => SELF_REPORT_INSTRUMENTS.filter((id) => list.includes(id))),
    validDays: z.preprocess(
      (value) => blankToNull(value) ?? DEFAULT_LINK_VALID_DAYS,
      wholeNumber("Valid for (days)", 1, MAX_LINK_VALID_DAYS),
    ),
    courseId: z.preprocess(blankToNull, z.uuid("Choose one of this patient's courses.").nullable()),
    repeatWeeks: z.preprocess(
      (value) => (blankToNull(value) === null || value === "0" ? null : value),
      wholeNumber("Repeat every (weeks)", 1, MAX_SCHEDULE_INTERVAL_WEEKS).nullable(),
    ),
    email: z.preprocess(
      blankToNull,
      z.email("Enter the patient's e-mail address, such as name@example.org, or leave it empty.").max(320).nullable(),
    ),
  })
  .superRefine((value, context) => {
    if (value.repeatWeeks !== null && value.courseId === null)
      context.addIssue({ code: "custom", path: ["courseId"], message: "A repeating link follows a treatment course: choose the course." });
    if (value.repeatWeeks !== null && value.validDays > value.repeatWeeks * 7)
      context.addIssue({
        code: "custom",
        path: ["validDays"],
        message: `A link repeated every ${value.repeatWeeks} weeks can be valid for at most ${value.repeatWeeks * 7} days.`,
      });
  });

export type CreateLinkInput = z.infer<typeof createLinkSchema>;

/** Reads the form: instruments are repeated checkboxes. */
export function readCreateLinkForm(formData: FormData): CreateLinkInput {
  return createLinkSchema.parse({
    instruments: formData.getAll("instruments"),
    validDays: formData.get("validDays") ?? "",
    courseId: formData.get("courseId") ?? "",
    repeatWeeks: formData.get("repeatWeeks") ?? "",
    email: formData.get("email") ?? "",
  });
}
