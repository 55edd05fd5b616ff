import "server-only";
import { getDb } from "@/db/client";
import { parseCsv, type CsvRecord } from "@/lib/csv/parse-csv";
import { readAdverseEventRow } from "@/lib/import/adverse-event-rows";
import { readAssessmentRow } from "@/lib/import/assessment-rows";
import { readCourseRow } from "@/lib/import/course-rows";
import { COLUMNS, detectKind, IMPORT_KIND_CHOICES, type ImportKind, REQUIRED_COLUMNS } from "@/lib/import/formats";
import { readPatientRow } from "@/lib/import/patient-rows";
import { type ImportProblem, PROBLEM_REPORT_LIMIT } from "@/lib/import/problems";
import { writeAudit } from "./audit";
import type { ImportProgress, Tx, WriteContext, WriteCounts } from "./import/context";
import { writeAdverseEvents } from "./import/write-adverse-events";
import { assessmentWriter } from "./import/write-assessments";
import { writeCourses } from "./import/write-courses";
import { writePatients } from "./import/write-patients";
import { assertCan, type SessionUser } from "./session-user";

export type { ImportProgress } from "./import/context";

export type ImportFile = { name: string; text: string; kind?: ImportKind };

export type ImportResult =
  | { outcome: "accepted"; kind: ImportKind; rows: number; added: number; alreadyPresent: number }
  /** `problems` holds the first PROBLEM_REPORT_LIMIT problems; `problemCount` counts them all. */
  | { outcome: "rejected"; kind: ImportKind | null; rows: number; problems: ImportProblem[]; problemCount: number };

type Reader<R> = (record: CsvRecord) => { value?: R; problems: ImportProblem[] };
/** Takes the checked rows a chunk at a time; `finish` writes what is left and counts. */
type Writer<R> = {
  add: (rows: R[], readCount: number) => Promise<void>;
  finish: () => Promise<WriteCounts>;
  /** Waits for writes already queued, before a rollback. */
  settle: () => Promise<void>;
};
type KindHandler<R> = { read: Reader<R>; writer: (context: WriteContext, totalRows: number) => Writer<R> };

/** A writer that needs the whole file at once (patients, courses: a course's rows may lie anywhere in it; side effects). */
function wholeFile<R>(write: (context: WriteContext, rows: R[]) => Promise<WriteCounts>) {
  return (context: WriteContext): Writer<R> => {
    const all: R[] = [];
    return { add: async (rows) => void all.push(...rows), finish: () => write(context, all), settle: async () => {} };
  };
}

const HANDLERS: { [K in ImportKind]: KindHandler<never> } = {
  patients: { read: readPatientRow, writer: wholeFile(writePatients) } as unknown as KindHandler<never>,
  courses: { read: readCourseRow, writer: wholeFile(writeCourses) } as unknown as KindHandler<never>,
  assessments: { read: readAssessmentRow, writer: assessmentWriter } as unknown as KindHandler<never>,
  adverse_events: { read: readAdverseEventRow, writer: wholeFile(writeAdverseEvents) } as unknown as KindHandler<never>,
};

/** Rows read and checked per step; the assessments writer writes one step while the next is read. */
const READ_CHUNK = 5000;

/** Thrown inside the transaction to roll it back when a row is refused. */
class RejectedImport extends Error {}

const fileProblem = (reason: string, column = "", row: number | null = null): ImportProblem => ({ row, column, value: "", reason });

/** The kind of the file and header problems (missing or unknown columns). */
function checkHeader(columns: string[], asked: ImportKind | undefined): { kind: ImportKind | null; problems: ImportProblem[] } {
  const kind = asked ?? detectKind(columns);
  if (!kind) {
    return {
      kind: null,
      problems: [fileProblem(`The header matches no import kind: start from a template (${IMPORT_KIND_CHOICES}).`, "", 1)],
    };
  }
  const problems: ImportProblem[] = [];
  for (const column of REQUIRED_COLUMNS[kind]) {
    if (!columns.includes(column)) problems.push(fileProblem(`The ${kind} file needs a "${column}" column.`, column, 1));
  }
  for (const column of columns) {
    if (!COLUMNS[kind].includes(column))
      problems.push(fileProblem(`"${column}" is not a column of the ${kind} file (see its template).`, column, 1));
  }
  return { kind, problems };
}

