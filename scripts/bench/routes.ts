// What the benchmark requests: the pages and routes named by issue 12, as a signed-in clinician of team 1.

export type BenchRouteId =
  | "worklist"
  | "patient_list"
  | "patient_list_filtered"
  | "patient_list_sorted"
  | "patient_page"
  | "clinic_dashboard"
  | "team_csv_export"
  | "patient_fhir_export";

export type BenchRoute = {
  id: BenchRouteId;
  label: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
  /** Built on another branch: a 404 means "not available in this build", not a failure. */
  optional?: boolean;
  /** The build route whose first-load JavaScript the page loads (pages only). */
  page?: string;
};

export function benchRoutes(patientId: string): BenchRoute[] {
  const search = (filters: object) => ({ method: "POST" as const, path: "/api/patients/search", body: JSON.stringify(filters) });
  return [
    { id: "worklist", label: "worklist", method: "GET", path: "/worklist", page: "/worklist" },
    { id: "patient_list", label: "patient list, first page (page HTML)", method: "GET", path: "/patients", page: "/patients" },
    {
      id: "patient_list_filtered",
      label: "patient list, filtered (search POST)",
      ...search({ condition: "fibromyalgia", drug: "memantine", status: "on_treatment" }),
    },
    { id: "patient_list_sorted", label: "patient list, by last assessment (search POST)", ...search({ sort: "last_assessment_desc" }) },
    { id: "patient_page", label: "patient page", method: "GET", path: `/patients/${patientId}`, page: "/patients/[id]" },
    { id: "clinic_dashboard", label: "clinic dashboard", method: "GET", path: "/clinic", page: "/clinic" },
    { id: "team_csv_export", label: "team CSV export", method: "GET", path: "/api/export/assessments", optional: true },
    {
      id: "patient_fhir_export",
      label: "FHIR export of one patient",
      method: "GET",
      path: `/api/fhir/Patient/${patientId}/$everything`,
      optional: true,
    },
  ];
}
