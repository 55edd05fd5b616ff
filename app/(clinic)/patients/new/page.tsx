import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { requirePageUser } from "@/lib/data/session";
import { createPatientAction } from "../actions";

export const metadata: Metadata = { title: "Add patient" };

export default async function NewPatientPage() {
  const user = await requirePageUser("patient:write");
  return (
    <>
      <h1>Add a patient to {user.team.name}</h1>
      <PatientForm
        action={createPatientAction}
        initial={{ code: "", birthYear: "", sex: "", conditions: [], notes: null }}
        submitLabel="Add patient"
      />
    </>
  );
}
