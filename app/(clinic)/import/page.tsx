import type { Metadata } from "next";
import { ImportForm } from "@/components/import/import-form";
import { requirePageUser } from "@/lib/data/session";

export const metadata: Metadata = { title: "Import" };

const TEMPLATES = [
  { kind: "patients", label: "Patients" },
  { kind: "courses", label: "Courses and dose changes" },
  { kind: "assessments", label: "Assessments (totals or item answers)" },
  { kind: "adverse_events", label: "Side effects" },
] as const;

/** CSV import for clinicians and admins; viewers get "not found", as for every write page. */
export default async function ImportPage() {
  const user = await requirePageUser("patient:write");
  return (
    <>
      <h1>Import into {user.team.name}</h1>
      <p>
        Import patients first, then their courses, then assessments and side effects. Each file is checked row by row with the same rules as
        the forms and written all at once, or not at all; rows already in the team are left as they are, so importing a file twice adds
        nothing. Separate cells with commas or semicolons; save as UTF-8.
      </p>
      <h2>Templates</h2>
      <ul>
        {TEMPLATES.map((t) => (
          <li key={t.kind}>
            <a href={`/api/import/template/${t.kind}`} download>
              {t.label} template (CSV)
            </a>
          </li>
        ))}
      </ul>
      <h2>Upload a file</h2>
      <ImportForm />
    </>
  );
}
