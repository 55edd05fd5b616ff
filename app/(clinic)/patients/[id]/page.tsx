import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CourseTable } from "@/components/patients/course-table";
import { AssessmentTable } from "@/components/patients/assessment-table";
import { NotFoundError } from "@/lib/data/errors";
import { getPatientRecord, type PatientDetail } from "@/lib/data/patients";
import { requirePageUser } from "@/lib/data/session";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  let record: PatientDetail;
  try {
    record = await getPatientRecord(user, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { patient } = record;
  return (
    <>
      <h1>Patient {patient.code}</h1>
      <p>
        Born {patient.birthYear} · {patient.sex} · {patient.conditions.join(", ") || "no conditions recorded"}
        {patient.archived && <strong> · archived</strong>}
      </p>
      {patient.notes && <p className="notice">{patient.notes}</p>}
      <h2>Treatment courses</h2>
      <CourseTable courses={record.courses} />
      <h2>Assessments</h2>
      <AssessmentTable assessments={record.assessments} />
    </>
  );
}
