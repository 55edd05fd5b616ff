import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "@/db/client";

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/**
 * Differences between the stored assessment_latest (kept by the triggers of migration 0016) and a recomputation
 * from assessments: each patient's latest assessment per instrument (taken_on, then created_at, then id) with
 * the patient's team. "missing" rows are due but not stored (or stored with other values); "extra" rows are
 * stored but not due.
 */
export async function latestSummaryDifferences(db: Database): Promise<{ problem: string; patient_id: string; instrument_id: string }[]> {
  return rowsOf(
    await db.execute(sql`
      with expected as (
        select distinct on (a.patient_id, a.instrument_id)
               a.patient_id, a.instrument_id, p.team_id, a.id as assessment_id, a.taken_on, a.created_at, a.total_score, a.entered_by
        from assessments a join patients p on p.id = a.patient_id
        order by a.patient_id, a.instrument_id, a.taken_on desc, a.created_at desc, a.id desc
      ), stored as (
        select patient_id, instrument_id, team_id, assessment_id, taken_on, created_at, total_score, entered_by from assessment_latest
      )
      select 'missing' as problem, patient_id, instrument_id from (select * from expected except select * from stored) m
      union all
      select 'extra', patient_id, instrument_id from (select * from stored except select * from expected) x
      order by 2, 3, 1`),
  );
}

/** The stored summary equals the recomputation, and holds `atLeast` rows (so an empty table cannot pass by accident). */
export async function expectLatestSummaryCurrent(db: Database, atLeast = 1): Promise<void> {
  expect(await latestSummaryDifferences(db)).toEqual([]);
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from assessment_latest`));
  expect(Number(n)).toBeGreaterThanOrEqual(atLeast);
}
