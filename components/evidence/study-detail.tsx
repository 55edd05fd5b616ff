import Link from "next/link";
import type { StudyRecord } from "@/lib/data/studies";
import { AdverseEventList } from "./adverse-event-list";
import { Citation } from "./citation";
import { OutcomeTable } from "./outcome-table";
import { ResponderTable } from "./responder-table";
import { EligibilityFacts } from "./eligibility-facts";
import { StudyFacts } from "./study-facts";
import { ProbableIdentificationLabel, StudyName } from "./study-name";
import { UnverifiedClaims } from "./unverified-claims";
import { VerificationStatus } from "./verification-status";

function TextSection({ title, text }: { title: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <>
      <h2>{title}</h2>
      <p>{text}</p>
    </>
  );
}

/** Everything the evidence file says about one study. */
export function StudyDetail({ record }: { record: StudyRecord }) {
  const { study, verified } = record;
  const outcomes = study.outcomes ?? [];
  const extra = study as { predictor?: string | null; seed_discrepancy?: string | null };
  return (
    <>
      <p>
        <Link href="/evidence">← Evidence library</Link>
      </p>
      <h1>
        <StudyName study={record} />
      </h1>
      <p>
        Verification: <VerificationStatus study={study} />
      </p>
      {!verified && (
        <p className="notice">
          <span className="unverified">Unverified.</span> These claims appear only in the source material and no publication was found. They
          are shown as unverified claims, with no figures, and are never used as a benchmark.
        </p>
      )}
      {record.identificationProbable && (
        <p className="notice">
          <ProbableIdentificationLabel /> The evidence file is not certain that this is the publication the source material meant; read its
          figures with that in mind.
        </p>
      )}
      <StudyFacts study={study} />
      <EligibilityFacts study={study} />

      <h2>Outcomes</h2>
      {!verified ? (
        <UnverifiedClaims study={study} />
      ) : outcomes.length > 0 ? (
        outcomes.map((outcome, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a study's outcomes come from the evidence file in a fixed order and have no id
          <OutcomeTable key={index} study={study} outcome={outcome} index={index} />
        ))
      ) : (
        <p className="muted">No outcome figures are reported.</p>
      )}
      <TextSection title="Summary" text={study.summary} />
      <TextSection title="Secondary outcomes" text={study.secondary} />
      <TextSection title="Predictor of response" text={extra.predictor} />

      <h2>Responders</h2>
      {verified ? <ResponderTable study={study} /> : <p className="muted">No responder figures are shown for unverified claims.</p>}
      <h2>Adverse events</h2>
      {verified ? <AdverseEventList study={study} /> : <p className="muted">No adverse-event figures are shown for unverified claims.</p>}

      <TextSection title="Caveats" text={study.caveats} />
      <TextSection title="Where the source material is wrong" text={extra.seed_discrepancy} />
      <h2>Citation</h2>
      <Citation study={study} />
    </>
  );
}
