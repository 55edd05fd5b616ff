import type { PatientTrend } from "./types";

const SYMBOL = { improving: "↓ improving", stable: "→ stable", worsening: "↑ worsening" } as const;

export function TrendBadge({ trend }: { trend: PatientTrend }) {
  if (!trend) return <span className="muted">not enough scores</span>;
  return (
    <span className={`trend-${trend.direction}`} title={trend.label}>
      {SYMBOL[trend.direction]} <span className="muted">({trend.instrument})</span>
    </span>
  );
}
