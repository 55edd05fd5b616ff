import Link from "next/link";
import { CorrectionHistory } from "@/components/history/correction-history";
import { getInstrument } from "@/lib/instruments";
import type { PatientDetail } from "@/lib/data/patients";
import { formatScore } from "@/lib/format";
import type { RecordLabels } from "@/lib/history/describe-correction";
import { TableScroll } from "@/components/ui/table-scroll";

export function AssessmentTable({
  assessments,
  editBase,
  courseLabels,
  caption = "All assessments",
}: {
  assessments: PatientDetail["assessments"];
  /** The table's name; the patient page names a shortened table by what it shows ("Latest 10 of 50 assessments"). */
  caption?: string;
  editBase?: string;
  /** Names for the course ids an earlier version may point to. */
  courseLabels?: RecordLabels;
}) {
  if (assessments.length === 0) return <p className="muted">No assessments recorded.</p>;
  return (
    <TableScroll label={caption}>
      {/* Column 3 (the score) is right-aligned by .assessment-table in globals.css rather than a class on each cell. */}
      <table className="assessment-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Instrument</th>
            <th scope="col">Score</th>
            <th scope="col">Entered by</th>
            {editBase && <th scope="col">Correct</th>}
          </tr>
        </thead>
        <tbody>
          {[...assessments].reverse().map((a) => {
            const instrument = getInstrument(a.instrumentId);
            return (
              <tr key={a.id}>
                <td>{a.takenOn}</td>
                <td>{instrument?.shortName ?? a.instrumentId}</td>
                <td>
                  {formatScore(a.totalScore)}
                  <span className="muted">{` / ${instrument?.max}`}</span>
                </td>
                <td>
                  {a.source === "self_report" ? (
                    <>
                      <span className="tag">self-reported</span> by the patient, sent{" "}
                      {a.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC (link from {a.enteredByName})
                    </>
                  ) : (
                    a.enteredByName
                  )}
                  <CorrectionHistory recordType="assessment" corrections={a.corrections} labels={courseLabels} />
                </td>
                {editBase && (
                  <td>
                    <Link href={`${editBase}/${a.id}/edit`} aria-label={`Correct ${instrument?.shortName} of ${a.takenOn}`}>
                      Correct
                    </Link>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
