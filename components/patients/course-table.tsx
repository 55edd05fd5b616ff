import Link from "next/link";
import { CorrectionHistory } from "@/components/history/correction-history";
import type { PatientDetail } from "@/lib/data/patients";
import { formatScore } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

export function CourseTable({ courses, linkBase }: { courses: PatientDetail["courses"]; linkBase?: string }) {
  if (courses.length === 0) return <p className="muted">No treatment courses recorded.</p>;
  return (
    <TableScroll label="Treatment courses">
      <table>
        <caption className="sr-only">Treatment courses</caption>
        <thead>
          <tr>
            <th scope="col">Drug</th>
            <th scope="col">Indication</th>
            <th scope="col">Target dose</th>
            <th scope="col">Titration</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">Status</th>
            <th scope="col">Side effects</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((course) => (
            <tr key={course.id}>
              <td>{linkBase ? <Link href={`${linkBase}/${course.id}`}>{course.drug}</Link> : course.drug}</td>
              <td>{course.indication}</td>
              <td>{`${formatScore(course.targetDose)} ${course.doseUnit}`}</td>
              <td>{course.doseChanges.map((d) => `${d.changedOn}: ${formatScore(d.dose)} ${d.doseUnit}`).join("; ") || "—"}</td>
              <td>{course.startDate}</td>
              <td>{course.endDate ?? "—"}</td>
              <td>
                {course.status}
                {course.stopReason && <div className="muted">{course.stopReason}</div>}
                <CorrectionHistory recordType="treatment_course" corrections={course.corrections} />
              </td>
              <td>{course.adverseEvents.map((e) => `${e.occurredOn}: ${e.event} (${e.severity})`).join("; ") || "none recorded"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
