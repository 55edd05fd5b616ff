import type { Metadata } from "next";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { patientRecordForPage } from "@/lib/data/page-records";
import { requirePageUser } from "@/lib/data/session";
import { isInstrumentId } from "@/lib/instruments";
import { todayIso } from "@/lib/validation/dates";
import { recordAssessmentAction } from "../actions";

export const metadata: Metadata = { title: "Record an assessment" };

export default async function NewAssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ instrument?: string }>;
}) {
  const user = await requirePageUser("patient:write");
  const { id } = await params;
  const { instrument } = await searchParams;
  const record = await patientRecordForPage(user, id);
  return (
    <>
      <h1>Record an assessment for {record.patient.code}</h1>
      <AssessmentForm
        action={recordAssessmentAction.bind(null, record.patient.id)}
        today={todayIso()}
        courses={record.courses.map((c) => ({ id: c.id, label: `${c.drug} from ${c.startDate}` }))}
        defaultInstrument={isInstrumentId(instrument) ? instrument : undefined}
      />
    </>
  );
}
