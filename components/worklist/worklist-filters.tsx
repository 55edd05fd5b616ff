import { REASON_LABELS, WORKLIST_REASONS } from "@/lib/domain/worklist-reasons";
import type { WorklistFilters as Filters } from "@/lib/validation/worklist";

/** A plain GET form: the filters live in the URL, so a filtered worklist can be bookmarked or shared. */
export function WorklistFilters({
  filters,
  drugs,
  clinicians,
}: {
  filters: Filters;
  drugs: string[];
  clinicians: { id: string; name: string }[];
}) {
  return (
    <form method="get" action="/worklist" className="filters" aria-label="Filter the worklist">
      <div className="field">
        <label htmlFor="filter-reason">Reason</label>
        <select id="filter-reason" name="reason" defaultValue={filters.reason ?? ""}>
          <option value="">All reasons</option>
          {WORKLIST_REASONS.map((r) => (
            <option key={r} value={r}>
              {REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-drug">Drug</label>
        <select id="filter-drug" name="drug" defaultValue={filters.drug ?? ""}>
          <option value="">All drugs</option>
          {drugs.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-clinician">Clinician (entered the latest assessment)</label>
        <select id="filter-clinician" name="clinician" defaultValue={filters.clinician ?? ""}>
          <option value="">All clinicians</option>
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Filter</button>
    </form>
  );
}
