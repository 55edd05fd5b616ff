import type { Metadata } from "next";
import Link from "next/link";
import { courseLabels } from "@/components/history/course-labels";
import { AssessmentTable } from "@/components/patients/assessment-table";
import { ProgressView } from "@/components/progress/progress-view";
import { can } from "@/lib/auth/can";
import { patientRecordForPage } from "@/lib/data/page-records";
import { requirePageUser } from "@/lib/data/session";

export const metadata: Metadata = { title: "Score history" };

/** Every score of the patient: the full table of each instrument and every assessment, which the patient page shortens. */
export default async function ScoreHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const record = await patientRecordForPage(user, id);
  const base = `/patients/${record.patient.id}`;
  return (
    <>
      <p>
        <Link href={base}>Back to patient {record.patient.code}</Link>
      </p>
      <h1>Score history of patient {record.patient.code}</h1>
      <h2>Progress</h2>
      <ProgressView record={record} />
      <h2 id="all-assessments">Assessments</h2>
      <AssessmentTable
        assessments={record.assessments}
        editBase={can(user, "patient:write") ? `${base}/assessments` : undefined}
        courseLabels={courseLabels(record.courses)}
      />
    </>
  );
}
