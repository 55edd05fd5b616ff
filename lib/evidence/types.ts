// Shapes of the published evidence in db/seed/data/studies.json.
// Studies are heterogeneous: most fields are optional, and `null` always means
// "not reported / not verifiable" — show it as such, never fill it in.
// Fields not listed here are kept at run time (the parser passes them through).

/** A 95% confidence interval as published: [low, high], low <= high. */
export type Ci95 = [low: number, high: number];

/** A proportion between 0 and 1 (e.g. a responder rate, I²). */
export type Rate = number;

/** One arm's published result for an outcome. */
export type ArmResult = {
  arm: string;
  /** Mean change from baseline on the outcome's own scale (negative = fell). */
  mean_change?: number | null;
  ci95?: Ci95 | null;
  /** Mean % reduction from baseline (positive = fell). */
  mean_pct_reduction?: number | null;
};

/** Between-group (active vs comparator) effect of an outcome, as published. */
export type BetweenGroup = {
  difference?: number | null;
  mean_difference?: number | null;
  median_difference?: number | null;
  smd?: number | null;
  cohens_d?: number | null;
  effect_size?: number | null;
  iqr?: number | null;
  ci95?: Ci95 | null;
  p?: number | null;
  i2?: Rate | null;
  grade?: string | null;
};

export type EffectVsPlacebo = {
  cohens_d?: number | null;
  ci95?: Ci95 | null;
  favours?: string | null;
};

/** Time point of an outcome: one number of weeks, or one per arm (crossover designs). */
export type TimepointWeeks = number | Record<string, number>;

export type Outcome = {
  /** Instrument id (see instruments.json) or a study-specific label; null when unnamed. */
  instrument: string | null;
  label: string;
  timepoint_weeks?: TimepointWeeks | null;
  scoring?: string | null;
  arm_results?: ArmResult[] | null;
  between_group?: BetweenGroup | null;
  effect_vs_placebo?: EffectVsPlacebo | null;
  arm_means?: Record<string, number | null> | null;
  /** A result stated only in words (no figures). */
  claim?: string | null;
  note?: string | null;
  p?: number | null;
  ed50_mg?: number | null;
  ed95_mg?: number | null;
};

export type Responders = {
  definition?: string | null;
  rate_by_arm?: Record<string, Rate | null> | null;
  p?: number | null;
  absolute_risk_reduction_pct?: number | null;
  arr_ci95?: Ci95 | null;
  nnt?: number | null;
  nnt_ci95?: Ci95 | null;
};

export type AdverseEvent = {
  event: string;
  patients?: number | null;
  arm?: string | null;
  note?: string | null;
  patients_by_arm?: Record<string, string> | null;
  risk_ratio?: number | null;
  ci95?: Ci95 | null;
  i2?: Rate | null;
  grade?: string | null;
};

/**
 * Who a trial enrolled, as stated in its abstract or registry, in fields a program can check.
 * A patient outside them can still be shown beside the trial, but must be told so.
 */
export type Eligibility = {
  /** The only sex enrolled; absent when both were. */
  sex?: "female" | "male" | null;
  /** Inclusive age range in years: [min, max]. */
  age_years?: [min: number, max: number] | null;
  /** Lowest baseline score enrolled, on the trial's instrument (an instrument id from instruments.json). */
  baseline_min?: { instrument: string; value: number } | null;
  diagnosis?: string | null;
  /** Exclusions stated by the trial (e.g. "current opioid use"): asked of the clinician, never decided. */
  excludes?: string[] | null;
  /** Where the criteria were read, e.g. "abstract; registry NCT04270877". */
  source?: string | null;
};

export type Study = {
  /** Lowercase slug, unique in the file. */
  id: string;
  citation: string;
  doi?: string | null;
  pmid?: string | null;
  registry?: string | null;
  /** How far the figures were checked, e.g. "abstract" or "source-material-only". */
  verification: string;
  /** Optional: memantine-rls-claims is a set of claims, not a study with a design. */
  design?: string | null;
  condition?: string | null;
  drug: string;
  dose?: string | null;
  comparator?: string | null;
  n_total?: number | null;
  n_per_arm?: Record<string, number> | null;
  lost_to_follow_up?: number | null;
  duration_weeks?: number | null;
  assessments?: string | null;
  population?: string | null;
  eligibility?: Eligibility | null;
  outcomes?: Outcome[] | null;
  responders?: Responders | null;
  secondary?: string | null;
  adverse_events?: AdverseEvent[] | null;
  evidence_level: string;
  caveats?: string | null;
  summary?: string | null;
};

export type StudyFieldError = {
  studyId: string | null;
  /** Path inside the study, e.g. "outcomes[0].arm_results[1].ci95". */
  field: string;
  message: string;
};

export type ParseStudiesResult = { ok: true; studies: Study[] } | { ok: false; errors: StudyFieldError[] };
