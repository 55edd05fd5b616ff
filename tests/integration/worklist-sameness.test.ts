import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { loadStudies } from "@/db/seed/studies";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { getWorklist, readWorklist, type WorklistScoreRow } from "@/lib/data/worklist";
import { benchClinicianEmail, fillBenchDataset } from "@/scripts/bench/dataset";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// The worklist reads only the scores and doses its rules can use (lib/data/worklist-scores.ts,
// worklist-doses.ts). Here it is compared with the former algorithm, which gave the same rules every score
// and dose change of the team, on a generated network:
// several teams, active and stopped courses, dose changes and adverse events (the benchmark's generator),
// plus chosen baselines (before and after the start, on several instruments), same-day scores entered
// together, self-report links (waiting, expired, answered, revoked), acknowledgements (current and stale),
// archived patients and another follow-up interval. Every field of every item, the counts and the filter
// options must be equal.

const TEAMS = 3;

/** The former read: every score of the team's patients (ties in a fixed order, so both reads agree on them). */
async function everyScore(db: Database, teamId: string): Promise<WorklistScoreRow[]> {
  const a = schema.assessments;
  const p = schema.patients;
  return db
    .select({
      id: a.id,
      patientId: a.patientId,
      instrumentId: a.instrumentId,
      takenOn: a.takenOn,
      totalScore: a.totalScore,
      createdAt: a.createdAt,
      enteredBy: a.enteredBy,
      enteredByName: schema.users.displayName,
    })
    .from(a)
    .innerJoin(p, eq(p.id, a.patientId))
    .innerJoin(schema.users, eq(schema.users.id, a.enteredBy))
    .where(and(eq(p.teamId, teamId), isNull(p.archivedAt)))
    .orderBy(asc(a.takenOn), asc(a.createdAt), asc(a.id));
}

/** The former read of doses: every change of the team's courses. */
async function everyDose(db: Database, teamId: string) {
  const d = schema.doseChanges;
  const c = schema.treatmentCourses;
  const p = schema.patients;
  return db
    .select({ courseId: d.courseId, changedOn: d.changedOn, dose: d.dose })
    .from(d)
    .innerJoin(c, eq(c.id, d.courseId))
    .innerJoin(p, eq(p.id, c.patientId))
    .where(and(eq(p.teamId, teamId), isNull(p.archivedAt)))
    .orderBy(asc(d.changedOn), asc(d.createdAt), asc(d.id));
}

const everything = { scores: everyScore, doses: everyDose };

