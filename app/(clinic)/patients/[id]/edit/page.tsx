import type { Metadata } from "next";
import { ArchivePatientForm } from "@/components/patients/archive-patient-form";
import { PatientForm } from "@/components/patients/patient-form";
import { patientForPage } from "@/lib/data/page-records";
import { requirePageUser } from "@/lib/data/session";
import { archivePatientAction, updatePatientAction } from "../../actions";

export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("patient:write");
  const { id } = await params;
  const patient = await patientForPage(user, id);
  return (
    <>
      <h1>Edit patient {patient.code}</h1>
      <PatientForm
        action={updatePatientAction.bind(null, patient.id)}
        initial={{
          code: patient.code,
          birthYear: patient.birthYear,
          sex: patient.sex,
          conditions: patient.conditions,
          notes: patient.notes,
          version: patient.version,
        }}
        submitLabel="Save changes"
      />
      <h2>{patient.archivedAt ? "Restore" : "Archive"}</h2>
      <ArchivePatientForm
        action={archivePatientAction.bind(null, patient.id)}
        archived={patient.archivedAt !== null}
        version={patient.version}
      />
    </>
  );
}
