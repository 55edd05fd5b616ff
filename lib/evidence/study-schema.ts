import { z } from "zod";
import type { AdverseEvent, ArmResult, BetweenGroup, Ci95, Eligibility, EffectVsPlacebo, Outcome, Responders, Study } from "./types";

// Loose objects: unknown extra fields are kept, because the database stores the whole study JSON.

export const STUDY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A published figure: a finite number, or null for "not reported". z.number() rejects NaN and ±Infinity. */
const figure = z.number().nullable().optional();
const count = z.number().int().nonnegative().nullable().optional();
const rate = z.number().min(0, { error: "rate must be between 0 and 1" }).max(1, { error: "rate must be between 0 and 1" });
const probability = z.number().min(0, { error: "p must be between 0 and 1" }).max(1, { error: "p must be between 0 and 1" });
const text = z.string().nullable().optional();
const nonEmpty = (name: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${name} must be a non-empty string` });

const ci95Schema: z.ZodType<Ci95> = z
  .tuple([z.number(), z.number()])
  .refine(([low, high]) => low <= high, { error: "ci95 must be [low, high] with low <= high" });
const ci95 = ci95Schema.nullable().optional();

const armResultSchema: z.ZodType<ArmResult> = z.looseObject({
  arm: nonEmpty("arm"),
  mean_change: figure,
  ci95,
  mean_pct_reduction: figure,
});

const betweenGroupSchema: z.ZodType<BetweenGroup> = z.looseObject({
  difference: figure,
  mean_difference: figure,
  median_difference: figure,
  smd: figure,
  cohens_d: figure,
  effect_size: figure,
  iqr: figure,
  ci95,
  p: probability.nullable().optional(),
  i2: rate.nullable().optional(),
  grade: text,
});

const effectVsPlaceboSchema: z.ZodType<EffectVsPlacebo> = z.looseObject({
  cohens_d: figure,
  ci95,
  favours: text,
});

const timepointWeeks = z
  .union([z.number().nonnegative(), z.record(z.string(), z.number().nonnegative())])
  .nullable()
  .optional();

const outcomeSchema: z.ZodType<Outcome> = z.looseObject({
  instrument: z.string().nullable(),
  label: nonEmpty("label"),
  timepoint_weeks: timepointWeeks,
  scoring: text,
  arm_results: z.array(armResultSchema).nullable().optional(),
  between_group: betweenGroupSchema.nullable().optional(),
  effect_vs_placebo: effectVsPlaceboSchema.nullable().optional(),
  arm_means: z.record(z.string(), z.number().nullable()).nullable().optional(),
  claim: text,
  note: text,
  p: probability.nullable().optional(),
  ed50_mg: figure,
  ed95_mg: figure,
});

const respondersSchema: z.ZodType<Responders> = z.looseObject({
  definition: text,
  rate_by_arm: z.record(z.string(), rate.nullable()).nullable().optional(),
  p: probability.nullable().optional(),
  absolute_risk_reduction_pct: figure,
  arr_ci95: ci95,
  nnt: figure,
  nnt_ci95: ci95,
});

const adverseEventSchema: z.ZodType<AdverseEvent> = z.looseObject({
  event: nonEmpty("event"),
  patients: count,
  arm: text,
  note: text,
  patients_by_arm: z.record(z.string(), z.string()).nullable().optional(),
  risk_ratio: figure,
  ci95,
  i2: rate.nullable().optional(),
  grade: text,
});

const eligibilitySchema: z.ZodType<Eligibility> = z.looseObject({
  sex: z.enum(["female", "male"], { error: 'sex must be "female" or "male" (leave it out when both were enrolled)' }).nullable().optional(),
  age_years: z
    .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
    .refine(([min, max]) => min <= max, { error: "age_years must be [min, max] with min <= max" })
    .nullable()
    .optional(),
  baseline_min: z
    .looseObject({ instrument: nonEmpty("baseline_min.instrument"), value: z.number() })
    .nullable()
    .optional(),
  diagnosis: text,
  excludes: z.array(nonEmpty("excludes[]")).nullable().optional(),
  source: text,
});

export const studySchema: z.ZodType<Study> = z.looseObject({
  id: z.string().regex(STUDY_ID_PATTERN, { error: "id must be a lowercase slug (a-z, 0-9, single hyphens)" }),
  citation: nonEmpty("citation"),
  doi: text,
  pmid: text,
  registry: text,
  verification: nonEmpty("verification"),
  design: nonEmpty("design").nullable().optional(),
  condition: text,
  drug: nonEmpty("drug"),
  dose: text,
  comparator: text,
  n_total: count,
  n_per_arm: z.record(z.string(), z.number().int().nonnegative()).nullable().optional(),
  lost_to_follow_up: count,
  duration_weeks: z.number().nonnegative().nullable().optional(),
  assessments: text,
  population: text,
  eligibility: eligibilitySchema.nullable().optional(),
  outcomes: z.array(outcomeSchema).nullable().optional(),
  responders: respondersSchema.nullable().optional(),
  secondary: text,
  adverse_events: z.array(adverseEventSchema).nullable().optional(),
  evidence_level: nonEmpty("evidence_level"),
  caveats: text,
  summary: text,
});
