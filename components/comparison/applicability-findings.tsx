import type { Applicability, FindingKind } from "@/lib/comparison";

const LEAD: Record<FindingKind, string> = {
  outside: "Outside the trial",
  unknown: "Cannot tell",
  question: "Question for you",
  inside: "Within the trial",
};
const ORDER: Record<FindingKind, number> = { outside: 0, unknown: 1, question: 2, inside: 3 };

/** The patient against who the trial enrolled, worst first; exclusions are asked, not decided. */
export function ApplicabilityFindings({ applicability, studyName }: { applicability: Applicability; studyName: string }) {
  if (!applicability.stated) {
    return (
      <p className="muted">{`Who ${studyName} enrolled is not stated in the evidence file, so this patient was not checked against it.`}</p>
    );
  }
  const findings = [...applicability.findings].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const outside = findings.some((f) => f.kind === "outside");
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of findings, not form controls, so not a <fieldset>
    <div className="notice" role="group" aria-label={`Does ${studyName} apply to this patient?`}>
      {outside && (
        <p>
          <strong className="unverified">This patient falls outside who {studyName} enrolled</strong>: its figures describe people unlike
          this patient.
        </p>
      )}
      <ul>
        {findings.map((finding, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sentences; keying by the sentence wrote it twice into the page's RSC payload
          <li key={index}>
            <strong className={finding.kind === "outside" ? "unverified" : undefined}>{LEAD[finding.kind]}:</strong> {finding.message}
          </li>
        ))}
      </ul>
      {applicability.source && <p className="muted">{`Eligibility source: ${applicability.source}.`}</p>}
    </div>
  );
}
