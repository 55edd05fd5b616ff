import type { Metadata } from "next";
import Link from "next/link";
import { PatientTable } from "@/components/patients/patient-table";
import { listConditionsAndDrugsForTeam, listPatientsForTeam } from "@/lib/data/patients";
import { requirePageUser } from "@/lib/data/session";
import { can } from "@/lib/auth/can";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage() {
  const user = await requirePageUser();
  const [firstPage, options] = await Promise.all([listPatientsForTeam(user), listConditionsAndDrugsForTeam(user)]);
  return (
    <>
      <div style={{ display: "flex", flexWrap: "wrap", gap: "0 1rem", justifyContent: "space-between", alignItems: "center" }}>
        <h1>Patients of {user.team.name}</h1>
        {can(user, "patient:write") && (
          <Link className="button" href="/patients/new">
            Add patient
          </Link>
        )}
      </div>
      <PatientTable initialPage={firstPage} conditions={options.conditions} drugs={options.drugs} />
    </>
  );
}
