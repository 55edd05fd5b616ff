import { armLabel } from "@/lib/comparison";
import { formatFigure, type AdverseEvent, type Study } from "@/lib/evidence";
import { formatCi, formatRateAsPercent, formatValue } from "./figures";

const LAID_OUT = new Set(["event", "patients", "arm", "patients_by_arm", "risk_ratio", "ci95", "i2", "grade", "note"]);

function eventDetails(study: Study, event: AdverseEvent): string[] {
  const has = (key: string) => Object.hasOwn(event, key);
  const details: string[] = [];
  if (has("patients")) {
    const arm = event.arm ? ` on ${armLabel(study, event.arm)}` : "";
    details.push(`${formatFigure(event.patients)} patients${arm}`);
  } else if (event.arm) {
    details.push(`on ${armLabel(study, event.arm)}`);
  }
  if (has("patients_by_arm")) {
    details.push(
      event.patients_by_arm
        ? Object.entries(event.patients_by_arm)
            .map(([arm, count]) => `${armLabel(study, arm)} ${count}`)
            .join(", ")
        : "patients by arm not reported",
    );
  }
  if (has("risk_ratio"))
    details.push(`risk ratio ${formatFigure(event.risk_ratio)}${has("ci95") ? ` (95% CI ${formatCi(event.ci95)})` : ""}`);
  if (has("i2")) details.push(`I² ${formatRateAsPercent(event.i2)}`);
  if (has("grade")) details.push(`GRADE ${event.grade ?? "not reported"}`);
  for (const [key, value] of Object.entries(event)) {
    if (!LAID_OUT.has(key)) details.push(`${key.replace(/_/g, " ")}: ${formatValue(value)}`);
  }
  if (event.note) details.push(event.note);
  return details;
}

export function AdverseEventList({ study }: { study: Study }) {
  const events = study.adverse_events;
  if (!events || events.length === 0) return <p className="muted">No adverse events are reported in the evidence file.</p>;
  return (
    <ul>
      {events.map((event, index) => {
        const details = eventDetails(study, event);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a study's adverse events come from the evidence file in a fixed order and have no id
          <li key={index}>
            <strong>{event.event}</strong>
            {details.length > 0 && `: ${details.join("; ")}`}
          </li>
        );
      })}
    </ul>
  );
}
