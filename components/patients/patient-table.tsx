"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { PatientFiltersInput } from "@/lib/validation/patient-filters";
import { TrendBadge } from "./trend-badge";
import type { PatientListCursor, PatientListPage } from "./types";
import { TableScroll } from "@/components/ui/table-scroll";

type Filters = Omit<PatientFiltersInput, "after">;

async function searchPatients(filters: PatientFiltersInput): Promise<PatientListPage> {
  const response = await fetch("/api/patients/search", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(filters),
  });
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error ?? "Search failed");
  return response.json();
}

export function PatientTable({ initialPage, conditions, drugs }: { initialPage: PatientListPage; conditions: string[]; drugs: string[] }) {
  const [filters, setFilters] = useState<Filters>({ sort: "code" });
  // Keyset paging: each page starts after the previous page's last row. The cursors of the pages walked
  // so far are kept, so "Previous page" goes back to the one before; the first page has none.
  const [cursors, setCursors] = useState<PatientListCursor[]>([]);
  const after = cursors.at(-1);
  const isInitial = !after && JSON.stringify(filters) === JSON.stringify({ sort: "code" });
  const query = useQuery({
    queryKey: ["patients", filters, after ?? null],
    queryFn: () => searchPatients({ ...filters, after }),
    initialData: isInitial ? initialPage : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? initialPage;
  const page = cursors.length + 1;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const update = (patch: Partial<Filters>) => {
    setCursors([]);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const nextCursor = query.isPlaceholderData ? null : data.nextCursor;

  return (
    <section aria-labelledby="patient-list-heading">
      <h2 id="patient-list-heading" className="sr-only">
        Patient list
      </h2>
      <search>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="filter-code">Search by code</label>
            <input
              id="filter-code"
              type="search"
              value={filters.code ?? ""}
              onChange={(e) => update({ code: e.target.value || undefined })}
            />
          </div>
          <div className="field">
            <label htmlFor="filter-condition">Condition</label>
            <select
              id="filter-condition"
              value={filters.condition ?? ""}
              onChange={(e) => update({ condition: e.target.value || undefined })}
            >
              <option value="">Any</option>
              {conditions.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-drug">Drug</label>
            <select id="filter-drug" value={filters.drug ?? ""} onChange={(e) => update({ drug: e.target.value || undefined })}>
              <option value="">Any</option>
              {drugs.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-status">Treatment</label>
            <select
              id="filter-status"
              value={filters.status ?? ""}
              onChange={(e) => update({ status: (e.target.value || undefined) as PatientFiltersInput["status"] })}
            >
              <option value="">Any</option>
              <option value="on_treatment">On an active course</option>
              <option value="no_active_treatment">No active course</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-sort">Sort by</label>
            <select
              id="filter-sort"
              value={filters.sort ?? "code"}
              onChange={(e) => update({ sort: e.target.value as PatientFiltersInput["sort"] })}
            >
              <option value="code">Patient code</option>
              <option value="last_assessment_desc">Last assessment, newest first</option>
              <option value="last_assessment_asc">Last assessment, oldest first</option>
            </select>
          </div>
        </form>
      </search>
      <form method="post" action="/api/export/assessments" className="filters" aria-label="Download the patients found">
        {(["code", "condition", "drug", "status"] as const).map((name) =>
          filters[name] ? <input key={name} type="hidden" name={name} value={filters[name]} /> : null,
        )}
        <span>Download the patients found as CSV:</span>
        <button type="submit" className="secondary" formAction="/api/export/patients">
          Patients
        </button>
        <button type="submit" className="secondary" formAction="/api/export/courses">
          Courses and doses
        </button>
        <button type="submit" className="secondary">
          Assessments
        </button>
        <button type="submit" className="secondary" formAction="/api/export/adverse_events">
          Side effects
        </button>
      </form>
      <p aria-live="polite" className="muted">
        {query.isError
          ? "Could not load patients; try again."
          : `${data.total} patient${data.total === 1 ? "" : "s"}${query.isFetching ? " (updating…)" : ""}`}
      </p>
      <TableScroll label="Patients found">
        <table>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Conditions</th>
              <th scope="col">Active treatment</th>
              <th scope="col">Last assessment</th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/patients/${p.id}`}>{p.code}</Link>
                </td>
                <td>{p.conditions.join(", ")}</td>
                <td>{p.activeDrugs ?? <span className="muted">none</span>}</td>
                <td>{p.lastAssessedOn ?? <span className="muted">none</span>}</td>
                <td>
                  <TrendBadge trend={p.trend} />
                </td>
              </tr>
            ))}
            {data.rows.length === 0 && (
              <tr>
                <td colSpan={5}>No patients match.</td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={page <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span>
          Page {page} of {pages}
        </span>
        <button
          type="button"
          className="secondary"
          disabled={!nextCursor}
          onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
