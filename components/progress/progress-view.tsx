import type { PatientDetail } from "@/lib/data/patients";
import { buildProgress } from "@/lib/progress/progress";
import { baselineRule } from "@/lib/progress/timeline";
import { InstrumentProgressSection } from "./instrument-progress";

type ProgressViewProps = {
  record: Pick<PatientDetail, "courses" | "assessments">;
  /** Show only each table's latest rows (the patient page); the full tables are on the score history page and the report. */
  latestRows?: number;
};

/** Every instrument the patient has scores for, each with its chart, change from baseline and table. */
export function ProgressView({ record, latestRows }: ProgressViewProps) {
  const progress = buildProgress(record);
  if (progress.length === 0) return <p className="muted">No scores recorded yet.</p>;
  return (
    <div>
      {/* Said once, not beside every instrument: it is the same rule for all (PGIC has no baseline). */}
      {progress.some((p) => p.instrumentId !== "pgic") && (
        <p className="muted">
          <small>{baselineRule}</small>
        </p>
      )}
      {progress.map((p) => (
        <InstrumentProgressSection key={p.instrumentId} progress={p} latestRows={latestRows} />
      ))}
    </div>
  );
}
