import type { Outcome, Study } from "@/lib/evidence/types";
import { getInstrument } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";
import type { ComparisonMode, RefusalCode, TrialMetric } from "./types";

// instruments.json (pain_vas_0_100.conversion): NRS and VAS trials are compared only as percent
// change from baseline, never as raw points.
const PERCENT_CONVERTIBLE: readonly string[] = ["pain_nrs_0_10", "pain_vas_0_100"];

// Pooled pain outcomes of meta-analyses (kurian-2019 "pain_0_10", vatvani-2024 / ologunowa-2025 "pain"):
// shown beside a patient's pain score as context, never as a benchmark.
const POOLED_PAIN = ["pain", "pain_0_10"];

const POOLED_DESIGN = /meta-analysis|systematic review|narrative review/i;

/** Meta-analyses and reviews give context, not a benchmark for one patient. */
export function isPooledEvidence(study: Pick<Study, "design">): boolean {
  return POOLED_DESIGN.test(study.design ?? "");
}

type Relation = "same" | "percent-only" | "context";

function relationTo(patient: InstrumentId, trial: string | null, contextOnly: boolean): Relation | null {
  if (trial === null) return null;
  if (trial === patient) return "same";
  if (PERCENT_CONVERTIBLE.includes(patient) && PERCENT_CONVERTIBLE.includes(trial)) return "percent-only";
  if (contextOnly && PERCENT_CONVERTIBLE.includes(patient) && POOLED_PAIN.includes(trial)) return "context";
  return null;
}

const isNumber = (x: unknown): x is number => typeof x === "number";

function armFigures(outcome: Outcome): { points: boolean; percent: boolean } {
  const arms = outcome.arm_results ?? [];
  return { points: arms.some((a) => isNumber(a.mean_change)), percent: arms.some((a) => isNumber(a.mean_pct_reduction)) };
}

function hasEffectFigures(outcome: Outcome): boolean {
  const bg = outcome.between_group;
  const effects = [bg?.difference, bg?.mean_difference, bg?.median_difference, bg?.smd, bg?.cohens_d, bg?.effect_size];
  return effects.some(isNumber) || isNumber(outcome.effect_vs_placebo?.cohens_d);
}

function hasFigures(outcome: Outcome): boolean {
  const arms = armFigures(outcome);
  return arms.points || arms.percent || hasEffectFigures(outcome) || isNumber(outcome.ed50_mg) || isNumber(outcome.ed95_mg);
}

export function claimsOf(study: Pick<Study, "outcomes">): string[] {
  return (study.outcomes ?? []).filter((o) => o.claim).map((o) => `${o.label}: ${o.claim}`);
}

function instrumentName(id: string | null): string {
  if (id === null) return "an unnamed measure";
  const known = getInstrument(id);
  return known ? `${known.shortName} (${id})` : id;
}

type OutcomeSelection =
  | { ok: true; index: number; outcome: Outcome; mode: ComparisonMode; metric: TrialMetric | null; crossScale: boolean }
  | { ok: false; code: RefusalCode; reason: string; claims: string[] };

/** Picks the study outcome to set beside a patient's instrument, and how it can be used. */
export function selectOutcome(study: Study, patientInstrument: InstrumentId, contextOnly: boolean): OutcomeSelection {
  const outcomes = study.outcomes ?? [];
  const claims = claimsOf(study);
  const patientName = instrumentName(patientInstrument);

  if (!outcomes.some(hasFigures)) {
    const summary = study.summary ? ` Summary: ${study.summary}` : "";
    return {
      ok: false,
      code: "no-numeric-outcome",
      reason: `${study.id} publishes no outcome figures (${study.evidence_level}); its results are stated only in words.${summary}`,
      claims,
    };
  }

  const candidates = outcomes
    .map((outcome, index) => ({ outcome, index, relation: relationTo(patientInstrument, outcome.instrument, contextOnly) }))
    .filter((c): c is { outcome: Outcome; index: number; relation: Relation } => c.relation !== null)
    .sort((a, b) => Number(a.relation !== "same") - Number(b.relation !== "same"));

  if (candidates.length === 0) {
    const measured = outcomes.map((o) => instrumentName(o.instrument)).join(", ");
    return {
      ok: false,
      code: "different-instrument",
      reason: `The patient is measured with ${patientName}; ${study.id} reports ${measured}, not the patient's instrument.`,
      claims,
    };
  }

  let refusal: OutcomeSelection | null = null;
  for (const { outcome, index, relation } of candidates) {
    const crossScale = relation !== "same";
    const arms = armFigures(outcome);
    if (contextOnly) {
      if (arms.points || arms.percent || hasEffectFigures(outcome)) {
        return { ok: true, index, outcome, mode: "context-only", metric: null, crossScale };
      }
    } else if (arms.points && !crossScale) {
      return { ok: true, index, outcome, mode: "arm-benchmark", metric: "change-points", crossScale };
    } else if (arms.percent) {
      return { ok: true, index, outcome, mode: "arm-benchmark", metric: "percent-reduction", crossScale };
    } else if (arms.points) {
      refusal ??= {
        ok: false,
        code: "cross-scale-points",
        reason:
          `${study.id} reports "${outcome.label}" only as raw change on ${instrumentName(outcome.instrument)}, and the patient is measured with ${patientName}. ` +
          "Different scales are compared only as percent change from baseline, and the trial publishes no percent figure.",
        claims,
      };
      continue;
    } else if (hasEffectFigures(outcome)) {
      return { ok: true, index, outcome, mode: "threshold-only", metric: null, crossScale };
    }
    refusal ??= {
      ok: false,
      code: "no-numeric-outcome",
      reason: `${study.id} reports "${outcome.label}" without figures${outcome.claim ? ` (claim: ${outcome.claim})` : ""}.`,
      claims,
    };
  }
  return refusal!;
}
