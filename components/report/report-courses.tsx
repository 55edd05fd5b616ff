import type { PatientDetail } from "@/lib/data/patients";
import { formatScore } from "@/lib/format";

type Course = PatientDetail["courses"][number];

function courseTitle(course: Course): string {
  return `${course.drug} for ${course.indication}, started ${course.startDate}`;
}

function DoseTable({ course }: { course: Course }) {
  if (course.doseChanges.length === 0) return <p className="muted">No dose changes recorded.</p>;
  return (
    <table>
      <caption>Doses of {courseTitle(course)}</caption>
      <thead>
        <tr>
          <th scope="col">From</th>
          <th scope="col" className="num">
            Dose
          </th>
        </tr>
      </thead>
      <tbody>
        {course.doseChanges.map((dose) => (
          <tr key={dose.id}>
            <td>{dose.changedOn}</td>
            <td className="num">
              {formatScore(dose.dose)} {dose.doseUnit}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdverseEventTable({ course }: { course: Course }) {
  if (course.adverseEvents.length === 0) return <p>No side effects recorded.</p>;
  return (
    <table>
      <caption>Side effects during {courseTitle(course)}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Side effect</th>
          <th scope="col">Severity</th>
        </tr>
      </thead>
      <tbody>
        {course.adverseEvents.map((event) => (
          <tr key={event.id}>
            <td>{event.occurredOn}</td>
            <td>{event.event}</td>
            <td>{event.severity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each course with its target, dates and status, its titration and its side effects. */
export function ReportCourses({ courses }: { courses: PatientDetail["courses"] }) {
  if (courses.length === 0) return <p className="muted">No treatment courses recorded.</p>;
  return (
    <>
      {courses.map((course) => (
        <section key={course.id} className="report-course" aria-labelledby={`report-course-${course.id}`}>
          <h3 id={`report-course-${course.id}`}>{courseTitle(course)}</h3>
          <p>
            Target dose {formatScore(course.targetDose)} {course.doseUnit} · {course.status}
            {course.endDate ? ` since ${course.endDate}` : ""}
          </p>
          <DoseTable course={course} />
          <AdverseEventTable course={course} />
        </section>
      ))}
    </>
  );
}
