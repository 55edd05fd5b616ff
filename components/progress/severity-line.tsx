import type { IrlsSeverityMove } from "@/lib/instruments/irls";

/** "Severity: moderate → mild (Severity bands: …)": shown beside a response, never in its place. */
export function SeverityLine({ severity }: { severity: IrlsSeverityMove }) {
  return (
    <p>
      {`${severity.label} `}
      <small className="muted">{`(${severity.source})`}</small>
    </p>
  );
}
