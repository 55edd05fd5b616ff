import type { Ci95, EffectVsPlacebo, BetweenGroup, Study } from "@/lib/evidence/types";
import type { InstrumentId } from "@/lib/instruments/types";
import type { ResponseCategory } from "@/lib/instruments/response";
import type { CourseTimeline } from "@/lib/progress/timeline";
import type { EligibilityFinding } from "./eligibility";

export type Course = {
  drug: string;
  indication: string;
  /** YYYY-MM-DD */
  startDate: string;
};

/** One scored assessment of a single instrument. takenAt: YYYY-MM-DD or an ISO date-time. */
export type Assessment = { takenAt: string; total: number };

export type TimedAssessment = Assessment & {
  /** Calendar days since the course start date divided by 7, not rounded. */
  weeksSinceStart: number;
};

export type CompareInput = {
  course: Course;
  instrumentId: InstrumentId;
  /** The course's timeline on `instrumentId` (lib/progress/timeline.ts): its baseline and follow-ups. */
  timeline: CourseTimeline<unknown>;
  study: Study;
  /** Checked against the study's eligibility; without it, sex and age are reported as not checked. */
  patient?: { sex: string; birthYear: number } | null;
};

export type RefusalCode =
  | "unverified-study"
  | "different-drug"
  | "different-condition"
  | "no-numeric-outcome"
  | "different-instrument"
  | "cross-scale-points"
  | "invalid-assessment"
  | "no-baseline"
  | "no-follow-up"
  | "zero-baseline"
  | "too-early";

export type ComparisonRefusal = {
  comparable: false;
  studyId: string;
  /** "the FINAL trial", "Younger 2013" */
  studyName: string;
  code: RefusalCode;
  reason: string;
  /** Claims stated in words only (e.g. an unverified study's), shown as such, never as a benchmark. */
  claims: string[];
};

/**
 * arm-benchmark: the patient against each arm's published mean.
 * threshold-only: no arm means published; the patient against the instrument's threshold, the trial's effect beside it.
 * context-only: pooled or condition-unspecific evidence; shown beside the patient, not as a benchmark.
 */
export type ComparisonMode = "arm-benchmark" | "threshold-only" | "context-only";

/** The trial's own metric: raw change on the trial's scale, or % reduction from baseline. */
export type TrialMetric = "change-points" | "percent-reduction";

export type PatientChange = {
  instrumentId: InstrumentId;
  baseline: TimedAssessment;
  latest: TimedAssessment;
  /** current - baseline, on the patient's scale (negative = fell). */
  points: number;
  /** (baseline - current) / baseline x 100 (positive = fell); null when baseline is 0. */
  percentReduction: number | null;
};

export type Timing = {
  patientWeeks: number;
  /** Trial time point nearest to the patient's latest assessment. */
  nearestTrialWeeks: number;
  /** |patientWeeks - nearestTrialWeeks| */
  gapWeeks: number;
  patientIs: "before" | "at" | "after";
};

export type MeanPosition = "more-improvement" | "same" | "less-improvement";
export type CiPosition = "more-improvement-than-ci" | "within-ci" | "less-improvement-than-ci" | "ci-not-reported";

export type ArmComparison = {
  arm: string;
  /** Display name, e.g. "LDN 6 mg" or "placebo". */
  label: string;
  isComparator: boolean;
  /** Published mean in the trial metric; null = not reported. */
  mean: number | null;
  ci95: Ci95 | null;
  /** "not reported" or the interval as published, e.g. "-1.7 to -0.8". */
  ciText: string;
  timepointWeeks: number | null;
  gapWeeks: number | null;
  patientVsMean: MeanPosition | null;
  patientVsCi: CiPosition | null;
};

export type OverallPosition = "exceeds-all-arm-means" | "below-all-arm-means" | "between-arm-means" | "at-an-arm-mean";

export type ResponderAssessment = {
  definition: string | null;
  rateByArm: { arm: string; label: string; rate: number | null }[];
  p: number | null;
  applicable: boolean;
  /** Set only when the trial's definition could be applied to this one instrument. */
  isResponder: boolean | null;
  /** Why it could not be applied, or a caveat on how it was. */
  note: string | null;
  /** The instrument's own classification, used when the trial's definition cannot be applied. */
  fallback: ResponseCategory | null;
};

export type PublishedEffect = {
  betweenGroup: BetweenGroup | null;
  effectVsPlacebo: EffectVsPlacebo | null;
  nnt: number | null;
  nntCi95: Ci95 | null;
  absoluteRiskReductionPct: number | null;
  arrCi95: Ci95 | null;
};

/** The patient against who the trial enrolled (studies.json `eligibility`). */
export type Applicability = {
  /** False when the evidence file states no eligibility for the study: nothing could be checked. */
  stated: boolean;
  /** Where the criteria were read, e.g. "abstract; registry NCT04270877". */
  source: string | null;
  findings: EligibilityFinding[];
  /** When true, the trial's responder definition is not applied. */
  baselineBelowMinimum: boolean;
};

export type StudyFacts = {
  id: string;
  shortName: string;
  citation: string;
  design: string | null;
  size: number | null;
  evidenceLevel: string;
  verification: string;
  identificationProbable: boolean;
  caveats: string | null;
  dose: string | null;
};

export type ComparisonResult = {
  comparable: true;
  mode: ComparisonMode;
  studyId: string;
  study: StudyFacts;
  outcome: { index: number; instrument: string; label: string; scoring: string | null; note: string | null };
  /** The arms' published metric; null when no arm means are used (threshold-only, context-only). */
  metric: TrialMetric | null;
  patient: PatientChange;
  /** The patient's change in the trial's metric (points or % reduction); null when metric is null. */
  patientValue: number | null;
  /** Set when the patient's instrument differs from the trial's and only % from baseline is compared. */
  scaleConversion: string | null;
  timing: Timing | null;
  arms: ArmComparison[];
  overallPosition: OverallPosition | null;
  responder: ResponderAssessment | null;
  instrumentClassification: ResponseCategory;
  effect: PublishedEffect;
  notes: string[];
  applicability: Applicability;
};

export type CompareOutcome = ComparisonResult | ComparisonRefusal;
