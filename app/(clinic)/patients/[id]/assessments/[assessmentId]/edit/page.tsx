import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { courseLabel, courseLabels } from "@/components/history/course-labels";
import { CorrectionHistory } from "@/components/history/correction-history";
import { patientRecordForPage } from "@/lib/data/page-records";
import { requirePageUser } from "@/lib/data/session";
import { todayIso } from "@/lib/validation/dates";
import { updateAssessmentAction } from "../../actions";

export const metadata: Metadata = { title: "Correct an assessment" };

export default async function EditAssessmentPage({ params }: { params: Promise<{ id: string; assessmentId: string }> }) {
  const user = await requirePageUser("patient:write");
  const { id, assessmentId } = await params;
  const record = await patientRecordForPage(user, id);
  const assessment = record.assessments.find((a) => a.id === assessmentId);
  if (!assessment) notFound();
  return (
    <>
      <h1>Correct an assessment for {record.patient.code}</h1>
      <p className="muted">
        Entered by {assessment.enteredByName} on {assessment.createdAt.toISOString().slice(0, 10)}
        {assessment.updatedAt.getTime() !== assessment.createdAt.getTime() &&
          `; last changed ${assessment.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
        .
      </p>
      <CorrectionHistory recordType="assessment" corrections={assessment.corrections} labels={courseLabels(record.courses)} />
      <AssessmentForm
        action={updateAssessmentAction.bind(null, record.patient.id, assessment.id)}
        today={todayIso()}
        courses={record.courses.map((c) => ({ id: c.id, label: courseLabel(c) }))}
        initial={{
          instrumentId: assessment.instrumentId,
          takenOn: assessment.takenOn,
          courseId: assessment.courseId,
          items: assessment.itemResponses,
          total: assessment.totalScore,
          version: assessment.version,
        }}
      />
    </>
  );
}
