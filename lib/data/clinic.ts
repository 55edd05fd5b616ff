import "server-only";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients, studies, treatmentCourses } from "@/db/schema";
import { type Benchmark, type BenchmarkFilters, chooseBenchmarks } from "@/lib/clinic/benchmarks";
import { FIGURE_TOLERANCE } from "@/lib/comparison/position";
import type { CourseStatus } from "@/lib/domain/courses";
import { studySchema } from "@/lib/evidence";
import type { Study } from "@/lib/evidence/types";
import type { InstrumentId } from "@/lib/instruments/types";
import { type Interval, meanInterval, wilsonInterval } from "@/lib/stats";
import { coursePointsSql, selectRows } from "./clinic-sql";
import { assertCan, type SessionUser } from "./session-user";

export type CaseloadFilters = BenchmarkFilters & { status?: CourseStatus };

export type CoursePoints = {
  courseId: string;
  baseline: { id: string; takenOn: string; total: number } | null;
  followUp: { id: string; takenOn: string; total: number } | null;
};

export type CaseloadPatient = {
  code: string;
  baselineTotal: number;
  followUpTotal: number;
  followUpWeeks: number;
  changePoints: number;
  /** (baseline − follow-up) / baseline × 100, positive = fell; null when the baseline is 0. */
  percentReduction: number | null;
  /** By the trial's own rule; null when the trial has none on this instrument or the baseline is 0. */
  responder: boolean | null;
  /** Why the trial would not have enrolled this patient, or empty. */
  outsideEnrolment: ("baseline" | "sex" | "age")[];
};

export type CaseloadPanel = {
  benchmark: Omit<Benchmark, "coursePairs">;
  /** One course per patient: the latest-starting matching course. */
  treated: number;
  withBaseline: number;
  withFollowUp: number;
  /** Of those with a follow-up: outside the trial's enrolment criteria, left out of the figures below and flagged in the table. */
  outsideEnrolment: number;
  responders: { count: number; of: number; rate: number | null; interval: Interval | null } | null;
  meanChange: { n: number; mean: number | null; sd: number | null; interval: Interval | null };
  patients: CaseloadPatient[];
  adverseEvents: { event: string; patients: number; share: number }[];
  anyAdverseEvent: { patients: number; share: number | null };
};

type PointsRow = {
  course_id: string;
  baseline_id: string | null;
  baseline_on: string | null;
  baseline_total: number | null;
  follow_up_id: string | null;
  follow_up_on: string | null;
  follow_up_total: number | null;
};

/**
 * Every course of the active team with its baseline and first follow-up at or after `weeks` on one
 * instrument, by the SQL rule the caseload uses (read by the agreement test with lib/progress/timeline.ts).
 */
export async function courseFollowUpPoints(user: SessionUser, instrumentId: InstrumentId, weeks: number): Promise<CoursePoints[]> {
  assertCan(user, "patient:read");
  const db = await getDb();
  const rows = await selectRows<PointsRow>(db, sql`${coursePointsSql(user.team.id, instrumentId, weeks)} order by c.id`);
  return rows.map((r) => ({
    courseId: r.course_id,
    baseline: r.baseline_id ? { id: r.baseline_id, takenOn: r.baseline_on!, total: Number(r.baseline_total) } : null,
    followUp: r.follow_up_id ? { id: r.follow_up_id, takenOn: r.follow_up_on!, total: Number(r.follow_up_total) } : null,
  }));
}

function eligibilitySql(benchmark: Benchmark): { baseline: SQL; sex: SQL; age: SQL } {
  const eligibility = benchmark.study.eligibility;
  const minimum = eligibility?.baseline_min;
  const sex = eligibility?.sex;
  const ages = eligibility?.age_years;
  const older = sql`(extract(year from start_date::date)::int - birth_year)`;
  const outOfRange = (age: SQL) => (ages ? sql`(${age} < ${ages[0]}::int or ${age} > ${ages[1]}::int)` : sql`false`);
  return {
    baseline:
      minimum && minimum.instrument === benchmark.instrumentId
        ? sql`coalesce(baseline_total < ${minimum.value}::float8, false)`
        : sql`false`,
    sex: sex ? sql`(sex in ('female', 'male') and sex <> ${sex})` : sql`false`,
    // Only the birth year is recorded: outside only when both possible ages are (lib/comparison/eligibility.ts).
    age: sql`(${outOfRange(older)} and ${outOfRange(sql`(${older} - 1)`)})`,
  };
}