describe(`The worklist reads only the scores its rules need (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const clinicians: SessionUser[] = [];
  let today: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await fillBenchDataset(database, { patients: 240, assessments: 12_000, teams: TEAMS });
    await loadStudies(database.db); // the published studies: trial time points and titration periods
    const run = (statement: ReturnType<typeof sql>) => database.db.execute(statement);
    await run(sql`select setseed(0.7)`);
    // Chosen baselines: a random score of the course's patient on a random instrument it has, for half the courses.
    await run(sql`
      insert into course_baselines (course_id, instrument_id, assessment_id)
      select distinct on (c.id, a.instrument_id) c.id, a.instrument_id, a.id
      from treatment_courses c
      join assessments a on a.patient_id = c.patient_id
      where hashtext(c.id::text) % 2 = 0
      order by c.id, a.instrument_id, random()`);
    await run(sql`delete from course_baselines where random() < 0.4`);
    // Same-day scores entered together (one created_at): a tie the timeline breaks by entry order.
    await run(sql`
      insert into assessments (patient_id, course_id, instrument_id, taken_on, total_score, entered_by)
      select a.patient_id, a.course_id, a.instrument_id, a.taken_on, least(10, a.total_score + 3), a.entered_by
      from assessments a
      where a.instrument_id = 'pain_nrs_0_10' and random() < 0.05`);
    // Courses started before any score of their patient (no baseline unless one is chosen).
    await run(sql`
      update treatment_courses c set start_date = f.first - 10
      from (select patient_id, min(taken_on) as first from assessments group by patient_id) f
      where f.patient_id = c.patient_id and c.status = 'active' and random() < 0.15`);
    // Courses started on the day of one of their patient's scores (a baseline on the start date itself).
    await run(sql`
      update treatment_courses c set start_date = pick.taken_on
      from (select distinct on (patient_id) patient_id, taken_on from assessments order by patient_id, random()) pick
      where pick.patient_id = c.patient_id and c.status = 'active' and random() < 0.3
        and not exists (select 1 from treatment_courses e where e.patient_id = c.patient_id and e.end_date >= pick.taken_on)`);
    // Doses: a lower same-day change entered later (the later entry is in force), and changes after today.
    await run(sql`
      insert into dose_changes (course_id, changed_on, dose, dose_unit)
      select distinct on (d.course_id) d.course_id, d.changed_on, d.dose / 2, d.dose_unit
      from dose_changes d join treatment_courses c on c.id = d.course_id
      where c.status = 'active' and hashtext(c.id::text) % 3 = 0
      order by d.course_id, d.changed_on desc`);
    await run(sql`
      insert into dose_changes (course_id, changed_on, dose, dose_unit)
      select c.id, current_date + 5, c.target_dose, c.dose_unit
      from treatment_courses c where c.status = 'active' and hashtext(c.id::text) % 4 = 1`);
    // Severe adverse events around the 30-day window, on active and stopped courses.
    await run(sql`
      insert into adverse_events (course_id, occurred_on, event, severity)
      select c.id, current_date - floor(random() * 40)::int, 'Dizziness', 'severe'
      from treatment_courses c where random() < 0.15`);
    // Self-report links in every state (sent up to 40 days ago, valid 1–14 days; hashed per row, so not one draw for all).
    await run(sql`
      insert into self_report_links (team_id, patient_id, course_id, instruments, token_hash, created_at, expires_at,
                                     used_at, revoked_at, created_by)
      select p.team_id, p.id, case when random() < 0.7 then c.id end, array['pain_nrs_0_10', 'pgic']::text[],
             encode(sha256(convert_to(p.id::text || random()::text, 'UTF8')), 'hex'),
             now() - make_interval(days => s.sent), now() - make_interval(days => s.sent) + make_interval(days => s.valid),
             case when random() < 0.2 then now() end, null, u.id
      from patients p
      join treatment_courses c on c.patient_id = p.id and c.status = 'active'
      join team_memberships m on m.team_id = p.team_id
      join users u on u.id = m.user_id
      cross join lateral (select abs(hashtext(c.id::text)) % 40 as sent, 1 + abs(hashtext(p.id::text)) % 14 as valid) s
      where random() < 0.3`);
    await run(sql`update self_report_links set revoked_at = now() where random() < 0.1 and used_at is null`);
    await run(sql`update patients set archived_at = now() where random() < 0.05`);
    await run(sql`update teams set follow_up_weeks = 8 where slug = 'bench-team-02'`);
    today = new Date().toISOString().slice(0, 10);

    for (let team = 1; team <= TEAMS; team++) {
      const [user] = await database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.email, benchClinicianEmail(team)));
      clinicians.push((await loadSessionUser(database.db, user.id))!);
    }
    // Acknowledgements: a third of each team's items, half against the patient's latest assessment (still
    // holding), half against an older one (the item is back).
    for (const clinician of clinicians) {
      const list = await readWorklist(clinician, {}, { today }, everything);
      const picked = list.items.filter((_, index) => index % 3 === 0);
      for (const [index, item] of picked.entries()) {
        const [latest] = await database.db
          .select({ id: schema.assessments.id })
          .from(schema.assessments)
          .where(eq(schema.assessments.patientId, item.patientId))
          .orderBy(desc(schema.assessments.takenOn), desc(schema.assessments.createdAt), desc(schema.assessments.id))
          .offset(index % 2)
          .limit(1);
        await database.db.insert(schema.worklistAcknowledgements).values({
          teamId: clinician.team.id,
          patientId: item.patientId,
          reason: item.reason,
          note: "Seen.",
          acknowledgedBy: clinician.id,
          latestAssessmentId: latest?.id ?? null,
        });
      }
    }
  }, 120_000);
  afterAll(async () => database?.dispose());

  it("gives every team the same items, words, order, counts and filter options as reading every score", async () => {
    let compared = 0;
    const reasons = new Set<string>();
    for (const clinician of clinicians) {
      for (const day of [today, "2025-06-30"]) {
        const expected = await readWorklist(clinician, {}, { today: day }, everything);
        const actual = await getWorklist(clinician, {}, { today: day });
        expect(actual).toEqual(expected);
        compared += expected.items.length;
        for (const item of expected.items) reasons.add(item.reason);
      }
    }
    // The comparison means something only if the data raise (nearly) every kind of item.
    expect(compared).toBeGreaterThan(100);
    expect([...reasons].sort()).toEqual(
      expect.arrayContaining([
        "follow_up_overdue",
        "no_baseline",
        "self_report_unanswered",
        "severe_adverse_event",
        "titration_behind",
        "worsening",
      ]),
    );
  });

  it("agrees under the reason, drug and clinician filters", async () => {
    for (const clinician of clinicians) {
      const all = await readWorklist(clinician, {}, { today }, everything);
      const filters = [
        { reason: "worsening" as const },
        { drug: all.drugs[0] },
        { clinician: all.clinicians[0]?.id },
        { reason: "no_baseline" as const, drug: all.drugs.at(-1) },
      ];
      for (const filter of filters) {
        expect(await getWorklist(clinician, filter, { today })).toEqual(await readWorklist(clinician, filter, { today }, everything));
      }
    }
  });
});
