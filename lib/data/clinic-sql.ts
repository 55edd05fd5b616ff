import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { InstrumentId } from "@/lib/instruments/types";

export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? [])) as T[];
}

export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/**
 * lib/progress/timeline.ts's rule in SQL, one row per course of the team matching `where` (aliases c = course,
 * p = patient): the baseline is the chosen score on the instrument, else the last on or before the start
 * (ties: the later entry, then the larger id, as the timeline's input order when read by id); the follow-up is
 * the first score after the start and after the baseline's day, within the course's dates, at least
 * `weeks` × 7 days after the start (same ordering). tests/integration/clinic-caseload.test.ts proves agreement.
 */
export function coursePointsSql(teamId: string, instrumentId: InstrumentId, weeks: number, where: SQL = sql`true`): SQL {
  return sql`
    select c.id as course_id, c.patient_id, p.code, p.sex, p.birth_year, c.start_date::text as start_date, c.status,
           b.id as baseline_id, b.taken_on::text as baseline_on, b.total_score as baseline_total,
           f.id as follow_up_id, f.taken_on::text as follow_up_on, f.total_score as follow_up_total,
           (f.taken_on - c.start_date) as follow_up_days
    from treatment_courses c
    join patients p on p.id = c.patient_id
    left join lateral (
      select s.id, s.taken_on, s.total_score
      from assessments s
      left join course_baselines cb on cb.course_id = c.id and cb.instrument_id = ${instrumentId} and cb.assessment_id = s.id
      where s.patient_id = c.patient_id and s.instrument_id = ${instrumentId}
        and (cb.assessment_id is not null or s.taken_on <= c.start_date)
      order by (cb.assessment_id is null), s.taken_on desc, s.created_at desc, s.id desc
      limit 1
    ) b on true
    left join lateral (
      select s.id, s.taken_on, s.total_score
      from assessments s
      where b.id is not null and s.patient_id = c.patient_id and s.instrument_id = ${instrumentId} and s.id <> b.id
        and s.taken_on > greatest(c.start_date, b.taken_on)
        and (c.end_date is null or s.taken_on <= c.end_date)
        and (s.taken_on - c.start_date) >= ${7 * weeks}::float8
      order by s.taken_on, s.created_at, s.id
      limit 1
    ) f on true
    where p.team_id = ${teamId} and ${where}`;
}