/** The matched courses, one per patient, each with its change, % reduction, responder verdict and enrolment flags. */
function scoredCohortSql(teamId: string, benchmark: Benchmark, status: CourseStatus | undefined): SQL {
  const pairs = sql.join(
    benchmark.coursePairs.map((pair) => sql`(c.drug = ${pair.drug} and c.indication = ${pair.indication})`),
    sql` or `,
  );
  const where = sql`p.archived_at is null and (${pairs})${status ? sql` and c.status = ${status}` : sql``}`;
  const rule = benchmark.responderRule;
  const pct = sql`case when baseline_total = 0 then null else ((baseline_total - follow_up_total) * 100) / baseline_total end`;
  // "More than" the threshold, with the tolerance lib/comparison/position.ts compares figures with.
  const responder = rule
    ? sql`case when pct is null then null else pct - ${rule.thresholdPct}::float8 > ${FIGURE_TOLERANCE}::float8 * greatest(1, abs(pct), ${Math.abs(rule.thresholdPct)}::float8) end`
    : sql`null::boolean`;
  const outside = eligibilitySql(benchmark);
  return sql`
    with points as (${coursePointsSql(teamId, benchmark.instrumentId, benchmark.timepointWeeks, where)}),
    cohort as (select distinct on (patient_id) * from points order by patient_id, start_date desc, course_id desc),
    changed as (
      select cohort.*, follow_up_total - baseline_total as change, ${pct} as pct,
             ${outside.baseline} as below_baseline, ${outside.sex} as outside_sex, ${outside.age} as outside_age
      from cohort
    ),
    scored as (
      select changed.*, ${responder} as responder, (below_baseline or outside_sex or outside_age) as outside
      from changed
    )`;
}

type SummaryRow = {
  treated: number;
  with_baseline: number;
  with_follow_up: number;
  outside: number;
  compared: number;
  responders: number;
  responder_of: number;
  mean_change: number | null;
  sd_change: number | null;
  any_ae: number;
};

type PatientRow = {
  code: string;
  baseline_total: number;
  follow_up_total: number;
  follow_up_days: number;
  change: number;
  pct: number | null;
  responder: boolean | null;
  below_baseline: boolean;
  outside_sex: boolean;
  outside_age: boolean;
};

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

