import { unguardCell } from "@/lib/csv/cell-guard";
import type { CsvRecord } from "@/lib/csv/parse-csv";
import { doseChangeSchema, endCourseSchema, startCourseSchema } from "@/lib/validation/course";
import { isBlank } from "@/lib/validation/decimal";
import { type ImportProblem, zodProblems } from "./problems";

export type CourseFields = {
  drug: string;
  indication: string;
  targetDose: number;
  doseUnit: string;
  startDate: string;
  status: "active" | "stopped" | "completed";
  endDate: string | null;
  stopReason: string | null;
};
export type DoseStep = { changedOn: string; dose: number; doseUnit: string; note: string | null };
export type CourseRow = { row: number; patientCode: string; course: CourseFields; dose: DoseStep | null };

const COURSE_COLUMN_OF = {
  drug: "drug",
  indication: "indication",
  targetDose: "target_dose",
  doseUnit: "dose_unit",
  startDate: "start_date",
  status: "status",
  endDate: "end_date",
  stopReason: "stop_reason",
};
const DOSE_COLUMN_OF = { changedOn: "change_on", dose: "change_dose", doseUnit: "change_unit", note: "change_note" };
// The form's start schema without its starting dose (the file gives every dose step) and the end
// schema without the edit's version (an import creates).
const courseStart = startCourseSchema.omit({ startingDose: true });
const courseEnd = endCourseSchema.omit({ version: true });

function readEnd(
  record: CsvRecord,
  status: string,
): { end?: Pick<CourseFields, "status" | "endDate" | "stopReason">; problems: ImportProblem[] } {
  const { cells, row } = record;
  if (status === "" || status === "active") {
    const stray = (["end_date", "stop_reason"] as const).find((c) => !isBlank(cells[c]));
    if (stray)
      return {
        problems: [
          {
            row,
            column: stray,
            value: cells[stray],
            reason: "An active course has no end date or stop reason: leave it empty or set status.",
          },
        ],
      };
    return { end: { status: "active", endDate: null, stopReason: null }, problems: [] };
  }
  const parsed = courseEnd.safeParse({ status, endDate: cells.end_date ?? "", stopReason: unguardCell(cells.stop_reason ?? "") });
  if (!parsed.success) return { problems: zodProblems(parsed.error, row, cells, COURSE_COLUMN_OF) };
  return { end: parsed.data, problems: [] };
}

function readDose(record: CsvRecord, course: CourseFields): { dose: DoseStep | null; problems: ImportProblem[] } {
  const { cells, row } = record;
  if (Object.values(DOSE_COLUMN_OF).every((c) => isBlank(cells[c]))) return { dose: null, problems: [] };
  const parsed = doseChangeSchema.safeParse({
    changedOn: cells.change_on ?? "",
    dose: cells.change_dose ?? "",
    doseUnit: isBlank(cells.change_unit) ? course.doseUnit : cells.change_unit,
    note: unguardCell(cells.change_note ?? ""),
  });
  if (!parsed.success) return { dose: null, problems: zodProblems(parsed.error, row, cells, DOSE_COLUMN_OF) };
  const dose = parsed.data;
  const value = cells.change_on;
  if (dose.changedOn < course.startDate)
    return {
      dose: null,
      problems: [{ row, column: "change_on", value, reason: `A dose change cannot precede the course start (${course.startDate}).` }],
    };
  if (course.endDate && dose.changedOn > course.endDate)
    return { dose: null, problems: [{ row, column: "change_on", value, reason: `The course ended on ${course.endDate}.` }] };
  return { dose, problems: [] };
}

/** A row of the courses file: the course (with the forms' start and end rules) and, if given, one dose step. */
export function readCourseRow(record: CsvRecord): { value?: CourseRow; problems: ImportProblem[] } {
  const { cells, row } = record;
  const patientCode = unguardCell(cells.patient_code ?? "").trim();
  const problems: ImportProblem[] = [];
  if (patientCode === "") problems.push({ row, column: "patient_code", value: "", reason: "Patient code is required." });
  const start = courseStart.safeParse({
    drug: unguardCell(cells.drug ?? ""),
    indication: unguardCell(cells.indication ?? ""),
    targetDose: cells.target_dose ?? "",
    doseUnit: cells.dose_unit ?? "",
    startDate: cells.start_date ?? "",
  });
  if (!start.success) problems.push(...zodProblems(start.error, row, cells, COURSE_COLUMN_OF));
  const end = readEnd(record, (cells.status ?? "").trim());
  problems.push(...end.problems);
  if (!start.success || !end.end || problems.length > 0) return { problems };
  const course: CourseFields = { ...start.data, ...end.end };
  if (course.endDate && course.endDate < course.startDate)
    return {
      problems: [
        { row, column: "end_date", value: cells.end_date, reason: `The end date cannot precede the start date (${course.startDate}).` },
      ],
    };
  const dose = readDose(record, course);
  if (dose.problems.length > 0) return { problems: dose.problems };
  return { value: { row, patientCode, course, dose: dose.dose }, problems: [] };
}

/** A course's natural key within a team: patient code, drug and start date. */
export function courseKey(patientCode: string, drug: string, startDate: string): string {
  return JSON.stringify([patientCode, drug, startDate]);
}

/** Whether two rows describe the same course fields (they repeat on each dose step of one course). */
export function sameCourse(a: CourseFields, b: CourseFields): boolean {
  return (Object.keys(a) as (keyof CourseFields)[]).every((k) => a[k] === b[k]);
}
