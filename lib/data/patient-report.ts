import "server-only";
import type { Study } from "@/lib/evidence";
import { compareCoursesWithTrials, type CourseComparisons } from "./comparisons";
import { getPatientRecord, type PatientDetail } from "./patients";
import type { SessionUser } from "./session-user";
import { listStudies } from "./studies";

export type CitedStudy = { id: string; shortName: string; study: Study };

export type PatientReport = {
  record: PatientDetail;
  comparisons: CourseComparisons[];
  /** Every study the report sets beside a course, once each, in the order they first appear. */
  citedStudies: CitedStudy[];
  printedBy: { displayName: string; teamName: string };
};

/** Study ids in the order the comparison section shows them, each once. */
export function studyIdsShown(comparisons: CourseComparisons[]): string[] {
  return [...new Set(comparisons.flatMap((entry) => entry.studies.map((s) => s.study.id)))];
}

/**
 * Everything the printable report shows. Reading a report is a read of the record: the same team
 * check (another team's patient is NotFoundError) and the same audited read as the patient page.
 */
export async function getPatientReport(user: SessionUser, patientId: unknown): Promise<PatientReport> {
  const record = await getPatientRecord(user, patientId);
  const [comparisons, studies] = await Promise.all([compareCoursesWithTrials(user, record), listStudies(user)]);
  const byId = new Map(studies.map((s) => [s.id, s]));
  const citedStudies = studyIdsShown(comparisons).flatMap((id) => {
    const found = byId.get(id);
    return found ? [{ id: found.id, shortName: found.shortName, study: found.study }] : [];
  });
  return { record, comparisons, citedStudies, printedBy: { displayName: user.displayName, teamName: user.team.name } };
}
