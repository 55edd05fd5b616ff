import { getInstrument } from "@/lib/instruments";
import { courseTimelines } from "./timelines";
import type { WorklistItem, WorklistPatient } from "./types";

/** An active course whose latest follow-up, on any instrument, is classified as worsened by the instrument's threshold. */
export function worsening(patient: WorklistPatient): WorklistItem[] {
  return patient.courses
    .filter((course) => course.status === "active")
    .flatMap((course) =>
      courseTimelines(course, patient.scores).flatMap((timeline) => {
        if (!timeline.ok || timeline.latest?.category.direction !== "worsened") return [];
        const latest = timeline.latest;
        const name = getInstrument(timeline.instrumentId)?.shortName ?? timeline.instrumentId;
        const from = timeline.baseline ? ` from ${timeline.baseline.total}` : "";
        return [
          {
            patientId: patient.patientId,
            code: patient.code,
            courseId: course.id,
            drug: course.drug,
            reason: "worsening" as const,
            words: `${name} ${latest.total}${from} on ${latest.takenOn}: ${latest.category.label}.`,
            since: latest.takenOn,
          },
        ];
      }),
    );
}
