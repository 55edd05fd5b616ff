import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPatientsForTeam, type PatientListCursor, type PatientListFilters } from "@/lib/data/patients";
import type { SessionUser } from "@/lib/data/session-user";
import { patientFiltersSchema } from "@/lib/validation/patient-filters";
import { createPatient, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Keyset paging (issue 12): the list walks its pages by cursor (the last row's sort key and id), never
// by OFFSET. Each walk is compared with an independent SQL ORDER BY over the same patients, with many
// ties on the last assessment date (and patients never assessed) so a tie broken wrongly shows.

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const SORTS = ["code", "last_assessment_desc", "last_assessment_asc"] as const;
const ORDER_BY = {
  code: sql`p.code, p.id`,
  last_assessment_desc: sql`l.last desc nulls last, p.code, p.id`,
  last_assessment_asc: sql`l.last asc nulls first, p.code, p.id`,
};

let database: TestDatabase;
let user: SessionUser;
let teamId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const team = await createTeamWithUser(db);
  user = team.sessionUser;
  teamId = team.team.id;
  // 83 patients: codes in two cases and lengths; 5 distinct last dates (so about 16 patients tie on each), 13 never assessed.
  for (let i = 0; i < 83; i++) {
    const patient = await createPatient(db, teamId, i % 3 === 0 ? `k-${i}` : `K-${String(i).padStart(3, "0")}`);
    if (i % 6 === 5) continue; // never assessed
    await db.execute(sql`insert into assessments (patient_id, instrument_id, taken_on, total_score, entered_by)
      select ${patient.id}::uuid, 'pain_nrs_0_10', date '2026-01-01' + (${i % 5}::int * 7) - g, 5, ${team.user.id}::uuid
      from generate_series(0, ${i % 3}::int) g`);
  }
  const archived = await createPatient(db, teamId, "K-ARCHIVED");
  await db.execute(sql`update patients set archived_at = now() where id = ${archived.id}`);
  // Another team's patients never appear.
  const other = await createTeamWithUser(db);
  for (let i = 0; i < 5; i++) await createPatient(db, other.team.id, `K-OTHER-${i}`);
}, 120_000);

afterAll(async () => database?.dispose());

async function expectedIds(sort: (typeof SORTS)[number], code?: string): Promise<string[]> {
  const rows = await database.db.execute(sql`select p.id from patients p
    left join (select patient_id, max(taken_on) as last from assessments group by patient_id) l on l.patient_id = p.id
    where p.team_id = ${teamId} and p.archived_at is null ${code ? sql`and p.code ilike ${`%${code}%`}` : sql``}
    order by ${ORDER_BY[sort]}`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** Every page from the first, following each page's cursor; the ids in the order shown and the number of pages. */
async function walk(filters: PatientListFilters) {
  const ids: string[] = [];
  let after: PatientListCursor | undefined;
  for (let pages = 1; ; pages++) {
    const page = await listPatientsForTeam(user, { ...filters, after });
    expect(page.rows.length).toBeLessThanOrEqual(page.pageSize);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return { ids, pages, total: page.total, pageSize: page.pageSize };
    expect(page.rows).toHaveLength(page.pageSize);
    after = page.nextCursor;
  }
}

describe("the patient list pages by cursor, each patient exactly once, in order", () => {
  for (const sort of SORTS) {
    for (const code of [undefined, "k-", "1"]) {
      it(`sorted by ${sort}${code ? `, code containing "${code}"` : ""}`, async () => {
        const want = await expectedIds(sort, code);
        expect(want.length).toBeGreaterThan(code ? 10 : 80);
        const { ids, pages, total, pageSize } = await walk({ sort, code });
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(want);
        expect(total).toBe(want.length);
        expect(pages).toBe(Math.max(1, Math.ceil(want.length / pageSize)));
      });
    }
  }

  it("a patient added before the cursor while paging does not push a row onto the next page twice", async () => {
    const first = await listPatientsForTeam(user, { sort: "code" });
    await createPatient(database.db, teamId, "K-");
    const second = await listPatientsForTeam(user, { sort: "code", after: first.nextCursor! });
    const firstIds = new Set(first.rows.map((r) => r.id));
    expect(second.rows.filter((r) => firstIds.has(r.id))).toEqual([]);
    const want = await expectedIds("code");
    expect(second.rows.map((r) => r.id)).toEqual(want.slice(want.indexOf(first.rows.at(-1)!.id) + 1).slice(0, second.pageSize));
  });

  it("refuses a malformed cursor with the field and reason", () => {
    const result = patientFiltersSchema.safeParse({ after: { lastAssessedOn: "yesterday", code: "K-1", id: "not-a-uuid" } });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["after.lastAssessedOn", "after.id"]));
  });
});
