import type { CourseComparisons } from "@/lib/data/comparisons";
import { formatScore } from "@/lib/format";
import { StudyComparisonCard } from "./study-comparison-card";

/** "memantine 20 mg/day, started 2026-06-01" (", stopped 2026-07-13" for a finished course). */
function courseHeading({ course }: CourseComparisons): string {
  const ended = course.endDate ? `, ${course.status} ${course.endDate}` : "";
  return `${course.drug} ${formatScore(course.targetDose)} ${course.doseUnit}, started ${course.startDate}${ended}`;
}

/** Each treatment course of the patient beside the published trials of its drug and condition. */
export function ComparedWithTrials({ comparisons }: { comparisons: CourseComparisons[] }) {
  return (
    <section aria-labelledby="compared-with-trials">
      <h2 id="compared-with-trials">Compared with the trials</h2>
      {comparisons.length === 0 && <p className="muted">No treatment course is recorded, so there is nothing to compare.</p>}
      {comparisons.map((entry, index) => (
        // Ids by position, not by the course's UUID: they are written four times per study card (issue 12's page weight).
        <section key={entry.course.id} aria-labelledby={`trials-${index}`}>
          <h3 id={`trials-${index}`}>{courseHeading(entry)}</h3>
          <p className="muted">{`For ${entry.course.indication} · ${entry.course.status}`}</p>
          {entry.studies.length === 0 && (
            <p>
              No study in the evidence library is of {entry.course.drug} for {entry.course.indication}, so this course has no published
              benchmark.
            </p>
          )}
          {entry.studies.map((study) => (
            <StudyComparisonCard
              key={study.study.id}
              entry={study}
              trajectories={entry.trajectories}
              headingId={`trials-${index}-${study.study.id}`}
            />
          ))}
        </section>
      ))}
    </section>
  );
}
