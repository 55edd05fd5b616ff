import { Citation } from "@/components/evidence/citation";
import type { CitedStudy } from "@/lib/data/patient-report";

/** The full reference of every study the report compares the patient with. */
export function StudyCitations({ studies }: { studies: CitedStudy[] }) {
  if (studies.length === 0) return <p className="muted">No published study was set beside this patient's courses.</p>;
  return (
    <ol className="report-citations">
      {studies.map((entry) => (
        <li key={entry.id}>
          <strong>{entry.shortName}</strong>
          <Citation study={entry.study} />
        </li>
      ))}
    </ol>
  );
}
