import type { Metadata } from "next";
import { CaseloadFilters } from "@/components/clinic/caseload-filters";
import { CaseloadPanel } from "@/components/clinic/caseload-panel";
import { clinicCaseload, clinicFilterOptions } from "@/lib/data/clinic";
import { requirePageUser } from "@/lib/data/session";
import { parseClinicFilters } from "@/lib/validation/clinic-filters";

export const metadata: Metadata = { title: "Clinic" };

export default async function ClinicPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const filters = parseClinicFilters(await searchParams);
  const [panels, options] = await Promise.all([clinicCaseload(user, filters), clinicFilterOptions(user)]);
  return (
    <>
      <h1>{user.team.name}: caseload against the trials</h1>
      <p>
        For each drug and condition with a verified trial that published its arms&apos; results, this clinic&apos;s patients beside the
        trial&apos;s arms on the trial&apos;s own instrument, time point and responder definition.
      </p>
      <CaseloadFilters filters={filters} options={options} />
      {panels.length === 0 ? (
        <p className="muted">
          No course in this team matches a verified trial with published arm results
          {Object.values(filters).some(Boolean) ? " for these filters" : ""}.
        </p>
      ) : (
        panels.map((panel) => <CaseloadPanel key={panel.benchmark.study.id} panel={panel} />)
      )}
    </>
  );
}
