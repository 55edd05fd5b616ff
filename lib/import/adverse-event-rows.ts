import { unguardCell } from "@/lib/csv/cell-guard";
import type { CsvRecord } from "@/lib/csv/parse-csv";
import type { AdverseEventSeverity } from "@/lib/domain/courses";
import { adverseEventSchema } from "@/lib/validation/course";
import { isoDate } from "@/lib/validation/dates";
import { type ImportProblem, zodProblems } from "./problems";

export type AdverseEventRow = {
  row: number;
  patientCode: string;
  course: { drug: string; startDate: string };
  occurredOn: string;
  event: string;
  severity: AdverseEventSeverity;
  notes: string | null;
};

const COLUMN_OF = { occurredOn: "occurred_on", event: "event", severity: "severity", notes: "notes" };
const courseStartDate = isoDate("Course start date");

/**
 * A row of the side-effects file: the side-effect form's schema, and the data layer's rule that a side
 * effect cannot precede its course's start (lib/data/course-writes.ts; no rule on the course's end,
 * there or here). The course itself is looked up in the team when the file is written.
 */
export function readAdverseEventRow(record: CsvRecord): { value?: AdverseEventRow; problems: ImportProblem[] } {
  const { cells, row } = record;
  const problems: ImportProblem[] = [];
  const patientCode = unguardCell(cells.patient_code ?? "").trim();
  if (patientCode === "") problems.push({ row, column: "patient_code", value: "", reason: "Patient code is required." });
  const drug = unguardCell(cells.course_drug ?? "").trim();
  if (drug === "")
    problems.push({ row, column: "course_drug", value: "", reason: "Course drug is required: name the side effect's course." });
  const start = courseStartDate.safeParse(cells.course_start_date ?? "");
  if (!start.success)
    problems.push({ row, column: "course_start_date", value: cells.course_start_date ?? "", reason: start.error.issues[0].message });
  const parsed = adverseEventSchema.safeParse({
    occurredOn: cells.occurred_on ?? "",
    event: unguardCell(cells.event ?? ""),
    severity: (cells.severity ?? "").trim(),
    notes: unguardCell(cells.notes ?? ""),
  });
  if (!parsed.success) problems.push(...zodProblems(parsed.error, row, cells, COLUMN_OF));
  if (!start.success || !parsed.success || problems.length > 0) return { problems };
  if (parsed.data.occurredOn < start.data)
    return {
      problems: [
        {
          row,
          column: "occurred_on",
          value: cells.occurred_on,
          reason: `A side effect of this course cannot precede its start (${start.data}).`,
        },
      ],
    };
  return { value: { row, patientCode, course: { drug, startDate: start.data }, ...parsed.data }, problems: [] };
}

/** A side effect's natural key: its course (by id), date and event. */
export function adverseEventKey(courseId: string, occurredOn: string, event: string): string {
  return JSON.stringify([courseId, occurredOn, event]);
}
