import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patients, treatmentCourses } from "@/db/schema";
import { courseKey } from "@/lib/import/course-rows";
import type { ImportProblem } from "@/lib/import/problems";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Rows per INSERT statement and per key lookup: large enough to be fast, far under PostgreSQL's 65,535 parameters. */
export const BATCH_SIZE = 1000;

export type ImportProgress = { phase: "checking" | "writing"; done: number; total: number };

/** What a kind's writer needs: the transaction, the team, the user, a place for problems and for progress. */
export type WriteContext = {
  tx: Tx;
  teamId: string;
  userId: string;
  problems: ImportProblem[];
  progress: (done: number, total: number) => Promise<void>;
};

export type WriteCounts = { added: number; alreadyPresent: number };

export function chunks<T>(list: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The team's patients with these codes, read in batches: code → id and birth year. */
export async function patientsByCode(tx: Tx, teamId: string, codes: readonly string[]) {
  const found = new Map<string, { id: string; birthYear: number }>();
  for (const batch of chunks([...new Set(codes)])) {
    const rows = await tx
      .select({ id: patients.id, code: patients.code, birthYear: patients.birthYear })
      .from(patients)
      .where(and(eq(patients.teamId, teamId), inArray(patients.code, batch)));
    for (const row of rows) found.set(row.code, { id: row.id, birthYear: row.birthYear });
  }
  return found;
}

export const missingPatient = (row: number, code: string): ImportProblem => ({
  row,
  column: "patient_code",
  value: code,
  reason: "No patient with this code in your team: import the patients file first.",
});

/** These patients' courses (at most BATCH_SIZE patients), by natural key: patient id + drug + start date → course id. */
export async function courseIdsByKey(tx: Tx, patientIds: readonly string[]): Promise<Map<string, string>> {
  const courses = await tx
    .select({
      id: treatmentCourses.id,
      patientId: treatmentCourses.patientId,
      drug: treatmentCourses.drug,
      startDate: treatmentCourses.startDate,
    })
    .from(treatmentCourses)
    .where(inArray(treatmentCourses.patientId, [...patientIds]));
  return new Map(courses.map((c) => [courseKey(c.patientId, c.drug, c.startDate), c.id]));
}

export const missingCourse = (row: number, course: { drug: string; startDate: string }): ImportProblem => ({
  row,
  column: "course_drug",
  value: course.drug,
  reason: `The patient has no ${course.drug} course starting ${course.startDate}: import the courses file first.`,
});
