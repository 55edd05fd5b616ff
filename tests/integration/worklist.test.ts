import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { acknowledgeWorklistItem, getWorklist, setFollowUpWeeks } from "@/lib/data/worklist";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// The worklist's items are checked against sets worked out with plain SQL on the seeded team, not
// against the worklist's own code.

const TODAY = "2026-11-01";

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

async function userOf(database: TestDatabase, email: string): Promise<SessionUser> {
  const [user] = await database.db.select().from(schema.users).where(eq(schema.users.email, email));
  return (await loadSessionUser(database.db, user.id))!;
}

const keys = (items: { code: string; courseId: string | null }[]) => items.map((i) => `${i.code} ${i.courseId}`).sort();

describe(`The worklist (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let clinician: SessionUser;
  let admin: SessionUser;
  let viewer: SessionUser;
  let northside: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.db, { today: new Date(`${TODAY}T00:00:00Z`) });
    clinician = await userOf(database, "clinician@yardstick.demo");
    admin = await userOf(database, "admin@yardstick.demo");
    viewer = await userOf(database, "viewer@yardstick.demo");
    northside = await userOf(database, "clinician@northside.demo");
  });
  afterAll(async () => database?.dispose());

  const sqlRows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));

  it("shows each demo patient under its reason, with every reason counted", async () => {
    const list = await getWorklist(clinician, {}, { today: TODAY });
    for (const [code, reason] of [
      ["YS-W01", "follow_up_overdue"],
      ["YS-W02", "no_baseline"],
      ["YS-W03", "past_trial_timepoint"],
      ["YS-W04", "worsening"],
      ["YS-W05", "severe_adverse_event"],
      ["YS-W06", "titration_behind"],
    ] as const) {
      expect(list.items.some((i) => i.code === code && i.reason === reason)).toBe(true);
      expect(list.counts[reason]).toBeGreaterThan(0);
    }
    const past = list.items.find((i) => i.code === "YS-W03" && i.reason === "past_trial_timepoint")!;
    expect(past.studyName).toBe("the FINAL trial");
    expect(past.words).toBe(
      "Past week 12, the time point of the FINAL trial, without meaningful improvement: Pain NRS 6 from 6 on 2026-10-22 " +
        "(No important change (less than 10% either way)). Review whether to continue.",
    );
    const worse = list.items.find((i) => i.code === "YS-W04" && i.reason === "worsening")!;
    expect(worse).toMatchObject({ since: "2026-10-27" });
    expect(worse.words).toContain("Pain NRS 7 from 5 on 2026-10-27");
    expect(Object.values(list.counts).reduce((a, b) => a + b, 0)).toBe(list.items.length);
  });

  it("agrees with plain SQL on follow-up overdue, no baseline and severe adverse events", async () => {
    const teamId = clinician.team.id;
    const list = await getWorklist(clinician, {}, { today: TODAY });
    const of = (reason: string) => list.items.filter((i) => i.reason === reason);

    const overdue = await sqlRows<{ code: string; course_id: string }>(sql`
      select p.code, c.id as course_id from treatment_courses c join patients p on p.id = c.patient_id
      where p.team_id = ${teamId} and p.archived_at is null and c.status = 'active'
        and greatest(c.start_date, (select max(a.taken_on) from assessments a where a.patient_id = p.id)) < ${TODAY}::date - 28`);
    expect(keys(of("follow_up_overdue"))).toEqual(keys(overdue.map((r) => ({ code: r.code, courseId: r.course_id }))));

    const noBaseline = await sqlRows<{ code: string; course_id: string }>(sql`
      select p.code, c.id as course_id from treatment_courses c join patients p on p.id = c.patient_id
      where p.team_id = ${teamId} and p.archived_at is null and c.status = 'active'
        and not exists (select 1 from assessments a where a.patient_id = p.id and a.instrument_id <> 'pgic' and a.taken_on <= c.start_date)
        and not exists (select 1 from course_baselines b where b.course_id = c.id)`);
    expect(keys(of("no_baseline"))).toEqual(keys(noBaseline.map((r) => ({ code: r.code, courseId: r.course_id }))));

    const severe = await sqlRows<{ code: string; course_id: string }>(sql`
      select p.code, c.id as course_id from adverse_events e join treatment_courses c on c.id = e.course_id
        join patients p on p.id = c.patient_id
      where p.team_id = ${teamId} and p.archived_at is null and e.severity = 'severe'
        and e.occurred_on between ${TODAY}::date - 30 and ${TODAY}::date`);
    expect(keys(of("severe_adverse_event"))).toEqual(keys(severe.map((r) => ({ code: r.code, courseId: r.course_id }))));
    expect(severe.length).toBeGreaterThan(0);
  });

  it("filters by reason, drug and clinician, keeping the counts of the other reasons", async () => {
    const all = await getWorklist(clinician, {}, { today: TODAY });
    const worsening = await getWorklist(clinician, { reason: "worsening" }, { today: TODAY });
    expect(worsening.items.every((i) => i.reason === "worsening")).toBe(true);
    expect(worsening.items).toHaveLength(all.counts.worsening);
    expect(worsening.counts).toEqual(all.counts);
    const memantine = await getWorklist(clinician, { drug: "memantine" }, { today: TODAY });
    expect(memantine.items.length).toBe(all.items.filter((i) => i.drug === "memantine").length);
    expect(memantine.items.some((i) => i.code === "YS-W05")).toBe(false);
    expect(all.clinicians).toEqual([{ id: clinician.id, name: "Dr Dana Clinician" }]);
    const byOther = await getWorklist(clinician, { clinician: admin.id }, { today: TODAY });
    expect(byOther.items).toEqual([]);
  });

  it("never shows another team's patients", async () => {
    const list = await getWorklist(northside, {}, { today: TODAY });
    expect(list.items.every((i) => i.code.startsWith("NS-"))).toBe(true);
    const ys = await getWorklist(clinician, {}, { today: TODAY });
    expect(ys.items.every((i) => i.code.startsWith("YS-"))).toBe(true);
  });

  it("hides an acknowledged item, audited, until a new assessment arrives; then it returns if still true", async () => {
    const before = await getWorklist(clinician, {}, { today: TODAY });
    const item = before.items.find((i) => i.code === "YS-W04" && i.reason === "worsening")!;
    const { id } = await acknowledgeWorklistItem(clinician, item.patientId, {
      reason: "worsening",
      note: "Spoke to patient; flare after a fall.",
    });
    const [audit] = await sqlRows<{ action: string; user_id: string }>(
      sql`select action, user_id from audit_log where record_type = 'worklist_acknowledgement' and record_id = ${id}`,
    );
    expect(audit).toEqual({ action: "acknowledge", user_id: clinician.id });

    const after = await getWorklist(clinician, {}, { today: TODAY });
    expect(after.items.some((i) => i.code === "YS-W04" && i.reason === "worsening")).toBe(false);
    expect(after.counts.worsening).toBe(before.counts.worsening - 1);
    // Other reasons of the same patient stay.
    expect(after.items.filter((i) => i.code === "YS-W04").length).toBe(before.items.filter((i) => i.code === "YS-W04").length - 1);

    await database.db.insert(schema.assessments).values({
      patientId: item.patientId,
      instrumentId: "pain_nrs_0_10",
      takenOn: TODAY,
      totalScore: 8,
      enteredBy: clinician.id,
    });
    const returned = await getWorklist(clinician, {}, { today: TODAY });
    expect(returned.items.find((i) => i.code === "YS-W04" && i.reason === "worsening")?.since).toBe(TODAY);
  });

  it("refuses a viewer (forbidden) and another team's clinician (not found); a blank reason never reaches the table", async () => {
    const list = await getWorklist(clinician, {}, { today: TODAY });
    const item = list.items.find((i) => i.code === "YS-W05")!;
    await expect(acknowledgeWorklistItem(viewer, item.patientId, { reason: item.reason, note: "seen" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(acknowledgeWorklistItem(northside, item.patientId, { reason: item.reason, note: "seen" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(acknowledgeWorklistItem(clinician, "not-a-uuid", { reason: item.reason, note: "seen" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const [{ n }] = await sqlRows<{ n: number }>(
      sql`select count(*)::int as n from worklist_acknowledgements where patient_id = ${item.patientId}`,
    );
    expect(n).toBe(0);
  });

  it("lets only an admin change the team's follow-up weeks, audited, and the list follows it", async () => {
    await expect(setFollowUpWeeks(clinician, { followUpWeeks: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    const four = await getWorklist(clinician, {}, { today: TODAY });
    await setFollowUpWeeks(admin, { followUpWeeks: 2 });
    const two = await getWorklist(clinician, {}, { today: TODAY });
    expect(two.followUpWeeks).toBe(2);
    expect(two.counts.follow_up_overdue).toBeGreaterThan(four.counts.follow_up_overdue);
    const [audit] = await sqlRows<{ changes: unknown }>(
      sql`select changes from audit_log where record_type = 'team' and action = 'update' and record_id = ${admin.team.id}`,
    );
    expect(audit.changes).toEqual([{ field: "followUpWeeks", old: 4, new: 2 }]);
    await expect(database.db.update(schema.teams).set({ followUpWeeks: 53 }).where(eq(schema.teams.id, admin.team.id))).rejects.toThrow();
  });
});
