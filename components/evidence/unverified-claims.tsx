import type { Study } from "@/lib/evidence";

/**
 * Outcomes of a study found only in the source material (fayed-2014, memantine-rls-claims): each claim is
 * shown as the source states it, marked unverified, with no figure column beside it.
 */
export function UnverifiedClaims({ study }: { study: Study }) {
  const outcomes = study.outcomes ?? [];
  if (outcomes.length === 0) return <p className="muted">The source material states no outcome.</p>;
  return (
    <ul>
      {outcomes.map((outcome, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a study's outcomes come from the evidence file in a fixed order and have no id
        <li key={index}>
          <strong>{outcome.label}</strong>: <span className="unverified">unverified claim</span>
          {outcome.claim ? ` — "${outcome.claim}"` : " — no result stated"}
        </li>
      ))}
    </ul>
  );
}
