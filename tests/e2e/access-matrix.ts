// Who may reach what. Every page and route handler under app/ must be listed; the test fails when
// one is added without an entry here. Statuses: 200 served, 307 sent to sign-in, 401/403/404 refused.
export type Actor = "anonymous" | "viewer" | "clinician" | "admin" | "otherTeam";
type Expected = Record<Actor, number>;

const signedInOnly = { anonymous: 307, viewer: 200, clinician: 200, admin: 200, otherTeam: 200 };
const ownPatient = { anonymous: 307, viewer: 200, clinician: 200, admin: 200, otherTeam: 404 };
const ownPatientWrite = { anonymous: 307, viewer: 404, clinician: 200, admin: 200, otherTeam: 404 };
const adminPage = { anonymous: 307, viewer: 404, clinician: 404, admin: 200, otherTeam: 404 };
const adminApi = { anonymous: 401, viewer: 404, clinician: 404, admin: 200, otherTeam: 404 };

const ownTeamWrite = { anonymous: 307, viewer: 404, clinician: 200, admin: 200, otherTeam: 200 };
const ownTeamWriteApi = { anonymous: 401, viewer: 404, clinician: 200, admin: 200, otherTeam: 200 };

/** A file sent as multipart/form-data (Playwright's `multipart`), for routes that take an upload. */
type Upload = Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
type RouteCheck = { file: string; path: string; method: "GET" | "POST"; body?: unknown; multipart?: Upload; expected: Expected };

/** `[id]` is a Demo Pain Clinic patient, `[courseId]` and `[assessmentId]` belong to that patient. */
export const ACCESS_MATRIX: RouteCheck[] = [
  { file: "app/page.tsx", path: "/", method: "GET", expected: { anonymous: 307, viewer: 307, clinician: 307, admin: 307, otherTeam: 307 } },
  {
    file: "app/(auth)/login/page.tsx",
    path: "/login",
    method: "GET",
    expected: { anonymous: 200, viewer: 307, clinician: 307, admin: 307, otherTeam: 307 },
  },
  { file: "app/(clinic)/worklist/page.tsx", path: "/worklist", method: "GET", expected: signedInOnly },
  { file: "app/(clinic)/patients/page.tsx", path: "/patients", method: "GET", expected: signedInOnly },
  { file: "app/(clinic)/patients/new/page.tsx", path: "/patients/new", method: "GET", expected: { ...signedInOnly, viewer: 404 } },
  { file: "app/(clinic)/patients/[id]/page.tsx", path: "/patients/[id]", method: "GET", expected: ownPatient },
  { file: "app/(clinic)/patients/[id]/report/page.tsx", path: "/patients/[id]/report", method: "GET", expected: ownPatient },
  { file: "app/(clinic)/patients/[id]/history/page.tsx", path: "/patients/[id]/history", method: "GET", expected: ownPatient },
  { file: "app/(clinic)/patients/[id]/edit/page.tsx", path: "/patients/[id]/edit", method: "GET", expected: ownPatientWrite },
  { file: "app/(clinic)/patients/[id]/courses/new/page.tsx", path: "/patients/[id]/courses/new", method: "GET", expected: ownPatientWrite },
  {
    file: "app/(clinic)/patients/[id]/courses/[courseId]/page.tsx",
    path: "/patients/[id]/courses/[courseId]",
    method: "GET",
    expected: ownPatient,
  },
  {
    file: "app/(clinic)/patients/[id]/assessments/new/page.tsx",
    path: "/patients/[id]/assessments/new",
    method: "GET",
    expected: ownPatientWrite,
  },
  {
    file: "app/(clinic)/patients/[id]/assessments/[assessmentId]/edit/page.tsx",
    path: "/patients/[id]/assessments/[assessmentId]/edit",
    method: "GET",
    expected: ownPatientWrite,
  },
  { file: "app/(clinic)/evidence/page.tsx", path: "/evidence", method: "GET", expected: signedInOnly },
  { file: "app/(clinic)/clinic/page.tsx", path: "/clinic", method: "GET", expected: signedInOnly },
  { file: "app/(clinic)/evidence/[id]/page.tsx", path: "/evidence/bruun-2024-final", method: "GET", expected: signedInOnly },
  { file: "app/(clinic)/invitations/page.tsx", path: "/invitations", method: "GET", expected: signedInOnly },
  { file: "app/(clinic)/admin/users/page.tsx", path: "/admin/users", method: "GET", expected: adminPage },
  { file: "app/(clinic)/admin/audit/page.tsx", path: "/admin/audit", method: "GET", expected: adminPage },
  { file: "app/(clinic)/admin/settings/page.tsx", path: "/admin/settings", method: "GET", expected: adminPage },
  {
    file: "app/api/patients/search/route.ts",
    path: "/api/patients/search",
    method: "POST",
    body: {},
    expected: { anonymous: 401, viewer: 200, clinician: 200, admin: 200, otherTeam: 200 },
  },
  {
    file: "app/api/fhir/Patient/[id]/$everything/route.ts",
    path: "/api/fhir/Patient/[id]/$everything",
    method: "GET",
    expected: { anonymous: 401, viewer: 200, clinician: 200, admin: 200, otherTeam: 404 },
  },
  {
    // The role is checked before the body: a viewer is refused (403) whatever it sends; for writers this
    // empty bundle is refused as invalid (400), so the check writes nothing to the demo teams.
    file: "app/api/fhir/Bundle/route.ts",
    path: "/api/fhir/Bundle",
    method: "POST",
    body: { resourceType: "Bundle", type: "collection", entry: [] },
    expected: { anonymous: 401, viewer: 403, clinician: 400, admin: 400, otherTeam: 400 },
  },
  { file: "app/(clinic)/import/page.tsx", path: "/import", method: "GET", expected: ownTeamWrite },
  {
    // A header-only file: the route answers 200 and streams a refusal ("no rows"), so nothing is written.
    file: "app/api/import/route.ts",
    path: "/api/import",
    method: "POST",
    multipart: { file: { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("code,birth_year,sex\r\n") } },
    expected: ownTeamWriteApi,
  },
  { file: "app/api/import/template/[kind]/route.ts", path: "/api/import/template/assessments", method: "GET", expected: ownTeamWriteApi },
  {
    file: "app/api/export/[kind]/route.ts",
    path: "/api/export/assessments",
    method: "GET",
    expected: { anonymous: 401, viewer: 200, clinician: 200, admin: 200, otherTeam: 200 },
  },
  {
    file: "app/api/patients/[id]/export/route.ts",
    path: "/api/patients/[id]/export",
    method: "GET",
    expected: { anonymous: 401, viewer: 200, clinician: 200, admin: 200, otherTeam: 404 },
  },
  // The patient's public questionnaire. A valid token is single-use, so the matrix opens a forged one:
  // every actor, signed in or not, gets the same plain refusal (self-report.spec.ts opens a real link).
  {
    file: "app/r/[token]/page.tsx",
    path: `/r/${"F".repeat(43)}`,
    method: "GET",
    expected: { anonymous: 404, viewer: 404, clinician: 404, admin: 404, otherTeam: 404 },
  },
  { file: "app/api/admin/audit/route.ts", path: "/api/admin/audit", method: "POST", body: {}, expected: adminApi },
  { file: "app/api/admin/audit/export/route.ts", path: "/api/admin/audit/export", method: "POST", body: {}, expected: adminApi },
];

/** Routes that are not the app's own (Auth.js's endpoints), checked by the sign-in tests instead. */
export const OUTSIDE_MATRIX = ["app/api/auth/[...nextauth]/route.ts"];
