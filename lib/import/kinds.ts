// The kinds of CSV file Yardstick imports and exports, and what the pages call them. Pure and free of
// dependencies, so the import form (a client component) can use it.
import { formatChoices } from "@/lib/format";

export const IMPORT_KINDS = ["patients", "courses", "assessments", "adverse_events"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** The kinds as a request or the command line names them: "patients, courses, assessments or adverse_events". */
export const IMPORT_KIND_CHOICES = formatChoices(IMPORT_KINDS);

/** What the pages call each kind (the kind selector, the patient list's downloads). */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  patients: "Patients",
  courses: "Courses and dose changes",
  assessments: "Assessments",
  adverse_events: "Side effects",
};

/** The rows of each kind, as the import's result sentence counts them ("12 side effects rows read"). */
export const IMPORT_KIND_ROW_NOUNS: Record<ImportKind, string> = {
  patients: "patients",
  courses: "courses",
  assessments: "assessments",
  adverse_events: "side effects",
};
