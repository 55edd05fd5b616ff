import { formatFigure, NOT_REPORTED } from "@/lib/evidence";
import type { StudyRecord } from "@/lib/data/studies";
import { StudyName } from "./study-name";
import { VerificationStatus } from "./verification-status";
import { TableScroll } from "@/components/ui/table-scroll";

// Size and duration of a study found only in the source material are part of its unverified claim.
const UNVERIFIED = "unverified";

export function StudyListTable({ studies }: { studies: StudyRecord[] }) {
  if (studies.length === 0) return <p className="muted">No studies are loaded. Run the seed to load the evidence file.</p>;
  return (
    <TableScroll label="Published studies">
      <table>
        <caption className="sr-only">Published studies, by drug and condition</caption>
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Drug</th>
            <th scope="col">Condition</th>
            <th scope="col">Design</th>
            <th scope="col" className="num">
              Size (n)
            </th>
            <th scope="col" className="num">
              Duration (weeks)
            </th>
            <th scope="col">Evidence level</th>
            <th scope="col">Verification</th>
          </tr>
        </thead>
        <tbody>
          {studies.map((record) => (
            <tr key={record.id}>
              <th scope="row">
                <StudyName study={record} href={`/evidence/${record.id}`} />
                <div className="muted">{record.id}</div>
              </th>
              <td>{record.drug}</td>
              <td>{record.condition ?? "none named"}</td>
              <td>{record.design ?? NOT_REPORTED}</td>
              <td className="num">{record.verified ? formatFigure(record.nTotal) : UNVERIFIED}</td>
              <td className="num">{record.verified ? formatFigure(record.study.duration_weeks) : UNVERIFIED}</td>
              <td>{record.evidenceLevel}</td>
              <td>
                <VerificationStatus study={record} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
