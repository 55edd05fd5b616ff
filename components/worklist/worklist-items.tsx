import Link from "next/link";
import { SimpleForm } from "@/components/forms/simple-form";
import type { FormState } from "@/lib/actions/form-state";
import type { WorklistEntry } from "@/lib/data/worklist";
import { REASON_LABELS } from "@/lib/domain/worklist-reasons";

type Acknowledge = (patientId: string, state: FormState, formData: FormData) => Promise<FormState>;

/** The items as a list of cards (they fit a phone), each with its reason in words, since when, and a link to the patient. */
export function WorklistItems({
  items,
  acknowledge,
  filtersQuery,
}: {
  items: WorklistEntry[];
  acknowledge: Acknowledge | null;
  /** The current filters as a query string, so the page comes back filtered the same way after acknowledging. */
  filtersQuery: string;
}) {
  if (items.length === 0) return <p>No patient needs attention for these filters.</p>;
  return (
    <ul className="worklist">
      {items.map((item) => (
        <li key={`${item.reason}-${item.courseId}-${item.since}-${item.words}`} className="card">
          <h3>
            <Link href={`/patients/${item.patientId}`}>{item.code}</Link> · {REASON_LABELS[item.reason]}
          </h3>
          <p>{item.words}</p>
          <p className="muted">
            Since {item.since}
            {item.drug ? ` · ${item.drug}` : ""}
            {item.studyName ? ` · ${item.studyName}` : ""}
          </p>
          {acknowledge && (
            <details>
              <summary>Acknowledge</summary>
              <SimpleForm
                title={`Acknowledge ${REASON_LABELS[item.reason].toLowerCase()} for ${item.code}`}
                submitLabel="Acknowledge"
                action={acknowledge.bind(null, item.patientId)}
                fields={[
                  { name: "reason", kind: "hidden", value: item.reason },
                  { name: "filters", kind: "hidden", value: filtersQuery },
                  { name: "note", label: "Note", kind: "text", hint: "What was done or decided" },
                ]}
              />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
