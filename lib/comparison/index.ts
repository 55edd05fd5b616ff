export { armLabel, isComparatorArm } from "./arms";
export { applicabilityOf, responderWithinEligibility } from "./applicability";
export { CI_OF_MEAN_NOTE, compareWithStudy } from "./compare";
export {
  baselineMinimumText,
  checkEligibility,
  isBaselineBelowMinimum,
  possibleAgesAt,
  type EligibilityFinding,
  type EligibilityInput,
  type FindingKind,
} from "./eligibility";
export { normalizeCondition, normalizeDrug, studyMatchesCourse, type StudyMatch } from "./matching";
export { compareFigures, FIGURE_TOLERANCE } from "./position";
export { assessResponder, TRIAL_RESPONDER_RULES, type ResponderRule } from "./responder";
export { isPooledEvidence, selectOutcome, type OutcomeSelection } from "./select-outcome";
export { describeEffect, summarizeComparison, summarizeResponder } from "./summary";
export { MIN_FOLLOW_UP_FRACTION_OF_TRIAL_TIMEPOINT } from "./timing";
export type * from "./types";
