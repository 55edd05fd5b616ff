import type { Metadata } from "next";
import { StartCourseForm } from "@/components/courses/start-course-form";
import { patientForPage } from "@/lib/data/page-records";
import { requirePageUser } from "@/lib/data/session";
import { todayIso } from "@/lib/validation/dates";
import { startCourseAction } from "../actions";

export const metadata: Metadata = { title: "Start a treatment course" };

export default async function NewCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("patient:write");
  const { id } = await params;
  const patient = await patientForPage(user, id);
  return (
    <>
      <h1>Start a treatment course for {patient.code}</h1>
      <StartCourseForm action={startCourseAction.bind(null, patient.id)} today={todayIso()} conditions={patient.conditions} />
    </>
  );
}
