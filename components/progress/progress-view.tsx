import type { PatientDetail } from "@/lib/data/patients";
import { buildProgress } from "@/lib/progress/progress";
import { InstrumentProgressSection } from "./instrument-progress";

type ProgressViewProps = { record: Pick<PatientDetail, "courses" | "assessments"> };

/** Every instrument the patient has scores for, each with its chart, change from baseline and table. */
export function ProgressView({ record }: ProgressViewProps) {
  const progress = buildProgress(record);
  if (progress.length === 0) return <p className="muted">No scores recorded yet.</p>;
  return (
    <div>
      {progress.map((p) => (
        <InstrumentProgressSection key={p.instrumentId} progress={p} />
      ))}
    </div>
  );
}
