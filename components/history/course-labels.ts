import type { RecordLabels } from "@/lib/history/describe-correction";

/** How a course is named where an assessment points to it: "memantine from 2026-05-01". */
export function courseLabel(course: { drug: string; startDate: string }): string {
  return `${course.drug} from ${course.startDate}`;
}

export function courseLabels(courses: { id: string; drug: string; startDate: string }[]): RecordLabels {
  return Object.fromEntries(courses.map((course) => [course.id, courseLabel(course)]));
}
