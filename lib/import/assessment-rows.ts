import { unguardCell } from "@/lib/csv/cell-guard";
import type { CsvRecord } from "@/lib/csv/parse-csv";
import { getInstrument } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";
import { assessmentEnvelopeSchema } from "@/lib/validation/assessment";
import { isoDate } from "@/lib/validation/dates";
import { isBlank, readDecimal } from "@/lib/validation/decimal";
import { ITEM_COLUMNS, itemColumn } from "./formats";
import { type ImportProblem, zodProblems } from "./problems";

export type AssessmentRow = {
  row: number;
  patientCode: string;
  instrumentId: InstrumentId;
  takenOn: string;
  totalScore: number;
  itemResponses: Record<string, number | null> | null;
  course: { drug: string; startDate: string } | null;
  externalId: string | null;
};

const envelope = assessmentEnvelopeSchema.omit({ courseId: true });

/**
 * The form's envelope rules, remembered per (instrument, date) text: a large file repeats the same few
 * thousand pairs, and the same input always gets the same answer.
 */
const envelopeResults = new Map<string, ReturnType<typeof envelope.safeParse>>();
function parseEnvelope(instrumentId: string, takenOn: string) {
  const key = `${instrumentId}\u0000${takenOn}`;
  let result = envelopeResults.get(key);
  if (!result) {
    if (envelopeResults.size > 100_000) envelopeResults.clear();
    result = envelope.safeParse({ instrumentId, takenOn });
    envelopeResults.set(key, result);
  }
  return result;
}
const EXTERNAL_ID_MAX = 100;

/**
 * A total written beside item answers must agree with the server's score of those answers, to the
 * decimals the file gives (a spreadsheet's 45.67 for the score 45.666…); the server's score is stored.
 */
export function totalAgrees(written: string, score: number): boolean {
  const value = readDecimal(written);
  if (value === undefined) return false;
  const decimals = written.trim().split(".")[1]?.length ?? 0;
  const factor = 10 ** decimals;
  return Math.abs(Math.round(score * factor) - Math.round(value * factor)) === 0;
}

function readCourse(record: CsvRecord): { course: AssessmentRow["course"]; problems: ImportProblem[] } {
  const { cells, row } = record;
  const drug = unguardCell(cells.course_drug ?? "").trim();
  const start = (cells.course_start_date ?? "").trim();
  if (drug === "" && start === "") return { course: null, problems: [] };
  if (drug === "" || start === "") {
    const column = drug === "" ? "course_drug" : "course_start_date";
    return {
      course: null,
      problems: [{ row, column, value: "", reason: "Give both course_drug and course_start_date to link a course, or neither." }],
    };
  }
  const date = isoDate("Course start date").safeParse(start);
  if (!date.success)
    return { course: null, problems: [{ row, column: "course_start_date", value: start, reason: date.error.issues[0].message }] };
  return { course: { drug, startDate: date.data }, problems: [] };
}

function score(
  record: CsvRecord,
  instrumentId: InstrumentId,
): { total?: number; items?: Record<string, number | null> | null; problems: ImportProblem[] } {
  const { cells, row } = record;
  const instrument = getInstrument(instrumentId)!;
  const stray = ITEM_COLUMNS.find((c) => c.instrumentId !== instrumentId && !isBlank(cells[c.column]));
  if (stray)
    return {
      problems: [
        {
          row,
          column: stray.column,
          value: cells[stray.column],
          reason: `This answer belongs to another instrument, not the ${instrument.shortName}.`,
        },
      ],
    };
  const items = Object.fromEntries(instrument.items.map((item) => [item.key, cells[itemColumn(instrumentId, item.key)] ?? ""]));
  const result = instrument.score(instrument.entry === "items" ? { items } : { total: cells.total ?? "" });
  if (!result.ok) {
    return {
      problems: result.errors.map((e) => {
        const column =
          instrument.entry === "items" ? (e.field in items ? itemColumn(instrumentId, e.field) : `${instrumentId}_${e.field}_*`) : "total";
        return { row, column, value: cells[column] ?? "", reason: e.message };
      }),
    };
  }
  if (instrument.entry === "items" && !isBlank(cells.total) && !totalAgrees(cells.total, result.total)) {
    return {
      problems: [
        {
          row,
          column: "total",
          value: cells.total,
          reason: `The answers score ${result.total} by the published ${instrument.shortName} rule; the total written differs.`,
        },
      ],
    };
  }
  return { total: result.total, items: instrument.entry === "items" ? (result.itemResponses ?? null) : null, problems: [] };
}

/** A row of the assessments file: the form's envelope rules, then the instrument's own scorer on the server. */
export function readAssessmentRow(record: CsvRecord): { value?: AssessmentRow; problems: ImportProblem[] } {
  const { cells, row } = record;
  const problems: ImportProblem[] = [];
  const patientCode = unguardCell(cells.patient_code ?? "").trim();
  if (patientCode === "") problems.push({ row, column: "patient_code", value: "", reason: "Patient code is required." });
  const parsed = parseEnvelope((cells.instrument ?? "").trim(), cells.taken_on ?? "");
  if (!parsed.success) problems.push(...zodProblems(parsed.error, row, cells, { instrumentId: "instrument", takenOn: "taken_on" }));
  const course = readCourse(record);
  problems.push(...course.problems);
  const externalId = unguardCell(cells.external_id ?? "").trim() || null;
  if (externalId && externalId.length > EXTERNAL_ID_MAX)
    problems.push({
      row,
      column: "external_id",
      value: externalId,
      reason: `An external id can be at most ${EXTERNAL_ID_MAX} characters.`,
    });
  if (!parsed.success) return { problems };
  const scored = score(record, parsed.data.instrumentId);
  problems.push(...scored.problems);
  if (problems.length > 0 || scored.total === undefined) return { problems };
  return {
    value: {
      row,
      patientCode,
      instrumentId: parsed.data.instrumentId,
      takenOn: parsed.data.takenOn,
      totalScore: scored.total,
      itemResponses: scored.items ?? null,
      course: course.course,
      externalId,
    },
    problems: [],
  };
}

/** An assessment's natural key within a patient: instrument, date and external id (if any). */
export function assessmentKey(patientId: string, instrumentId: string, takenOn: string, externalId: string | null): string {
  return JSON.stringify([patientId, instrumentId, takenOn, externalId]);
}
