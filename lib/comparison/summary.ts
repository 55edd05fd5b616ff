import { formatFigure } from "@/lib/evidence/describe-study";
import type { BetweenGroup, Ci95 } from "@/lib/evidence/types";
import { getInstrument } from "@/lib/instruments";
import { formatDerived, formatPointChange, formatWeeks, inSentence, plural } from "./format";
import type { ArmComparison, CompareOutcome, ComparisonResult, ResponderAssessment } from "./types";

type Direction = "fell" | "rose" | "unchanged";

function patientDirection(result: ComparisonResult): Direction {
  const { points } = result.patient;
  return points < 0 ? "fell" : points > 0 ? "rose" : "unchanged";
}

/** "Pain NRS fell 2.5 points by week 12" / "Pain NRS rose 20% from baseline by week 8". */
function patientClause(result: ComparisonResult, subject: string, inPercent: boolean): string {
  const { baseline, latest, points, percentReduction } = result.patient;
  const by = `by week ${formatWeeks(latest.weeksSinceStart)}`;
  const direction = patientDirection(result);
  if (direction === "unchanged") return `${subject} did not change (${baseline.total} to ${latest.total}) ${by}`;
  if (inPercent && percentReduction !== null) {
    return `${subject} ${direction} ${formatDerived(Math.abs(percentReduction))}% from baseline ${by}`;
  }
  const size = formatPointChange(Math.abs(points), baseline.total, latest.total);
  return `${subject} ${direction} ${size} ${plural(size, "point", "points")} ${by}`;
}

function ciPhrase(arm: ArmComparison, percent: boolean): string {
  if (percent || !arm.ci95 || arm.mean === null) return `95% CI ${arm.ciText}`;
  const [low, high] = arm.ci95;
  // A CI wholly on the side of the mean reads as sizes of the fall/rise (-1.7 to -0.8 -> 0.8–1.7).
  if (arm.mean < 0 && high < 0) return `95% CI ${formatFigure(-high)}–${formatFigure(-low)}`;
  if (arm.mean > 0 && low > 0) return `95% CI ${formatFigure(low)}–${formatFigure(high)}`;
  return `95% CI for the change ${arm.ciText}`;
}

