// The benchmark's synthetic clinic network, written with set-based SQL (generate_series, INSERT … SELECT)
// so a million assessments take seconds, not the hours a row-by-row loop would. Works on PostgreSQL and
// PGlite. Synthetic patients only: trajectories are invented and never compared as evidence.
//
//   npx tsx scripts/bench/dataset.ts --patients 20000 --assessments 1000000 --teams 20   (DATABASE_URL)
//   npx tsx scripts/bench/dataset.ts --pglite .data/bench --patients 2000 --assessments 100000
//
// The database must be migrated and hold no benchmark teams yet (a scratch database); the CLI migrates it.
import { sql } from "drizzle-orm";
import type { OpenDatabase } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_PGLITE_SIZE, DEFAULT_POSTGRES_SIZE, type DatasetSize } from "./sizes";

export const BENCH_PASSWORD = "yardstick-bench-2026";

export type DatasetSummary = DatasetSize & {
  courses: number;
  doseChanges: number;
  adverseEvents: number;
  users: number;
  seconds: number;
};

/** The clinician who signs in for team n (1-based): one per team, all with BENCH_PASSWORD. */
export function benchClinicianEmail(team: number): string {
  return `clinician-${String(team).padStart(2, "0")}@bench.yardstick.test`;
}

/** The team and patient code pattern, so the benchmark can filter the list by a code it knows exists. */
export function benchTeamSlug(team: number): string {
  return `bench-team-${String(team).padStart(2, "0")}`;
}

type Executor = { execute: OpenDatabase["db"]["execute"] };

async function countOf(db: Executor, table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows;
  return Number((rows[0] as { n: number }).n);
}

