import { formatFigure, isVerified, NOT_REPORTED, studySize } from "@/lib/evidence/describe-study";
import { isIdentificationProbable, shownEvidenceLevel, studyNameInText } from "@/lib/evidence/describe-study";
import type { Outcome, Study } from "@/lib/evidence/types";
import { getInstrument } from "@/lib/instruments";
import type { TimelinePoint } from "@/lib/progress/timeline";
import { applicabilityOf, responderWithinEligibility } from "./applicability";
import { formatWeeks } from "./format";
import { armLabel, isComparatorArm } from "./arms";
import { studyMatchesCourse } from "./matching";
import { overallPosition, positionVsCi, positionVsMean } from "./position";
import { assessResponder } from "./responder";
import { claimsOf, isPooledEvidence, selectOutcome } from "./select-outcome";
import {
  activeTimepoint,
  armTimepoint,
  isTooEarly,
  MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT,
  timingAgainst,
  trialTimepoints,
} from "./timing";
import type {
  ArmComparison,
  CompareInput,
  CompareOutcome,
  ComparisonRefusal,
  PatientChange,
  PublishedEffect,
  RefusalCode,
  StudyFacts,
  TimedAssessment,
  TrialMetric,
} from "./types";

export const CI_OF_MEAN_NOTE = "A 95% CI describes the uncertainty of an arm's average, not the range of individual patients' responses.";

function refuse(study: Study, code: RefusalCode, reason: string, claims: string[] = []): ComparisonRefusal {
  return { comparable: false, studyId: study.id, studyName: studyNameInText(study), code, reason, claims };
}

function timed(point: TimelinePoint<unknown>): TimedAssessment {
  return { takenAt: point.takenOn, total: point.total, weeksSinceStart: point.weeksSinceStart };
}

function studyFacts(study: Study): StudyFacts {
  return {
    id: study.id,
    shortName: studyNameInText(study),
    citation: study.citation,
    design: study.design ?? null,
    size: isVerified(study) ? studySize(study) : null,
    evidenceLevel: shownEvidenceLevel(study),
    verification: study.verification,
    identificationProbable: isIdentificationProbable(study),
    caveats: study.caveats ?? null,
    dose: study.dose ?? null,
  };
}

function publishedEffect(study: Study, outcome: Outcome): PublishedEffect {
  const r = study.responders;
  return {
    betweenGroup: outcome.between_group ?? null,
    effectVsPlacebo: outcome.effect_vs_placebo ?? null,
    nnt: r?.nnt ?? null,
    nntCi95: r?.nnt_ci95 ?? null,
    absoluteRiskReductionPct: r?.absolute_risk_reduction_pct ?? null,
    arrCi95: r?.arr_ci95 ?? null,
  };
}

function armComparisons(study: Study, outcome: Outcome, metric: TrialMetric, patientValue: number, patientWeeks: number): ArmComparison[] {
  return (outcome.arm_results ?? []).map((result) => {
    const mean = (metric === "change-points" ? result.mean_change : result.mean_pct_reduction) ?? null;
    // studies.json pairs an arm's ci95 with mean_change; no study gives a CI for a % reduction.
    const ci95 = metric === "change-points" ? (result.ci95 ?? null) : null;
    const timepointWeeks = armTimepoint(outcome, result.arm);
    return {
      arm: result.arm,
      label: armLabel(study, result.arm),
      isComparator: isComparatorArm(result.arm),
      mean,
      ci95,
      ciText: ci95 ? `${formatFigure(ci95[0])} to ${formatFigure(ci95[1])}` : NOT_REPORTED,
      timepointWeeks,
      gapWeeks: timepointWeeks === null ? null : Math.abs(patientWeeks - timepointWeeks),
      patientVsMean: mean === null ? null : positionVsMean(patientValue, mean, metric),
      patientVsCi: mean === null ? null : positionVsCi(patientValue, ci95, metric),
    };
  });
}

/**
 * Sets one patient's change on one instrument beside one study's published results,
 * or explains why that would not be honest.
 */
