import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentTable } from "@/components/patients/assessment-table";
import { CourseTable } from "@/components/patients/course-table";
import { courseLabels } from "@/components/history/course-labels";
import { CorrectionHistory } from "@/components/history/correction-history";
import { ComparedWithTrials } from "@/components/comparison/compared-with-trials";
import { ProgressView } from "@/components/progress/progress-view";
import { can } from "@/lib/auth/can";
import { compareCoursesWithTrials } from "@/lib/data/comparisons";
import { patientRecordForPage } from "@/lib/data/page-records";
import { requirePageUser } from "@/lib/data/session";
import { listSelfReportLinks } from "@/lib/data/self-report-links";
import { emailConfigured } from "@/lib/email/self-report-mail";
import { CreateLinkForm } from "@/components/self-report/create-link-form";
import { LinkList } from "@/components/self-report/link-list";
import {
  createSelfReportLinkAction,
  endSelfReportScheduleAction,
  reissueSelfReportLinkAction,
  revokeSelfReportLinkAction,
} from "./self-report/actions";

export const metadata: Metadata = { title: "Patient" };

// The page shows the latest scores; every score is one link away on the score history page (and in the
// printable report). With 50 scores a patient, the full tables were most of the page's 139 kB of HTML (issue 12).
const LATEST_ASSESSMENTS = 10;
const LATEST_SCORE_ROWS = 5;

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const record = await patientRecordForPage(user, id);
  const { patient } = record;
  const canWrite = can(user, "patient:write");
  const base = `/patients/${patient.id}`;
  const selfReport = await listSelfReportLinks(user, patient.id);
  const labels = courseLabels(record.courses);
  const total = record.assessments.length;
  const latest = record.assessments.slice(-LATEST_ASSESSMENTS);
  return (
    <>
      <h1>{`Patient ${patient.code}`}</h1>
      <p>
        {`Born ${patient.birthYear} · ${patient.sex} · ${patient.conditions.join(", ") || "no conditions recorded"}`}
        {patient.archived && <strong> · archived</strong>}
      </p>
      <CorrectionHistory recordType="patient" corrections={patient.corrections} />
      {patient.notes && <p className="notice">{patient.notes}</p>}
      <p>
        <Link href={`${base}/report`}>Printable report</Link>
        {" · "}
        {/* Plain links: these routes answer with a file (Content-Disposition: attachment), not a page. */}
        <a href={`/api/fhir/Patient/${patient.id}/$everything`} download>
          Download FHIR bundle
        </a>
        {" · Download as CSV: "}
        <a href={`/api/patients/${patient.id}/export?kind=patients`} download>
          patient
        </a>
        {", "}
        <a href={`/api/patients/${patient.id}/export?kind=courses`} download>
          courses and doses
        </a>
        {", "}
        <a href={`/api/patients/${patient.id}/export?kind=assessments`} download>
          assessments
        </a>
        ,{" "}
        <a href={`/api/patients/${patient.id}/export?kind=adverse_events`} download>
          side effects
        </a>
      </p>
      {canWrite && (
        <p style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
          <Link className="button" href={`${base}/assessments/new`}>
            Record an assessment
          </Link>
          <Link className="button secondary" href={`${base}/courses/new`}>
            Start a treatment course
          </Link>
          <Link className="button secondary" href={`${base}/edit`}>
            Edit patient
          </Link>
        </p>
      )}
      <h2>Treatment courses</h2>
      <CourseTable courses={record.courses} linkBase={`${base}/courses`} />
      <h2>Progress</h2>
      <ProgressView record={record} latestRows={LATEST_SCORE_ROWS} />
      {total > 0 && (
        <p>
          <Link href={`${base}/history`}>Full score history</Link>
          {` (every score of every instrument, ${total} assessments)`}
        </p>
      )}
      <ComparedWithTrials comparisons={await compareCoursesWithTrials(user, record)} />
      <h2>Assessments</h2>
      <AssessmentTable
        assessments={latest}
        caption={latest.length < total ? `Latest ${latest.length} of ${total} assessments` : undefined}
        editBase={canWrite ? `${base}/assessments` : undefined}
        courseLabels={labels}
      />
      {latest.length < total && (
        <p>
          <Link href={`${base}/history#all-assessments`}>{`All ${total} assessments`}</Link> are on the score history page.
        </p>
      )}
      <h2>Self-report links</h2>
      <LinkList
        links={selfReport.links}
        schedules={selfReport.schedules}
        courseLabels={labels}
        actions={
          canWrite
            ? {
                revoke: (linkId) => revokeSelfReportLinkAction.bind(null, patient.id, linkId),
                reissue: (linkId) => reissueSelfReportLinkAction.bind(null, patient.id, linkId),
                endSchedule: (scheduleId) => endSelfReportScheduleAction.bind(null, patient.id, scheduleId),
              }
            : null
        }
      />
      {canWrite && !patient.archived && (
        <CreateLinkForm
          action={createSelfReportLinkAction.bind(null, patient.id)}
          courses={record.courses.filter((c) => c.status === "active").map((c) => ({ id: c.id, label: labels[c.id] }))}
          emailConfigured={emailConfigured()}
        />
      )}
    </>
  );
}
