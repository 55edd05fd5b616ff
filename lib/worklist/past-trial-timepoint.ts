import { studyMatchesCourse } from "@/lib/comparison/matching";
import { activeTimepoint } from "@/lib/comparison/timing";
import { isVerified, studyNameInText } from "@/lib/evidence";
import type { Study } from "@/lib/evidence/types";
import { getInstrument, instrumentIds, type InstrumentId } from "@/lib/instruments";
import type { ResponseCategory } from "@/lib/instruments/response";
import { courseTimelines } from "./timelines";
import type { WorklistContext, WorklistCourse, WorklistItem, WorklistPatient } from "./types";

/**
 * "Meaningful improvement" = the instrument's own threshold for an important change (lib/instruments/response.ts):
 * IMMPACT's moderate (≥30%) or substantial level for pain, the MCID for FIQ/FIQR and IRLS. IMMPACT's
 * "minimal" level does not count.
 */
const MEANINGFUL: readonly ResponseCategory["key"][] = ["substantial", "moderate", "meaningful"];

type TrialPoint = { studyName: string; instrumentId: InstrumentId; weeks: number };

/** Verified studies of the course's drug and condition (not context-only) that report an outcome on one of our instruments at a time point. */
function trialPoints(course: WorklistCourse, studies: readonly Study[]): TrialPoint[] {
  return studies
    .filter((study) => isVerified(study))
    .filter((study) => {
      const match = studyMatchesCourse(study, course);
      return match.matches && !match.contextOnly;
    })
    .flatMap((study) =>
      (study.outcomes ?? []).flatMap((outcome) => {
        const weeks = activeTimepoint(outcome);
        const instrumentId = instrumentIds.find((id) => id === outcome.instrument);
        return weeks === null || instrumentId === undefined ? [] : [{ studyName: studyNameInText(study), instrumentId, weeks }];
      }),
    );
}

/**
 * An active course whose latest follow-up on a trial's instrument is at or past that trial's time point
 * (the active arm's) and short of meaningful improvement: "review whether to continue", naming the study.
 * One item per course: the first study (in the order given) that applies.
 */
export function pastTrialTimepoint(patient: WorklistPatient, context: WorklistContext): WorklistItem[] {
  return patient.courses
    .filter((course) => course.status === "active")
    .flatMap((course) => {
      const timelines = courseTimelines(course, patient.scores);
      for (const point of trialPoints(course, context.studies)) {
        const timeline = timelines.find((t) => t.instrumentId === point.instrumentId);
        const latest = timeline?.ok ? timeline.latest : null;
        if (!timeline?.ok || !timeline.baseline || !latest || latest.weeksSinceStart < point.weeks) continue;
        if (MEANINGFUL.includes(latest.category.key) || latest.category.key === "not_classifiable") continue;
        const name = getInstrument(point.instrumentId)?.shortName ?? point.instrumentId;
        return [
          {
            patientId: patient.patientId,
            code: patient.code,
            courseId: course.id,
            drug: course.drug,
            reason: "past_trial_timepoint" as const,
            words:
              `Past week ${point.weeks}, the time point of ${point.studyName}, without meaningful improvement: ` +
              `${name} ${latest.total} from ${timeline.baseline.total} on ${latest.takenOn} (${latest.category.label}). ` +
              "Review whether to continue.",
            since: latest.takenOn,
            studyName: point.studyName,
          },
        ];
      }
      return [];
    });
}