export function compareWithStudy(input: CompareInput): CompareOutcome {
  const { course, instrumentId, timeline, study } = input;
  const name = studyNameInText(study);

  if (!isVerified(study)) {
    return refuse(
      study,
      "unverified-study",
      `Unverified: its claims appear only in the source material and no publication was found (verification "${study.verification}"), ` +
        "so they are shown as unverified claims and give no numeric benchmark.",
      claimsOf(study),
    );
  }

  const match = studyMatchesCourse(study, course);
  if (!match.matches) return refuse(study, match.reason, match.message);
  const pooled = isPooledEvidence(study);
  const contextOnly = match.contextOnly || pooled;

  const selection = selectOutcome(study, instrumentId, contextOnly);
  if (!selection.ok) return refuse(study, selection.code, selection.reason, selection.claims);
  const { outcome, mode, metric } = selection;

  if (!timeline.ok) return refuse(study, "invalid-assessment", timeline.problem);
  const { baseline: start, latest: last } = timeline;
  if (!start) {
    return refuse(study, "no-baseline", `No baseline: no assessment on or before the course start (${course.startDate}) and none chosen.`);
  }
  if (!last?.change) {
    return refuse(study, "no-follow-up", `No follow-up: no assessment after the course start (${course.startDate}) and the baseline.`);
  }
  const latest = timed(last);

  const patient: PatientChange = {
    instrumentId,
    baseline: timed(start),
    latest,
    points: last.change.points,
    percentReduction: last.percentReduction,
  };
  if (metric === "percent-reduction" && patient.percentReduction === null) {
    return refuse(study, "zero-baseline", `${name} reports % reduction from baseline, which cannot be calculated from a baseline of 0.`);
  }

  const reference = activeTimepoint(outcome);
  if (mode !== "context-only" && reference !== null && isTooEarly(latest.weeksSinceStart, reference)) {
    return refuse(
      study,
      "too-early",
      `The patient's latest follow-up is at week ${formatWeeks(latest.weeksSinceStart)}, less than ` +
        `${MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT * 100}% of ${name}'s time point (week ${reference}).`,
    );
  }

  const patientValue = metric === null ? null : metric === "change-points" ? patient.points : patient.percentReduction!;
  const arms = metric === null || patientValue === null ? [] : armComparisons(study, outcome, metric, patientValue, latest.weeksSinceStart);
  const instrumentClassification = last.category;
  const timing = timingAgainst(latest.weeksSinceStart, trialTimepoints(outcome));

  const patientName = getInstrument(instrumentId)?.shortName ?? instrumentId;
  const trialName = (outcome.instrument && getInstrument(outcome.instrument)?.shortName) ?? outcome.instrument ?? "the trial's measure";
  const scaleConversion = selection.crossScale
    ? `The patient is measured with ${patientName} and ${name} with ${trialName}: they are compared only as % reduction from baseline, never as raw points.`
    : null;

  const notes: string[] = [];
  if (match.matches && match.note) notes.push(match.note);
  if (pooled) notes.push(`${name} is a ${study.design}: pooled evidence, context only, not a benchmark for one patient.`);
  if (mode === "threshold-only") {
    notes.push(
      `${name} publishes no arm averages for this outcome; the patient is classified by ${instrumentClassification.source}, with the trial's effect beside it.`,
    );
  }
  if (arms.some((a) => a.ci95 !== null)) notes.push(CI_OF_MEAN_NOTE);
  if (outcome.timepoint_weeks && typeof outcome.timepoint_weeks === "object") {
    const perArm = Object.entries(outcome.timepoint_weeks).map(([arm, weeks]) => `${armLabel(study, arm)} at week ${weeks}`);
    notes.push(`${name} measured its arms at different time points: ${perArm.join(", ")}.`);
  }
  if (outcome.scoring)
    notes.push(`Trial scoring: ${outcome.scoring}. The patient's figure uses the single baseline and latest assessments.`);
  if (timing && timing.patientIs === "after" && timing.gapWeeks > 0) {
    notes.push(
      `The patient's latest assessment is ${formatWeeks(timing.gapWeeks)} weeks after ${name}'s time point (week ${timing.nearestTrialWeeks}).`,
    );
  }
  if (!timing && mode !== "context-only") notes.push(`${name} does not report the time point of this outcome.`);
  if (outcome.note) notes.push(outcome.note);

  const applicability = applicabilityOf(study, {
    studyName: name,
    patient: input.patient ?? null,
    courseStart: course.startDate,
    baseline: { instrumentId, total: start.total },
  });
  const responder = mode === "context-only" ? null : assessResponder(study, instrumentId, patient, instrumentClassification);

  return {
    comparable: true,
    mode,
    studyId: study.id,
    study: studyFacts(study),
    outcome: {
      index: selection.index,
      instrument: outcome.instrument ?? "",
      label: outcome.label,
      scoring: outcome.scoring ?? null,
      note: outcome.note ?? null,
    },
    metric,
    patient,
    patientValue,
    scaleConversion,
    timing,
    arms,
    overallPosition: overallPosition(arms),
    responder: responderWithinEligibility(responder, applicability, name, instrumentClassification),
    instrumentClassification,
    effect: publishedEffect(study, outcome),
    notes,
    applicability,
  };
}
