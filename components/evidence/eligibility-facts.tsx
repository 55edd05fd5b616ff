import { baselineMinimumText } from "@/lib/comparison/eligibility";
import type { Study } from "@/lib/evidence";

const SEX_ENROLLED = { female: "women only", male: "men only" } as const;

/** Who the trial enrolled (studies.json `eligibility`), the criteria each patient comparison is checked against. */
export function EligibilityFacts({ study }: { study: Study }) {
  const e = study.eligibility;
  if (!e) return null;
  const rows: [string, string][] = [];
  if (e.sex) rows.push(["Sex", SEX_ENROLLED[e.sex]]);
  if (e.age_years) rows.push(["Age (years)", `${e.age_years[0]}–${e.age_years[1]}`]);
  if (e.baseline_min) rows.push(["Baseline", baselineMinimumText(e.baseline_min)]);
  if (e.diagnosis) rows.push(["Diagnosis", e.diagnosis]);
  if (e.excludes?.length) rows.push(["Excluded", e.excludes.join("; ")]);
  return (
    <>
      <h2>Who the trial enrolled</h2>
      <dl className="item-grid">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>
              <strong>{label}</strong>
            </dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
      {e.source && <p className="muted">Source: {e.source}.</p>}
    </>
  );
}
