import type { ClinicFilters } from "@/lib/validation/clinic-filters";
import { COURSE_STATUSES } from "@/lib/domain/courses";

type Options = { drugs: string[]; conditions: string[]; studies: { id: string; name: string }[] };

/** A GET form: the chosen filters land in the URL, so a view can be shared (filters only, no patient data). */
export function CaseloadFilters({ filters, options }: { filters: ClinicFilters; options: Options }) {
  return (
    <form method="get" action="/clinic" className="filters" aria-label="Filter the caseload">
      <label>
        Drug
        <select name="drug" defaultValue={filters.drug ?? ""}>
          <option value="">All</option>
          {options.drugs.map((drug) => (
            <option key={drug}>{drug}</option>
          ))}
        </select>
      </label>
      <label>
        Condition
        <select name="condition" defaultValue={filters.condition ?? ""}>
          <option value="">All</option>
          {options.conditions.map((condition) => (
            <option key={condition}>{condition}</option>
          ))}
        </select>
      </label>
      <label>
        Study
        <select name="study" defaultValue={filters.study ?? ""}>
          <option value="">All</option>
          {options.studies.map((study) => (
            <option key={study.id} value={study.id}>
              {study.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Course status
        <select name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any</option>
          {COURSE_STATUSES.map((status) => (
            <option key={status}>{status}</option>
          ))}
        </select>
      </label>
      <button type="submit">Show</button>
    </form>
  );
}