async function panelFor(teamId: string, benchmark: Benchmark, status: CourseStatus | undefined): Promise<CaseloadPanel> {
  const db = await getDb();
  const cohort = scoredCohortSql(teamId, benchmark, status);
  const included = sql`follow_up_id is not null and not outside`;
  const [[summary], patientRows, eventRows] = await Promise.all([
    selectRows<SummaryRow>(
      db,
      sql`${cohort}
      select count(*)::int as treated,
             count(baseline_id)::int as with_baseline,
             count(follow_up_id)::int as with_follow_up,
             (count(*) filter (where follow_up_id is not null and outside))::int as outside,
             (count(*) filter (where ${included}))::int as compared,
             (count(*) filter (where ${included} and responder))::int as responders,
             (count(*) filter (where ${included} and responder is not null))::int as responder_of,
             avg(change) filter (where ${included}) as mean_change,
             stddev_samp(change) filter (where ${included}) as sd_change,
             (select count(distinct s.patient_id)::int from scored s join adverse_events ae on ae.course_id = s.course_id) as any_ae
      from scored`,
    ),
    selectRows<PatientRow>(
      db,
      sql`${cohort}
      select code, baseline_total, follow_up_total, follow_up_days, change, pct, responder, below_baseline, outside_sex, outside_age
      from scored where follow_up_id is not null
      order by pct desc nulls last, code`,
    ),
    selectRows<{ event: string; patients: number }>(
      db,
      sql`${cohort}
      select lower(trim(ae.event)) as event, count(distinct s.patient_id)::int as patients
      from scored s join adverse_events ae on ae.course_id = s.course_id
      group by lower(trim(ae.event))
      order by patients desc, event`,
    ),
  ]);
  const treated = Number(summary.treated);
  const share = (count: number) => (treated === 0 ? 0 : count / treated);
  const responderOf = Number(summary.responder_of);
  const meanChange = { n: Number(summary.compared), mean: num(summary.mean_change), sd: num(summary.sd_change) };
  const { coursePairs: _pairs, ...shown } = benchmark;
  return {
    benchmark: shown,
    treated,
    withBaseline: Number(summary.with_baseline),
    withFollowUp: Number(summary.with_follow_up),
    outsideEnrolment: Number(summary.outside),
    responders: benchmark.responderRule
      ? {
          count: Number(summary.responders),
          of: responderOf,
          rate: responderOf === 0 ? null : Number(summary.responders) / responderOf,
          interval: wilsonInterval(Number(summary.responders), responderOf),
        }
      : null,
    meanChange: { ...meanChange, interval: meanInterval(meanChange) },
    patients: patientRows.map((r) => ({
      code: r.code,
      baselineTotal: Number(r.baseline_total),
      followUpTotal: Number(r.follow_up_total),
      followUpWeeks: Number(r.follow_up_days) / 7,
      changePoints: Number(r.change),
      percentReduction: num(r.pct),
      responder: r.responder,
      outsideEnrolment: [
        ...(r.below_baseline ? (["baseline"] as const) : []),
        ...(r.outside_sex ? (["sex"] as const) : []),
        ...(r.outside_age ? (["age"] as const) : []),
      ],
    })),
    adverseEvents: eventRows.map((r) => ({ event: r.event, patients: Number(r.patients), share: share(Number(r.patients)) })),
    anyAdverseEvent: { patients: Number(summary.any_ae), share: treated === 0 ? null : share(Number(summary.any_ae)) },
  };
}

async function loadStudies(): Promise<Study[]> {
  const db = await getDb();
  const rows = await db.select({ data: studies.data }).from(studies).orderBy(asc(studies.drug), asc(studies.id));
  return rows.flatMap((row) => {
    const parsed = studySchema.safeParse(row.data);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The active team's caseload beside each matching trial: one panel per (drug, condition) with a verified benchmark. */
export async function clinicCaseload(user: SessionUser, filters: CaseloadFilters = {}): Promise<CaseloadPanel[]> {
  const benchmarks = await teamBenchmarks(user, filters);
  return Promise.all(benchmarks.map((benchmark) => panelFor(user.team.id, benchmark, filters.status)));
}

/** What the filters offer: every verified benchmark for the team's (drug, condition) pairs, unfiltered. */
export async function clinicFilterOptions(
  user: SessionUser,
): Promise<{ drugs: string[]; conditions: string[]; studies: { id: string; name: string }[] }> {
  const benchmarks = await teamBenchmarks(user, {});
  return {
    drugs: [...new Set(benchmarks.map((b) => b.drug))],
    conditions: [...new Set(benchmarks.map((b) => b.condition))],
    studies: benchmarks.map((b) => ({ id: b.study.id, name: b.studyName })),
  };
}

async function teamBenchmarks(user: SessionUser, filters: BenchmarkFilters): Promise<Benchmark[]> {
  assertCan(user, "patient:read");
  const db = await getDb();
  const teamPairs = await db
    .selectDistinct({ drug: treatmentCourses.drug, indication: treatmentCourses.indication })
    .from(treatmentCourses)
    .innerJoin(patients, eq(patients.id, treatmentCourses.patientId))
    .where(eq(patients.teamId, user.team.id));
  return chooseBenchmarks(await loadStudies(), teamPairs, filters);
}
