import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SimpleForm } from "@/components/forms/simple-form";
import { CourseTable } from "@/components/patients/course-table";
import { can } from "@/lib/auth/can";
import { patientRecordForPage } from "@/lib/data/page-records";
import { ADVERSE_EVENT_SEVERITIES, ENDED_COURSE_STATUSES } from "@/lib/domain/courses";
import { requirePageUser } from "@/lib/data/session";
import { getInstrument } from "@/lib/instruments";
import { formatScore } from "@/lib/format";
import { courseTimeline } from "@/lib/progress/timeline";
import { todayIso } from "@/lib/validation/dates";
import { DOSE_UNITS } from "@/lib/domain/courses";
import { adverseEventAction, chooseBaselineAction, doseChangeAction, endCourseAction } from "../actions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Treatment course" };

export default async function CoursePage({ params }: { params: Promise<{ id: string; courseId: string }> }) {
  const user = await requirePageUser();
  const { id, courseId } = await params;
  const record = await patientRecordForPage(user, id);
  const course = record.courses.find((c) => c.id === courseId);
  if (!course) notFound();
  const canWrite = can(user, "patient:write");
  const today = todayIso();
  const units = DOSE_UNITS.map((u) => ({ value: u, label: u }));
  const instrumentsScored = [...new Set(record.assessments.map((a) => a.instrumentId))];
  const bind = <A extends (p: string, c: string, ...rest: never[]) => unknown>(fn: A) =>
    fn.bind(null, record.patient.id, course.id) as never;

  return (
    <>
      <p>
        <Link href={`/patients/${record.patient.id}`}>← Patient {record.patient.code}</Link>
      </p>
      <h1>
        {course.drug} for {course.indication}
      </h1>
      <CourseTable courses={[course]} />
      <h2>Baselines</h2>
      <TableScroll label="Baseline per instrument">
        <table>
          <caption className="sr-only">Baseline per instrument</caption>
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">Baseline</th>
              <th scope="col">How chosen</th>
            </tr>
          </thead>
          <tbody>
            {instrumentsScored.map((instrumentId) => {
              const timeline = courseTimeline(course, instrumentId, record.assessments);
              const baseline = timeline.ok ? timeline.baseline : null;
              return (
                <tr key={instrumentId}>
                  <td>{getInstrument(instrumentId)?.shortName}</td>
                  <td>{baseline ? `${formatScore(baseline.total)} on ${baseline.takenOn}` : "none on or before the start date"}</td>
                  <td>{baseline?.chosen ? "chosen by a clinician" : "last score on or before the start date"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {canWrite && (
        <div className="grid-2">
          <div>
            {course.status === "active" && (
              <SimpleForm
                title="Record a dose change"
                submitLabel="Record dose change"
                action={bind(doseChangeAction)}
                fields={[
                  { name: "changedOn", label: "Date", kind: "date", max: today },
                  { name: "dose", label: "New dose", kind: "decimal" },
                  { name: "doseUnit", label: "Unit", kind: "select", options: units, defaultValue: course.doseUnit },
                  { name: "note", label: "Note (optional)", kind: "text" },
                ]}
              />
            )}
            <SimpleForm
              title="Record a side effect"
              submitLabel="Record side effect"
              action={bind(adverseEventAction)}
              fields={[
                { name: "occurredOn", label: "Date", kind: "date", max: today },
                { name: "event", label: "Side effect", kind: "text", hint: "e.g. dizziness, headache, vivid dreams" },
                {
                  name: "severity",
                  label: "Severity",
                  kind: "select",
                  options: ADVERSE_EVENT_SEVERITIES.map((s) => ({ value: s, label: s })),
                },
                { name: "notes", label: "Notes (optional)", kind: "text" },
              ]}
            />
          </div>
          <div>
            {course.status === "active" && (
              <SimpleForm
                title="Stop or complete the course"
                submitLabel="Save"
                action={bind(endCourseAction)}
                fields={[
                  { name: "version", kind: "hidden", value: String(course.version) },
                  { name: "status", label: "Outcome", kind: "select", options: ENDED_COURSE_STATUSES.map((s) => ({ value: s, label: s })) },
                  { name: "endDate", label: "End date", kind: "date", max: today },
                  { name: "stopReason", label: "Reason", kind: "text" },
                ]}
              />
            )}
            {instrumentsScored.length > 0 && (
              <SimpleForm
                title="Choose a baseline"
                submitLabel="Use as baseline"
                action={bind(chooseBaselineAction)}
                fields={[
                  {
                    name: "assessmentId",
                    label: "Assessment",
                    kind: "select",
                    options: record.assessments
                      .filter((a) => a.takenOn <= course.startDate)
                      .map((a) => ({
                        value: a.id,
                        label: `${getInstrument(a.instrumentId)?.shortName} ${formatScore(a.totalScore)} on ${a.takenOn}`,
                      })),
                  },
                ]}
              />
            )}
          </div>
        </div>
      )}
    </>
  );
}