/** "LDN 6 mg reduced pain NRS by 1.3 points on average (95% CI 0.8–1.7) and placebo by 0.9". */
function armsClause(result: ComparisonResult, object: string): string {
  const percent = result.metric === "percent-reduction";
  const unit = percent ? "%" : " points";
  let previousVerb: string | null = null;
  const parts = result.arms.map((arm, i) => {
    if (arm.mean === null) return `${arm.label}: not reported`;
    const fell = percent ? arm.mean > 0 : arm.mean < 0;
    const verb = arm.mean === 0 ? "did not change" : fell ? "reduced" : "increased";
    const size = `${formatFigure(Math.abs(arm.mean))}${unit}`;
    const sameVerb = verb === previousVerb;
    previousVerb = verb;
    if (verb === "did not change") return `${arm.label} did not change ${object} on average`;
    if (i === 0) return `${arm.label} ${verb} ${object} by ${size} on average (${ciPhrase(arm, percent)})`;
    return sameVerb ? `${arm.label} by ${formatFigure(Math.abs(arm.mean))}${percent ? "%" : ""}` : `${arm.label} ${verb} it by ${size}`;
  });
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function armGroup(arms: ArmComparison[]): string {
  if (arms.length === 1) return `the ${arms[0].label} arm's average`;
  return arms.length === 2 ? "both arms' averages" : "all arms' averages";
}

function labels(arms: ArmComparison[]): string {
  return arms.map((a) => `${a.label}'s`).join(" and ");
}

/** Where the patient sits, in words that read as clearly for worsening as for improvement. */
function positionClause(result: ComparisonResult): string {
  const arms = result.arms.filter((a) => a.patientVsMean !== null);
  const direction = patientDirection(result);
  const change = direction === "fell" ? "fall" : "rise";
  const armsImproved = arms.every((a) => (result.metric === "percent-reduction" ? a.mean! > 0 : a.mean! < 0));
  switch (result.overallPosition) {
    case "at-an-arm-mean": {
      const at = arms.filter((a) => a.patientVsMean === "same");
      return `the patient's ${direction === "unchanged" ? "score" : change} matches ${labels(at)} average`;
    }
    case "exceeds-all-arm-means":
      return direction === "fell" ? `the patient's fall exceeds ${armGroup(arms)}` : `the patient did better than ${armGroup(arms)}`;
    case "below-all-arm-means":
      if (direction === "fell") return `the patient's fall is smaller than ${armGroup(arms)}`;
      if (armsImproved) {
        const who = arms.length === 1 ? `the ${arms[0].label} arm` : arms.length === 2 ? "both arms" : "all arms";
        return `the patient ${direction === "rose" ? "worsened" : "did not improve"}, while ${who} improved on average`;
      }
      return `the patient did worse than ${armGroup(arms)}`;
    case "between-arm-means": {
      const better = arms.filter((a) => a.patientVsMean === "more-improvement");
      const worse = arms.filter((a) => a.patientVsMean === "less-improvement");
      if (direction === "fell") return `the patient's fall is larger than ${labels(better)} average but smaller than ${labels(worse)}`;
      return `the patient did better than ${labels(better)} average but worse than ${labels(worse)}`;
    }
    default:
      return "no arm average is reported to compare with";
  }
}

function ciText(ci: Ci95 | null | undefined): string {
  return ci ? `95% CI ${formatFigure(ci[0])} to ${formatFigure(ci[1])}` : "";
}

/** The published between-group effect, as published: "Cohen's d 1.43, NNT 6.2 (95% CI 3 to 47)". */
export function describeEffect(result: ComparisonResult): string {
  const { betweenGroup, effectVsPlacebo, nnt, nntCi95 } = result.effect;
  const bg: BetweenGroup = betweenGroup ?? {};
  const parts: string[] = [];
  const withCi = (text: string, ci?: Ci95 | null) => (ci ? `${text} (${ciText(ci)})` : text);
  if (typeof bg.difference === "number") parts.push(withCi(`difference ${formatFigure(bg.difference)}`, bg.ci95));
  if (typeof bg.mean_difference === "number") parts.push(withCi(`mean difference ${formatFigure(bg.mean_difference)}`, bg.ci95));
  if (typeof bg.smd === "number") parts.push(withCi(`standardised mean difference ${formatFigure(bg.smd)}`, bg.ci95));
  if (typeof bg.median_difference === "number") {
    const iqr = typeof bg.iqr === "number" ? ` (IQR ${formatFigure(bg.iqr)})` : "";
    parts.push(`median difference ${formatFigure(bg.median_difference)}${iqr}`);
  }
  if (typeof bg.effect_size === "number") parts.push(`effect size ${formatFigure(bg.effect_size)}`);
  const d = effectVsPlacebo?.cohens_d ?? bg.cohens_d;
  if (typeof d === "number") parts.push(`Cohen's d ${formatFigure(d)}`);
  if (typeof bg.p === "number") parts.push(`p ${formatFigure(bg.p)}`);
  if (typeof nnt === "number") parts.push(withCi(`NNT ${formatFigure(nnt)}`, nntCi95));
  return parts.join(", ");
}

function trialSubject(result: ComparisonResult, fallback: string): string {
  return inSentence(getInstrument(result.outcome.instrument)?.shortName ?? fallback);
}

/** One plain-language sentence for the clinician. */
export function summarizeComparison(result: CompareOutcome, instrumentShortName: string): string {
  if (!result.comparable) return `Not compared with ${result.studyName}: ${result.reason}`;
  const name = result.study.shortName;
  const classification = inSentence(result.instrumentClassification.label);
  const effect = describeEffect(result);

  if (result.mode === "arm-benchmark") {
    const patient = patientClause(result, instrumentShortName, result.metric === "percent-reduction");
    const arms = armsClause(result, trialSubject(result, instrumentShortName));
    return `${patient}; in ${name}, ${arms} — ${positionClause(result)}.`;
  }
  if (result.mode === "threshold-only") {
    const patient = patientClause(result, instrumentShortName, true);
    const published = effect ? `the published effect vs placebo was ${effect}` : "no effect figure is published";
    return `${patient} — ${classification} (source: ${result.instrumentClassification.source}); in ${name}, ${published}, and arm averages are not reported.`;
  }
  const patient = patientClause(result, instrumentShortName, false);
  return `${patient} — ${classification}; ${name} is context only, not a benchmark for one patient${effect ? ` (pooled: ${effect})` : ""}.`;
}

/** "By the FINAL trial's definition (…), the patient is a responder; 45% on LDN 6 mg and 28% on placebo were." */
export function summarizeResponder(result: CompareOutcome): string | null {
  if (!result.comparable || !result.responder) return null;
  const r: ResponderAssessment = result.responder;
  const rates = r.rateByArm
    .map((a) => `${a.rate === null ? "not reported" : `${formatDerived(a.rate * 100)}%`} on ${a.label}`)
    .join(" and ");
  const ratesText = rates ? ` (responders in the trial: ${rates})` : "";
  if (!r.applicable) return `${r.note ?? "The trial's responder definition cannot be applied."}${ratesText}`;
  const verdict = r.isResponder ? "is a responder" : "is not a responder";
  const note = r.note ? ` ${r.note}` : "";
  return `By ${result.study.shortName}'s definition (${r.definition}), the patient ${verdict}${ratesText}.${note}`;
}
