// `npm run bench:list`: how long one page of the patient list takes with thousands of patients.
// Builds a throw-away team of BENCH_PATIENTS patients (default 5000) in an in-memory PGlite, or in
// the server named by BENCH_DATABASE_URL (a scratch database: it is filled, not cleaned), and
// reports timings. Figures only; nothing is asserted.
import { sql } from "drizzle-orm";
import { openDatabase, activateDatabaseForThisProcess } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { teamMemberships, teams, users } from "@/db/schema";
import { listPatientsForTeam, type PatientListFilters } from "@/lib/data/patients";
import { loadSessionUser } from "@/lib/data/session-user";

async function main() {
  const count = Number(process.env.BENCH_PATIENTS ?? 5000);
  const open = await openDatabase({ url: process.env.BENCH_DATABASE_URL ?? "", pgliteDir: "memory://" });
  activateDatabaseForThisProcess(open);
  await applyMigrations(open);
  const slug = `bench-${Date.now()}`;
  const [team] = await open.db.insert(teams).values({ slug, name: "Benchmark clinic" }).returning();
  const [user] = await open.db
    .insert(users)
    .values({ email: `${slug}@bench.test`, displayName: "Bench", passwordHash: "x" })
    .returning();
  await open.db.insert(teamMemberships).values({ userId: user.id, teamId: team.id, role: "clinician" });

  const started = performance.now();
  await open.db.execute(sql`insert into patients (team_id, code, birth_year, sex, conditions)
    select ${team.id}, 'B-' || lpad(i::text, 6, '0'), 1950 + i % 50, 'female',
           case when i % 3 = 0 then array['restless legs syndrome'] else array['fibromyalgia'] end
    from generate_series(1, ${count}) i`);
  await open.db.execute(sql`insert into treatment_courses (patient_id, drug, indication, target_dose, dose_unit, start_date, status)
    select id, case when random() < 0.5 then 'memantine' else 'low-dose naltrexone' end, 'fibromyalgia', 20, 'mg/day', date '2026-05-01', 'active'
    from patients where team_id = ${team.id}`);
  await open.db.execute(sql`insert into assessments (patient_id, instrument_id, taken_on, total_score, entered_by)
    select p.id, 'pain_nrs_0_10', date '2026-04-28' + (w * 14), (random() * 10)::int, ${user.id}
    from patients p cross join generate_series(0, 5) w where p.team_id = ${team.id}`);
  console.log(
    `Built ${count} patients, ${count} courses, ${count * 6} assessments on ${open.label} in ${Math.round(performance.now() - started)} ms.`,
  );

  const sessionUser = (await loadSessionUser(open.db, user.id))!;
  const cases: [string, PatientListFilters][] = [
    ["first page by code", {}],
    [
      "a later page by code (after a cursor)",
      { after: { lastAssessedOn: null, code: "B-002500", id: "00000000-0000-0000-0000-000000000000" } },
    ],
    ["by last assessment, newest first", { sort: "last_assessment_desc" }],
    ["search 'B-0042'", { code: "B-0042" }],
    ["condition + drug + on treatment", { condition: "fibromyalgia", drug: "memantine", status: "on_treatment" }],
  ];
  const rows: Record<string, string | number>[] = [];
  for (const [label, filters] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await listPatientsForTeam(sessionUser, filters);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push({ query: label, "median ms": Number(times[7].toFixed(1)), "slowest ms": Number(times[14].toFixed(1)) });
  }
  console.table(rows);
  await open.close();
}

void main();