const fileName = (name: string) =>
  name
    .replace(/[\r\n\t]/g, " ")
    .trim()
    .slice(0, 200) || "(unnamed)";

/** The audit row of an import: file name, kind, rows, outcome (and rows added when accepted). */
async function auditImport(tx: Pick<Tx, "insert">, user: SessionUser, file: ImportFile, result: ImportResult) {
  const added = result.outcome === "accepted" ? [{ field: "added", old: null, new: result.added }] : [];
  await writeAudit(tx, user, "import", "csv_import", null, user.team.id, [
    { field: "file_name", old: null, new: fileName(file.name) },
    { field: "kind", old: null, new: result.kind },
    { field: "rows", old: null, new: result.rows },
    { field: "outcome", old: null, new: result.outcome },
    ...added,
  ]);
}

function rejected(kind: ImportKind | null, rows: number, problems: ImportProblem[]): ImportResult {
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { outcome: "rejected", kind, rows, problems: sorted.slice(0, PROBLEM_REPORT_LIMIT), problemCount: problems.length };
}

/**
 * Imports a CSV file into the user's active team: every row checked with the forms' rules, then all
 * rows written in ONE transaction (batched INSERTs, keys looked up in bulk) or none. Rows already in
 * the team (by natural key) are left as they are, so importing a file twice adds nothing. Accepted or
 * refused, the import is audited. `onProgress` hears of each batch written.
 */
export async function importCsv(
  user: SessionUser,
  file: ImportFile,
  options: { onProgress?: (progress: ImportProgress) => void | Promise<void> } = {},
): Promise<ImportResult> {
  assertCan(user, "patient:write");
  const db = await getDb();
  const finish = async (result: ImportResult) => {
    if (result.outcome === "rejected") await db.transaction((tx) => auditImport(tx, user, file, result));
    return result;
  };
  const parsed = parseCsv(file.text);
  if (!parsed.ok) return finish(rejected(file.kind ?? null, 0, [fileProblem(parsed.reason, "", parsed.row)]));
  const { kind, problems } = checkHeader(parsed.columns, file.kind);
  const rowCount = parsed.records.length;
  if (!kind || problems.length > 0) return finish(rejected(kind, rowCount, problems));
  if (rowCount === 0) return finish(rejected(kind, 0, [fileProblem("The file has a header but no rows.", "", 2)]));
  const handler = HANDLERS[kind] as unknown as KindHandler<unknown>;
  await options.onProgress?.({ phase: "checking", done: 0, total: rowCount });
  try {
    return await db.transaction(async (tx) => {
      const context: WriteContext = {
        tx,
        teamId: user.team.id,
        userId: user.id,
        problems,
        progress: async (done, total) => options.onProgress?.({ phase: "writing", done, total }),
      };
      const writer = handler.writer(context, rowCount);
      // Every row is read and checked, so the report names every bad row; once a problem is known,
      // nothing more is handed to the writer and the transaction is rolled back at the end.
      for (let start = 0; start < rowCount; start += READ_CHUNK) {
        const chunk = parsed.records.slice(start, start + READ_CHUNK);
        const rows: unknown[] = [];
        for (const record of chunk) {
          const read = handler.read(record);
          if (read.value !== undefined) rows.push(read.value);
          problems.push(...read.problems);
        }
        if (problems.length === 0) await writer.add(rows, chunk.length);
      }
      if (problems.length > 0) {
        await writer.settle();
        throw new RejectedImport();
      }
      const counts = await writer.finish();
      if (problems.length > 0) throw new RejectedImport();
      const result: ImportResult = { outcome: "accepted", kind, rows: rowCount, ...counts };
      await auditImport(tx, user, file, result);
      return result;
    });
  } catch (error) {
    if (error instanceof RejectedImport) return finish(rejected(kind, rowCount, problems));
    throw error;
  }
}
