import type { Metadata } from "next";
import { ReasonCounts } from "@/components/worklist/reason-counts";
import { WorklistFilters } from "@/components/worklist/worklist-filters";
import { WorklistItems } from "@/components/worklist/worklist-items";
import { can } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/data/session";
import { getWorklist } from "@/lib/data/worklist";
import type { WorklistReason } from "@/lib/domain/worklist-reasons";
import { worklistFiltersSchema } from "@/lib/validation/worklist";
import { acknowledgeWorklistAction } from "./actions";

export const metadata: Metadata = { title: "Worklist" };

// A network-sized team can have thousands of items: each card carries its own acknowledge form, so the page
// shows the first ones in the list's order and the counts and filters lead to the rest.
const ITEMS_SHOWN = 100;

export default async function WorklistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? params[key] : undefined);
  const filters = worklistFiltersSchema.parse({ reason: one("reason"), drug: one("drug"), clinician: one("clinician") });
  const list = await getWorklist(user, filters);
  const filtersQuery = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  const hrefFor = (reason: WorklistReason) => {
    const query = new URLSearchParams({ reason });
    if (filters.drug) query.set("drug", filters.drug);
    if (filters.clinician) query.set("clinician", filters.clinician);
    return `/worklist?${query}`;
  };
  return (
    <>
      <h1>Worklist of {user.team.name}</h1>
      <p className="muted">
        Patients who need attention on {list.today}. Follow-up is overdue after {list.followUpWeeks} weeks without an assessment (a team
        setting).
      </p>
      {one("acknowledged") === "1" && (
        <p role="status" className="notice">
          Acknowledged. The item returns if it still applies after the patient&apos;s next assessment.
        </p>
      )}
      <h2>Counts per reason</h2>
      <ReasonCounts counts={list.counts} hrefFor={hrefFor} />
      <h2>Filters</h2>
      <WorklistFilters filters={filters} drugs={list.drugs} clinicians={list.clinicians} />
      <h2>
        {list.items.length} {list.items.length === 1 ? "item" : "items"}
      </h2>
      {list.items.length > ITEMS_SHOWN && (
        <p className="notice">
          Showing the first {ITEMS_SHOWN} of {list.items.length} items. Choose a reason above, or filter by drug or clinician, to see the
          others.
        </p>
      )}
      <WorklistItems
        items={list.items.slice(0, ITEMS_SHOWN)}
        acknowledge={can(user, "patient:write") ? acknowledgeWorklistAction : null}
        filtersQuery={filtersQuery}
      />
    </>
  );
}
