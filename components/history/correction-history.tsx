import type { Correction } from "@/lib/history/corrections";
import { describeCorrection, type RecordLabels } from "@/lib/history/describe-correction";
import type { HistoryRecordType } from "@/lib/history/tracked-fields";

/** The latest correction of a record in one line, and every earlier one behind a disclosure. */
export function CorrectionHistory({
  recordType,
  corrections,
  labels,
}: {
  recordType: HistoryRecordType;
  corrections: Correction[];
  labels?: RecordLabels;
}) {
  if (corrections.length === 0) return null;
  const [latest, ...earlier] = corrections;
  return (
    <div className="muted correction-history">
      <span>{describeCorrection(recordType, latest, labels)}</span>
      {earlier.length > 0 && (
        <details>
          <summary>
            {earlier.length} earlier correction{earlier.length === 1 ? "" : "s"}
          </summary>
          <ol reversed>
            {earlier.map((correction) => (
              <li key={correction.version}>{describeCorrection(recordType, correction, labels)}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
