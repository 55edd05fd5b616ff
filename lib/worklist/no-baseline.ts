import { courseTimelines } from "./timelines";
import type { WorklistItem, WorklistPatient } from "./types";

/**
 * An active course with no baseline on any instrument: no score on or before its start and no chosen
 * baseline (courses record no instrument of their own, so every instrument the patient has is tried).
 * PGIC rates change itself and needs no baseline, so it does not count as one.
 */
export function noBaseline(patient: WorklistPatient): WorklistItem[] {
  return patient.courses
    .filter((course) => course.status === "active")
    .filter((course) => !courseTimelines(course, patient.scores).some((t) => t.ok && t.baseline !== null))
    .map((course) => ({
      patientId: patient.patientId,
      code: patient.code,
      courseId: course.id,
      drug: course.drug,
      reason: "no_baseline" as const,
      words: `No baseline score on or before the start of ${course.drug} (started ${course.startDate}).`,
      since: course.startDate,
    }));
}
