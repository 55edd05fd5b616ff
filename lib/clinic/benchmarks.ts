// Which published trials a clinic's caseload can be set beside: a verified study of the same drug and
// condition with each arm's mean change on one instrument at one time point. Pure.
import { armLabel, isComparatorArm } from "@/lib/comparison/arms";
import { normalizeCondition, normalizeDrug, studyMatchesCourse } from "@/lib/comparison/matching";
import { type PercentReductionRule, percentReductionRule } from "@/lib/comparison/responder";
import { isVerified, studyShortName } from "@/lib/evidence";
import type { Ci95, Study } from "@/lib/evidence/types";
import { isInstrumentId } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";

export type BenchmarkArm = { arm: string; label: string; isComparator: boolean; meanChange: number; ci95: Ci95 | null };

export type Benchmark = {
  study: Study;
  /** "the FINAL trial" */
  studyName: string;
  drug: string;
  condition: string;
  instrumentId: InstrumentId;
  outcomeLabel: string;
  timepointWeeks: number;
  arms: BenchmarkArm[];
  /** The trial's own responder rule on this instrument, or null (then no responder rate is shown). */
  responderRule: PercentReductionRule | null;
  /** The team's course (drug, indication) spellings that match this study. */
  coursePairs: { drug: string; indication: string }[];
};

export type BenchmarkFilters = { drug?: string; condition?: string; study?: string };

function armsWithMeans(study: Study, outcome: NonNullable<Study["outcomes"]>[number]): BenchmarkArm[] {
  return (outcome.arm_results ?? []).flatMap((result) =>
    typeof result.mean_change === "number"
      ? [
          {
            arm: result.arm,
            label: armLabel(study, result.arm),
            isComparator: isComparatorArm(result.arm),
            meanChange: result.mean_change,
            ci95: result.ci95 ?? null,
          },
        ]
      : [],
  );
}

/**
 * One benchmark per verified study outcome with arm means at a single time point, for a (drug, condition)
 * the team treats; the first such outcome of each study (its primary). Filters compare canonical names.
 */
export function chooseBenchmarks(
  studies: readonly Study[],
  teamPairs: readonly { drug: string; indication: string }[],
  filters: BenchmarkFilters = {},
): Benchmark[] {
  const benchmarks: Benchmark[] = [];
  for (const study of studies) {
    if (!isVerified(study) || !study.condition) continue;
    if (filters.study && filters.study !== study.id) continue;
    if (filters.drug && normalizeDrug(filters.drug) !== normalizeDrug(study.drug)) continue;
    if (filters.condition && normalizeCondition(filters.condition) !== normalizeCondition(study.condition)) continue;
    const coursePairs = teamPairs.filter((pair) => {
      const match = studyMatchesCourse(study, pair);
      return match.matches && !match.contextOnly;
    });
    if (coursePairs.length === 0) continue;
    for (const outcome of study.outcomes ?? []) {
      const arms = armsWithMeans(study, outcome);
      if (arms.length === 0 || typeof outcome.timepoint_weeks !== "number" || !outcome.instrument || !isInstrumentId(outcome.instrument))
        continue;
      const rule = percentReductionRule(study.id);
      benchmarks.push({
        study,
        studyName: studyShortName(study),
        drug: study.drug,
        condition: study.condition,
        instrumentId: outcome.instrument,
        outcomeLabel: outcome.label,
        timepointWeeks: outcome.timepoint_weeks,
        arms,
        responderRule: rule?.instruments.includes(outcome.instrument) ? rule : null,
        coursePairs,
      });
      break;
    }
  }
  return benchmarks;
}
