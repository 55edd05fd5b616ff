import type { Study } from "@/lib/evidence/types";
import type { ResponseCategory } from "@/lib/instruments/response";
import type { InstrumentId } from "@/lib/instruments/types";
import { armLabel } from "./arms";
import { formatWeeks } from "./format";
import { compareFigures } from "./position";
import type { PatientChange, ResponderAssessment } from "./types";

export type PercentReductionRule = {
  kind: "percent-reduction-above";
  instruments: readonly InstrumentId[];
  /** Strictly more than this % reduction from baseline. */
  thresholdPct: number;
  timepointWeeks: number;
};

type ResponderRule =
  | {
      kind: "percent-reduction-above";
      instruments: readonly InstrumentId[];
      /** Strictly more than this % reduction from baseline. */
      thresholdPct: number;
      timepointWeeks: number;
    }
  | { kind: "not-applicable"; reason: string };

/** Trials' own responder definitions, translated only where one instrument is enough. Keyed by study id. */
const TRIAL_RESPONDER_RULES: Readonly<Record<string, ResponderRule>> = {
  // bruun-2024-final: "more than 30% decrease in pain (NRS) from baseline at week 12" — exactly 30% is not a response.
  "bruun-2024-final": { kind: "percent-reduction-above", instruments: ["pain_nrs_0_10"], thresholdPct: 30, timepointWeeks: 12 },
  // younger-2013: "significant reduction in pain plus a significant reduction in either fatigue or sleep problems".
  "younger-2013": {
    kind: "not-applicable",
    reason:
      "Younger 2013's responder definition is composite: a significant reduction in pain plus one in fatigue or sleep problems. " +
      "One pain score cannot meet it, so the instrument's own threshold is used instead.",
  },
};

/** The trial's responder rule when it is a % reduction on one instrument (FINAL's); null when there is none or it cannot be applied to one score. */
export function percentReductionRule(studyId: string): PercentReductionRule | null {
  const rule = Object.hasOwn(TRIAL_RESPONDER_RULES, studyId) ? TRIAL_RESPONDER_RULES[studyId] : undefined;
  return rule?.kind === "percent-reduction-above" ? rule : null;
}

/** The trial's responder definition applied to one patient where possible; null when the study reports no responders. */
export function assessResponder(
  study: Study,
  instrumentId: InstrumentId,
  patient: PatientChange,
  classification: ResponseCategory,
): ResponderAssessment | null {
  const responders = study.responders;
  if (!responders) return null;
  const rateByArm = Object.entries(responders.rate_by_arm ?? {}).map(([arm, rate]) => ({ arm, label: armLabel(study, arm), rate }));
  const base = { definition: responders.definition ?? null, rateByArm, p: responders.p ?? null };
  const notApplicable = (note: string): ResponderAssessment => ({
    ...base,
    applicable: false,
    isResponder: null,
    note,
    fallback: classification,
  });

  const rule = TRIAL_RESPONDER_RULES[study.id];
  if (!rule) {
    return notApplicable(
      base.definition
        ? `The trial's responder definition ("${base.definition}") has not been translated into a rule for one instrument; the instrument's own threshold is used instead.`
        : "The trial does not report its responder definition; the instrument's own threshold is used instead.",
    );
  }
  if (rule.kind === "not-applicable") return notApplicable(rule.reason);
  if (!rule.instruments.includes(instrumentId)) {
    return notApplicable(`The trial's responder definition is set on ${rule.instruments.join(" / ")}, not on ${instrumentId}.`);
  }
  if (patient.percentReduction === null) {
    return notApplicable("Baseline is 0, so a percentage reduction from baseline cannot be calculated.");
  }
  const weeks = patient.latest.weeksSinceStart;
  const timingNote =
    compareFigures(weeks, rule.timepointWeeks) === 0
      ? null
      : `The trial counted responders at week ${rule.timepointWeeks}; the patient's latest assessment is at week ${formatWeeks(weeks)}.`;
  return {
    ...base,
    applicable: true,
    isResponder: compareFigures(patient.percentReduction, rule.thresholdPct) > 0,
    note: timingNote,
    fallback: null,
  };
}
