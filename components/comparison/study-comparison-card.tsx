import { summarizeComparison, type ComparisonRefusal } from "@/lib/comparison";
import type { InstrumentTrajectory, StudyComparisons } from "@/lib/data/comparisons";
import { formatFigure, NOT_REPORTED } from "@/lib/evidence";
import { StudyName } from "@/components/evidence/study-name";
import { VerificationStatus } from "@/components/evidence/verification-status";
import { ApplicabilityFindings } from "./applicability-findings";
import { ComparisonResultView } from "./comparison-result";

type Refused = { instrumentNames: string[]; sentence: string; refusal: ComparisonRefusal };

/** The same refusal for several instruments (e.g. an unverified study) is said once. */
function groupRefusals(entry: StudyComparisons): Refused[] {
  const groups = new Map<string, Refused>();
  for (const { instrumentName, outcome } of entry.results) {
    if (outcome.comparable) continue;
    const sentence = summarizeComparison(outcome, instrumentName);
    const group = groups.get(sentence);
    if (group) group.instrumentNames.push(instrumentName);
    else groups.set(sentence, { instrumentNames: [instrumentName], sentence, refusal: outcome });
  }
  return [...groups.values()];
}

function sizeText(study: StudyComparisons["study"]): string {
  if (!study.verified) return "unverified";
  return study.size === null ? NOT_REPORTED : `n = ${formatFigure(study.size)}`;
}

function RefusalView({ refused }: { refused: Refused }) {
  const { refusal } = refused;
  const unverified = refusal.code === "unverified-study";
  return (
    <>
      <p>
        <span className="muted">{`${refused.instrumentNames.join(", ")}: `}</span>
        {refused.sentence}
      </p>
      {refusal.claims.length > 0 && (
        <ul>
          {refusal.claims.map((claim, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sentences; keying by the sentence wrote it twice into the page's RSC payload
            <li key={index}>
              {unverified ? <span className="unverified">Unverified claim: </span> : <strong>Stated in words only: </strong>}
              {claim}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function StudyComparisonCard({
  entry,
  trajectories,
  headingId,
}: {
  entry: StudyComparisons;
  trajectories: InstrumentTrajectory[];
  headingId: string;
}) {
  const { study } = entry;
  const compared = entry.results.filter((r) => r.outcome.comparable);
  const refusals = groupRefusals(entry);
  return (
    <article className="card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <StudyName study={study} href={`/evidence/${study.id}`} />
      </h4>
      <p className="muted">
        {`Evidence level: ${study.evidenceLevel} · Size: ${sizeText(study)} · Verification: `}
        <VerificationStatus study={study} />
      </p>
      {compared.map(({ instrumentId, instrumentName, outcome }) =>
        outcome.comparable ? (
          <section key={instrumentId} aria-label={`${instrumentName} beside ${study.shortName}`}>
            <h5>{instrumentName}</h5>
            <ComparisonResultView
              result={outcome}
              instrumentName={instrumentName}
              trajectory={trajectories.find((t) => t.instrumentId === instrumentId)}
            />
          </section>
        ) : null,
      )}
      {refusals.map((refused, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: keyed by its sentence, the refusal was written twice into the page's RSC payload
        <RefusalView key={index} refused={refused} />
      ))}
      {entry.results.length === 0 && <p className="muted">The patient has no scores yet, so nothing can be compared.</p>}
      {compared.length === 0 && entry.applicability.stated && (
        <ApplicabilityFindings applicability={entry.applicability} studyName={study.shortName} />
      )}
      {study.caveats && (
        <p>
          <strong>Caveat:</strong>
          {` ${study.caveats}`}
        </p>
      )}
    </article>
  );
}
