import "server-only";
import { inArray } from "drizzle-orm";
import { doseChanges, treatmentCourses } from "@/db/schema";
import { type CourseRow, courseKey, type DoseStep, sameCourse } from "@/lib/import/course-rows";
import { clinicalDateProblem } from "@/lib/validation/dates";
import { chunks, missingPatient, patientsByCode, type WriteContext, type WriteCounts } from "./context";

type CourseGroup = { first: CourseRow; doses: DoseStep[]; rows: number };

/** Rows of one course (patient, drug, start date) together; rows whose course columns disagree are refused. */
function groupCourses(context: WriteContext, rows: CourseRow[]): Map<string, CourseGroup> {
  const groups = new Map<string, CourseGroup>();
  for (const row of rows) {
    const key = courseKey(row.patientCode, row.course.drug, row.course.startDate);
    const group = groups.get(key);
    if (!group) groups.set(key, { first: row, doses: row.dose ? [row.dose] : [], rows: 1 });
    else if (!sameCourse(group.first.course, row.course)) {
      context.problems.push({
        row: row.row,
        column: "drug",
        value: row.course.drug,
        reason: `The course columns differ from row ${group.first.row}, which has the same patient, drug and start date.`,
      });
    } else {
      if (row.dose) group.doses.push(row.dose);
      group.rows++;
    }
  }
  return groups;
}

function checkDates(context: WriteContext, row: CourseRow, birthYear: number) {
  const checks: [string, string | null, string][] = [
    ["start_date", row.course.startDate, "Start date"],
    ["end_date", row.course.endDate, "End date"],
    ["change_on", row.dose?.changedOn ?? null, "Date of the dose change"],
  ];
  for (const [column, value, label] of checks) {
    const problem = value === null ? null : clinicalDateProblem(value, birthYear, label);
    if (problem) context.problems.push({ row: row.row, column, value: value ?? "", reason: problem });
  }
}

/**
 * New courses with their dose steps; a course the patient already has (same drug and start date) is
 * left as it is. A course given without dose steps starts at its target dose, as the form does.
 */
export async function writeCourses(context: WriteContext, rows: CourseRow[]): Promise<WriteCounts> {
  const { tx, teamId, problems } = context;
  const found = await patientsByCode(
    tx,
    teamId,
    rows.map((r) => r.patientCode),
  );
  for (const row of rows) {
    const patient = found.get(row.patientCode);
    if (!patient) problems.push(missingPatient(row.row, row.patientCode));
    else checkDates(context, row, patient.birthYear);
  }
  const groups = groupCourses(context, rows);
  if (problems.length > 0) return { added: 0, alreadyPresent: 0 };
  const existing = new Set<string>();
  const codeOf = new Map([...found].map(([code, p]) => [p.id, code]));
  for (const batch of chunks([...found.values()].map((p) => p.id))) {
    const courses = await tx
      .select({ patientId: treatmentCourses.patientId, drug: treatmentCourses.drug, startDate: treatmentCourses.startDate })
      .from(treatmentCourses)
      .where(inArray(treatmentCourses.patientId, batch));
    for (const c of courses) existing.add(courseKey(codeOf.get(c.patientId)!, c.drug, c.startDate));
  }
  const fresh = [...groups].filter(([key]) => !existing.has(key)).map(([, group]) => group);
  let done = 0;
  for (const batch of chunks(fresh)) {
    const inserted = await tx
      .insert(treatmentCourses)
      .values(batch.map(({ first }) => ({ patientId: found.get(first.patientCode)!.id, ...first.course })))
      .returning({
        id: treatmentCourses.id,
        patientId: treatmentCourses.patientId,
        drug: treatmentCourses.drug,
        startDate: treatmentCourses.startDate,
      });
    // Matched by key, not by position: RETURNING's order is not promised.
    const idOf = new Map(inserted.map((c) => [courseKey(codeOf.get(c.patientId)!, c.drug, c.startDate), c.id]));
    const steps = batch.flatMap((group) => {
      const { course } = group.first;
      const courseId = idOf.get(courseKey(group.first.patientCode, course.drug, course.startDate))!;
      const doses =
        group.doses.length > 0
          ? group.doses
          : [{ changedOn: course.startDate, dose: course.targetDose, doseUnit: course.doseUnit, note: "starting dose" }];
      return doses.map((dose) => ({ courseId, ...dose }));
    });
    for (const stepBatch of chunks(steps)) await tx.insert(doseChanges).values(stepBatch);
    done += batch.reduce((sum, g) => sum + g.rows, 0);
    await context.progress(done, rows.length);
  }
  const addedRows = fresh.reduce((sum, g) => sum + g.rows, 0);
  return { added: addedRows, alreadyPresent: rows.length - addedRows };
}
