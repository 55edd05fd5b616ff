// The column format of each kind of CSV import, written once: the templates, the importer, the exporter
// and the README's table follow it. Pure: no database.
import { INSTRUMENT_IDS } from "@/lib/domain/instruments";
import { instruments } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";
import type { ImportKind } from "./kinds";

export { IMPORT_KIND_CHOICES, IMPORT_KINDS, type ImportKind, isImportKind } from "./kinds";

/** Separates several conditions in one cell of the patients file. */
export const CONDITION_SEPARATOR = "|";

export const PATIENT_COLUMNS = ["code", "birth_year", "sex", "conditions", "notes"] as const;

/** One row per dose step of a course; the course columns repeat on each of its rows. */
export const COURSE_COLUMNS = [
  "patient_code",
  "drug",
  "indication",
  "target_dose",
  "dose_unit",
  "start_date",
  "status",
  "end_date",
  "stop_reason",
  "change_on",
  "change_dose",
  "change_unit",
  "change_note",
] as const;

/** The column of one item answer: the instrument id, then the item key (e.g. fiqr_function_1). */
export function itemColumn(instrumentId: InstrumentId, itemKey: string): string {
  return `${instrumentId}_${itemKey}`;
}

/** Every item-answer column, instrument by instrument, in questionnaire order. */
export const ITEM_COLUMNS: readonly { column: string; instrumentId: InstrumentId; itemKey: string }[] = INSTRUMENT_IDS.flatMap((id) =>
  instruments[id].items.map((item) => ({ column: itemColumn(id, item.key), instrumentId: id, itemKey: item.key })),
);

export const ASSESSMENT_COLUMNS = [
  "patient_code",
  "instrument",
  "taken_on",
  "total",
  "course_drug",
  "course_start_date",
  "external_id",
  ...ITEM_COLUMNS.map((c) => c.column),
] as const;

/** One row per side effect; the course is named as in the assessments file (patient, drug, start date). */
export const ADVERSE_EVENT_COLUMNS = [
  "patient_code",
  "course_drug",
  "course_start_date",
  "occurred_on",
  "event",
  "severity",
  "notes",
] as const;

export const COLUMNS: Record<ImportKind, readonly string[]> = {
  patients: PATIENT_COLUMNS,
  courses: COURSE_COLUMNS,
  assessments: ASSESSMENT_COLUMNS,
  adverse_events: ADVERSE_EVENT_COLUMNS,
};

/** Columns a file of the kind must have in its header. */
export const REQUIRED_COLUMNS: Record<ImportKind, readonly string[]> = {
  patients: ["code", "birth_year", "sex"],
  courses: ["patient_code", "drug", "indication", "target_dose", "dose_unit", "start_date"],
  assessments: ["patient_code", "instrument", "taken_on"],
  adverse_events: ["patient_code", "course_drug", "course_start_date", "occurred_on", "event", "severity"],
};

/** The kind a header describes, from its required columns (side effects, assessments, courses, then patients). */
export function detectKind(columns: readonly string[]): ImportKind | null {
  const has = (kind: ImportKind) => REQUIRED_COLUMNS[kind].every((c) => columns.includes(c));
  return (["adverse_events", "assessments", "courses", "patients"] as const).find(has) ?? null;
}

/** Example rows of each template (synthetic). */
export const TEMPLATE_EXAMPLES: Record<ImportKind, Record<string, string>[]> = {
  patients: [
    { code: "EX-001", birth_year: "1975", sex: "female", conditions: "fibromyalgia", notes: "" },
    { code: "EX-002", birth_year: "1960", sex: "male", conditions: "restless legs syndrome|chronic pain", notes: "" },
  ],
  courses: [
    {
      patient_code: "EX-001",
      drug: "memantine",
      indication: "fibromyalgia",
      target_dose: "20",
      dose_unit: "mg/day",
      start_date: "2026-01-05",
      status: "active",
      change_on: "2026-01-05",
      change_dose: "5",
      change_note: "starting dose",
    },
    {
      patient_code: "EX-001",
      drug: "memantine",
      indication: "fibromyalgia",
      target_dose: "20",
      dose_unit: "mg/day",
      start_date: "2026-01-05",
      status: "active",
      change_on: "2026-01-12",
      change_dose: "10",
    },
  ],
  assessments: [
    { patient_code: "EX-001", instrument: "pain_nrs_0_10", taken_on: "2026-01-05", total: "7" },
    {
      patient_code: "EX-001",
      instrument: "fiqr",
      taken_on: "2026-01-05",
      course_drug: "memantine",
      course_start_date: "2026-01-05",
      external_id: "form-1234",
      ...Object.fromEntries(ITEM_COLUMNS.filter((c) => c.instrumentId === "fiqr").map((c) => [c.column, "5"])),
    },
  ],
  adverse_events: [
    {
      patient_code: "EX-001",
      course_drug: "memantine",
      course_start_date: "2026-01-05",
      occurred_on: "2026-01-14",
      event: "dizziness",
      severity: "mild",
      notes: "after the step to 10 mg",
    },
  ],
};
