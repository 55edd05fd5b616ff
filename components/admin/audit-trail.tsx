"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormMessage } from "@/components/forms/field";
import type { AuditPage } from "@/lib/data/audit-queries";
import { TableScroll } from "@/components/ui/table-scroll";

type Filters = { userId?: string; patientCode?: string; from?: string; to?: string };
type Refusal = { error: string; fieldErrors?: Record<string, string> };

class RequestRefused extends Error {
  constructor(public readonly refusal: Refusal) {
    super(refusal.error);
  }
}

async function refusalOf(response: Response): Promise<RequestRefused> {
  const body = (await response.json().catch(() => ({}))) as Partial<Refusal>;
  return new RequestRefused({ error: body.error ?? "The request failed; try again.", fieldErrors: body.fieldErrors });
}

async function fetchAuditPage(filters: Filters, page: number): Promise<AuditPage> {
  const response = await fetch("/api/admin/audit", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...filters, page }),
  });
  if (!response.ok) throw await refusalOf(response);
  return response.json();
}

async function downloadCsv(filters: Filters): Promise<void> {
  const response = await fetch("/api/admin/audit/export", { method: "POST", body: new URLSearchParams(filters) });
  if (!response.ok) throw await refusalOf(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = "audit.csv";
  link.click();
  URL.revokeObjectURL(url);
}

function filtersFrom(form: HTMLFormElement): Filters {
  const filters: Filters = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === "string" && value.trim()) filters[key as keyof Filters] = value.trim();
  }
  return filters;
}

/** The filters and the list; filters travel in POST bodies, never in the URL, as they may name a patient. */
export function AuditTrail({ members }: { members: { id: string; label: string }[] }) {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [exportRefusal, setExportRefusal] = useState<Refusal | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = useQuery({
    queryKey: ["audit", filters, page],
    queryFn: () => fetchAuditPage(filters, page),
    placeholderData: keepPreviousData,
    // Every load is itself written to the audit trail: no reloads just because the window got focus.
    refetchOnWindowFocus: false,
    retry: false,
  });
  const refusal =
    query.error instanceof RequestRefused
      ? query.error.refusal
      : query.error
        ? { error: "Could not load the audit trail; try again." }
        : exportRefusal;
  const errors = refusal?.fieldErrors ?? {};
  // A refused filter shows its message, not the previous filter's rows under the new inputs.
  const data = query.isError ? undefined : query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setExportRefusal(null);
    setFilters(filtersFrom(event.currentTarget));
    setPage(1);
  };
  const exportCsv = async (form: HTMLFormElement | null) => {
    if (!form) return;
    setExporting(true);
    setExportRefusal(null);
    try {
      await downloadCsv(filtersFrom(form));
    } catch (error) {
      setExportRefusal(error instanceof RequestRefused ? error.refusal : { error: "The export failed; try again." });
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="sr-only">
        Audit entries
      </h2>
      <search>
        <form id="audit-filters" className="filters" onSubmit={apply} noValidate>
          <div className="field">
            <label htmlFor="audit-user">User</label>
            <select id="audit-user" name="userId" defaultValue="" aria-invalid={errors.userId ? true : undefined}>
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
            {errors.userId && <span className="field-error">{errors.userId}</span>}
          </div>
          <div className="field">
            <label htmlFor="audit-patient">Patient code</label>
            <input
              id="audit-patient"
              name="patientCode"
              maxLength={32}
              autoComplete="off"
              aria-invalid={errors.patientCode ? true : undefined}
            />
            {errors.patientCode && <span className="field-error">{errors.patientCode}</span>}
          </div>
          <div className="field">
            <label htmlFor="audit-from">From (UTC)</label>
            <input id="audit-from" name="from" type="date" aria-invalid={errors.from ? true : undefined} />
            {errors.from && <span className="field-error">{errors.from}</span>}
          </div>
          <div className="field">
            <label htmlFor="audit-to">To (UTC)</label>
            <input id="audit-to" name="to" type="date" aria-invalid={errors.to ? true : undefined} />
            {errors.to && <span className="field-error">{errors.to}</span>}
          </div>
          <button type="submit">Show entries</button>
          <button type="button" className="secondary" disabled={exporting} onClick={(e) => exportCsv(e.currentTarget.form)}>
            {exporting ? "Exporting…" : "Download CSV"}
          </button>
        </form>
      </search>
      {refusal && <FormMessage error={refusal.error} />}
      <p aria-live="polite" className="muted">
        {data
          ? `${data.total} entr${data.total === 1 ? "y" : "ies"}${query.isFetching ? " (updating…)" : ""}`
          : query.isFetching
            ? "Loading…"
            : ""}
      </p>
      <TableScroll label="Audit entry table">
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">User</th>
              <th scope="col">Action</th>
              <th scope="col">Record type</th>
              <th scope="col">Record id</th>
              <th scope="col">IP address</th>
              <th scope="col">Fields changed</th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.at.replace("T", " ").slice(0, 19)}</td>
                <td>{entry.userEmail ?? <span className="muted">none</span>}</td>
                <td>{entry.action}</td>
                <td>{entry.recordType}</td>
                <td>{entry.recordId ?? <span className="muted">none</span>}</td>
                <td>{entry.ip ?? <span className="muted">unknown</span>}</td>
                <td>{entry.changedFields.join(", ")}</td>
              </tr>
            ))}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={7}>No entries match.</td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={!data || data.page <= 1} onClick={() => setPage((p) => Math.max(1, p - 1))}>
          Previous page
        </button>
        <span>
          Page {data?.page ?? page} of {pages}
        </span>
        <button type="button" className="secondary" disabled={!data || data.page >= pages} onClick={() => setPage((p) => p + 1)}>
          Next page
        </button>
      </nav>
    </section>
  );
}