function checkSize(size: DatasetSize): void {
  for (const [name, value] of Object.entries(size)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1 (got ${value}).`);
  }
  if (size.teams > 99) throw new Error("--teams can be at most 99.");
  if (size.patients < size.teams) throw new Error("--patients must be at least --teams (every team gets patients).");
}

/**
 * Fills a migrated, empty scratch database: `teams` teams with one clinician each, `patients` patients
 * spread evenly over them, one current treatment course each (30% also an earlier stopped one), the
 * titration's dose changes, adverse events on about a third of the courses, and exactly `assessments`
 * assessments (unequal per patient, dated over up to six years, scored as each instrument's published
 * rule scores them: FIQR and IRLS totals computed from their item answers). Then ANALYZE.
 */
export async function fillBenchDataset(open: OpenDatabase, size: DatasetSize): Promise<DatasetSummary> {
  checkSize(size);
  const started = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD); // once, reused by every clinician
  const { patients: P, assessments: N, teams: T } = size;

  await open.db.transaction(async (tx) => {
    const run = (statement: string) => tx.execute(sql.raw(statement));
    if ((await countOf(tx, "teams where slug like 'bench-team-%'")) > 0) {
      throw new Error("This database already holds a benchmark dataset: fill a fresh scratch database.");
    }
    await run("select setseed(0.42)");

    await run(`insert into teams (slug, name)
      select 'bench-team-' || lpad(t::text, 2, '0'), 'Benchmark Clinic ' || lpad(t::text, 2, '0') from generate_series(1, ${T}) t`);
    await tx.execute(sql`insert into users (email, display_name, password_hash)
      select 'clinician-' || lpad(t::text, 2, '0') || '@bench.yardstick.test', 'Dr Bench ' || lpad(t::text, 2, '0'), ${passwordHash}
      from generate_series(1, ${T}) t`);
    await run(`insert into team_memberships (user_id, team_id, role)
      select u.id, tm.id, 'clinician' from users u
      join teams tm on u.email = 'clinician-' || substring(tm.slug from 12) || '@bench.yardstick.test'
      where tm.slug like 'bench-team-%'`);

    // One row per patient with every random choice made once; the inserts below read it.
    // kind: 0 fibromyalgia (FIQR + pain NRS), 1 fibromyalgia on the older FIQ (FIQ + pain VAS),
    // 2 restless legs (IRLS + PGIC), 3 ME/CFS (pain NRS), 4 neuropathic pain (pain VAS + pain NRS).
    await run(`create temporary table bench_plan on commit drop as
      with base as (
        select n, ((n - 1) % ${T}) + 1 as team_no, ((n - 1) / ${T}) + 1 as no_in_team,
               random() as r_kind, random() as r_status, random() as r_prev, random() as r_weight,
               random() as r_span, random() as r_last, random() as r_end, random() as r_drug
        from generate_series(1, ${P}) n
      ), shaped as (
        select b.*,
               case when r_kind < 0.45 then 0 when r_kind < 0.55 then 1 when r_kind < 0.80 then 2 when r_kind < 0.90 then 3 else 4 end as kind,
               current_date - (200 + floor(r_span * 2000))::int as first_date,
               -- unequal follow-up: a few patients are seen far more often than most
               0.2 + 3 * r_weight * r_weight as weight
        from base b
      ), cumulative as (
        select s.*, case when n = ${P} then ${N}
               else least(${N}, floor(${N}::float8 * sum(weight) over (order by n) / sum(weight) over ()))::int end as up_to
        from shaped s
      ), weighted as (
        select c.*, up_to - coalesce(lag(up_to) over (order by n), 0) as n_assess from cumulative c
      )
      select w.n, w.team_no, w.no_in_team, w.kind, w.first_date, w.n_assess::int as n_assess,
             gen_random_uuid() as patient_id, tm.id as team_id, u.id as clinician_id,
             w.r_prev < 0.3 as has_prev, gen_random_uuid() as prev_course_id,
             w.first_date + 3 as prev_start, w.first_date + 63 + floor(w.r_end * 30)::int as prev_end,
             gen_random_uuid() as course_id,
             case when w.r_prev < 0.3 then w.first_date + 130 else w.first_date + 3 end as course_start,
             case when w.r_status < 0.7 then 'active' when w.r_status < 0.9 then 'stopped' else 'completed' end as status,
             case when w.kind in (2, 4) or (w.kind in (0, 1) and w.r_drug < 0.5) then 'memantine' else 'low-dose naltrexone' end as drug,
             w.r_last, w.r_end,
             0.45 + 0.45 * random() as severity, -0.2 + 0.8 * random() as response, random() < 0.1 as behind_plan
      from weighted w
      join teams tm on tm.slug = 'bench-team-' || lpad(w.team_no::text, 2, '0')
      join users u on u.email = 'clinician-' || lpad(w.team_no::text, 2, '0') || '@bench.yardstick.test'`);
    await run(`alter table bench_plan add column course_end date, add column last_date date`);
    await run(`update bench_plan set course_end = case when status = 'active' then null
        else least(current_date - 1, course_start + 42 + floor(r_end * 300)::int) end`);
    await run(`update bench_plan set last_date = case when status = 'active' then current_date - floor(r_last * r_last * r_last * 150)::int
        else least(current_date, course_end + floor(r_last * 60)::int) end`);

    await run(`insert into patients (id, team_id, code, birth_year, sex, conditions, created_at, updated_at)
      select patient_id, team_id, 'B' || lpad(team_no::text, 2, '0') || '-' || lpad(no_in_team::text, 6, '0'),
             1935 + floor(random() * 70)::int,
             case when random() < 0.78 then 'female' when random() < 0.95 then 'male' when random() < 0.5 then 'other' else 'unknown' end,
             case kind when 2 then array['restless legs syndrome'] when 3 then array['ME/CFS'] when 4 then array['neuropathic pain']
                  else case when random() < 0.15 then array['fibromyalgia', 'ME/CFS'] else array['fibromyalgia'] end end,
             first_date::timestamptz, first_date::timestamptz
      from bench_plan`);

    const indication = `case kind when 2 then 'restless legs syndrome' when 3 then 'ME/CFS' when 4 then 'neuropathic pain' else 'fibromyalgia' end`;
    await run(`insert into treatment_courses (id, patient_id, drug, indication, target_dose, dose_unit, start_date, end_date, status, stop_reason)
      select course_id, patient_id, drug, ${indication}, case drug when 'memantine' then 20 else 4.5 end, 'mg/day',
             course_start, course_end, status,
             case status when 'stopped' then 'Side effects not settling' when 'completed' then 'Planned course completed; reviewed with patient' end
      from bench_plan
      union all
      select prev_course_id, patient_id, case drug when 'memantine' then 'low-dose naltrexone' else 'memantine' end, ${indication},
             case drug when 'memantine' then 4.5 else 20 end, 'mg/day', prev_start, prev_end, 'stopped', 'No meaningful improvement'
      from bench_plan where has_prev`);

    // Memantine 5 mg/day raised by 5 mg each week to 20; naltrexone 1.5, 3, 4.5 mg/day every two weeks.
    // A tenth of courses stay behind their plan (the worklist's "titration behind plan").
    await run(`insert into dose_changes (course_id, changed_on, dose, dose_unit)
      select c.id, c.start_date + step * (case c.drug when 'memantine' then 7 else 14 end),
             case c.drug when 'memantine' then 5 * (step + 1) else 1.5 * (step + 1) end, 'mg/day'
      from treatment_courses c
      join bench_plan p on p.patient_id = c.patient_id
      cross join lateral generate_series(0, case when c.drug = 'memantine' then 3 else 2 end) step
      where c.start_date + step * (case c.drug when 'memantine' then 7 else 14 end) <= coalesce(c.end_date, current_date)
        and not (p.behind_plan and c.id = p.course_id and step > 0)`);

    await run(`insert into adverse_events (course_id, occurred_on, event, severity)
      select c.id, c.start_date + floor(random() * (coalesce(c.end_date, current_date) - c.start_date + 1))::int,
             (array['dizziness', 'headache', 'vivid dreams', 'nausea', 'insomnia', 'fatigue'])[1 + floor(random() * 6)::int],
             case when random() < 0.7 then 'mild' when random() < 0.85 then 'moderate' else 'severe' end
      from (select *, case when random() < 0.65 then 0 when random() < 0.8 then 1 else 2 end as events from treatment_courses) c
      cross join lateral generate_series(1, c.events) e`);

    // Visits: every instrument of the patient's kind on each visit date, first visit (the baseline) before the start.
    await run(`insert into assessments (patient_id, course_id, instrument_id, taken_on, total_score, item_responses, entered_by, created_at, updated_at)
      select v.patient_id,
             case when v.taken_on >= v.course_start and v.taken_on <= coalesce(v.course_end, current_date) then v.course_id
                  when v.has_prev and v.taken_on between v.prev_start and v.prev_end then v.prev_course_id end,
             v.instrument, v.taken_on,
             case v.instrument
               when 'fiqr' then items.total
               when 'irls' then items.total
               when 'fiq' then round((100 * v.s)::numeric, 1)::float8
               when 'pain_nrs_0_10' then round(10 * v.s)
               when 'pain_vas_0_100' then round(100 * v.s)
               else greatest(1, least(7, 4 - round(6 * v.improvement)))
             end,
             items.answers, v.clinician_id, v.taken_on::timestamptz, v.taken_on::timestamptz
      from (
        select p.patient_id, p.course_id, p.course_start, p.course_end, p.has_prev, p.prev_course_id, p.prev_start, p.prev_end,
               p.clinician_id, d.taken_on, d.instrument,
               greatest(0, least(1, p.severity * (1 - p.response * d.ramp) + (random() - 0.5) * 0.14)) as s,
               p.response * d.ramp as improvement
        from bench_plan p
        cross join lateral (
          select p.first_date + floor((j / k.per_visit) * (p.last_date - p.first_date)::float8
                   / greatest(ceil(p.n_assess::float8 / k.per_visit) - 1, 1))::int as taken_on,
                 case when j % k.per_visit = 1 and j / k.per_visit = 0 and k.second = 'pgic' then 'pain_nrs_0_10'
                      when j % k.per_visit = 0 then k.first else k.second end as instrument
          from (select case p.kind when 0 then 'fiqr' when 1 then 'fiq' when 2 then 'irls' when 3 then 'pain_nrs_0_10' else 'pain_vas_0_100' end as first,
                       case p.kind when 0 then 'pain_nrs_0_10' when 1 then 'pain_vas_0_100' when 2 then 'pgic' when 3 then null else 'pain_nrs_0_10' end as second,
                       case p.kind when 3 then 1 else 2 end as per_visit) k
          cross join generate_series(0, p.n_assess - 1) j
        ) d0
        cross join lateral (
          select d0.taken_on, d0.instrument,
                 least(1, greatest(0, (d0.taken_on - p.course_start)::float8 / 56)) as ramp
        ) d
      ) v
      cross join lateral (
        -- FIQR: 21 items 0-10, total = function/3 + overall + symptoms/2 (in that order, as lib/instruments/fiqr.ts adds them);
        -- IRLS: 10 items 0-4, total = their sum. Other instruments have no item answers.
        select jsonb_object_agg(i.key, i.answer) as answers,
               case v.instrument
                 when 'fiqr' then sum(i.answer) filter (where i.domain = 'function')::float8 / 3
                                  + sum(i.answer) filter (where i.domain = 'overall')::float8
                                  + sum(i.answer) filter (where i.domain = 'symptoms')::float8 / 2
                 else sum(i.answer)::float8 end as total
        from (
          select q.key, q.domain,
                 greatest(0, least(q.top, round(q.top * v.s + (random() - 0.5) * q.top * 0.3)))::int as answer
          from (
            select 'function_' || x as key, 'function' as domain, 10 as top from generate_series(1, 9) x where v.instrument = 'fiqr'
            union all select 'overall_' || x, 'overall', 10 from generate_series(1, 2) x where v.instrument = 'fiqr'
            union all select 'symptoms_' || x, 'symptoms', 10 from generate_series(1, 10) x where v.instrument = 'fiqr'
            union all select 'item_' || x, 'irls', 4 from generate_series(1, 10) x where v.instrument = 'irls'
          ) q
        ) i
      ) items`);
  });

  // Outside the transaction, before the first request: ANALYZE so the planner sees the new tables, and
  // VACUUM so their visibility maps are set, as autovacuum leaves a live database's tables. Without it
  // every index-only scan of a freshly bulk-loaded table also reads the table's pages.
  await open.db.execute(sql.raw("vacuum analyze"));
  const summary: DatasetSummary = {
    ...size,
    patients: await countOf(open.db, "patients p join teams t on t.id = p.team_id where t.slug like 'bench-team-%'"),
    assessments: await countOf(open.db, "assessments a join users u on u.id = a.entered_by where u.email like '%@bench.yardstick.test'"),
    courses: await countOf(open.db, "treatment_courses"),
    doseChanges: await countOf(open.db, "dose_changes"),
    adverseEvents: await countOf(open.db, "adverse_events"),
    users: T,
    seconds: (performance.now() - started) / 1000,
  };
  return summary;
}

export type SamplePatient = { id: string; code: string; assessments: number };

/**
 * The patient the benchmark opens: team 1's patient whose number of assessments is closest to the
 * dataset's average (ties: lowest code), so the patient page is a typical one, not the lightest.
 */
export async function pickSamplePatient(open: OpenDatabase): Promise<SamplePatient> {
  const result = (await open.db.execute(sql`
    with counts as (
      select p.id, p.code, count(a.id)::int as n from patients p
      join teams t on t.id = p.team_id and t.slug = ${benchTeamSlug(1)}
      left join assessments a on a.patient_id = p.id
      group by p.id, p.code
    )
    select id, code, n from counts
    order by abs(n - (select count(*) from assessments)::float8 / (select count(*) from patients)), code
    limit 1`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string; code: string; n: number }[];
  if (!rows[0]) throw new Error("The benchmark dataset has no patient in team 1.");
  return { id: rows[0].id, code: rows[0].code, assessments: Number(rows[0].n) };
}

async function main() {
  const { parseFlags } = await import("./flags");
  const { openDatabase } = await import("@/db/client");
  const { applyMigrations } = await import("@/db/migrate");
  const flags = parseFlags(process.argv.slice(2), { patients: "number", assessments: "number", teams: "number", pglite: "string" });
  const defaults = flags.pglite ? DEFAULT_PGLITE_SIZE : DEFAULT_POSTGRES_SIZE;
  const size: DatasetSize = {
    patients: flags.patients ?? defaults.patients,
    assessments: flags.assessments ?? defaults.assessments,
    teams: flags.teams ?? defaults.teams,
  };
  const open = await openDatabase(flags.pglite ? { url: "", pgliteDir: flags.pglite } : {});
  try {
    await applyMigrations(open);
    const summary = await fillBenchDataset(open, size);
    console.log(
      `Filled ${open.label}: ${summary.teams} teams, ${summary.patients} patients, ${summary.courses} courses, ` +
        `${summary.doseChanges} dose changes, ${summary.adverseEvents} adverse events, ${summary.assessments} assessments ` +
        `in ${summary.seconds.toFixed(1)} s. Sign in as ${benchClinicianEmail(1)} / ${BENCH_PASSWORD}.`,
    );
  } finally {
    await open.close();
  }
}

if (process.argv[1]?.replace(/\\/g, "/").endsWith("scripts/bench/dataset.ts")) {
  main().catch((error) => {
    console.error(`bench dataset: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
