import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectRows } from "./clinic-sql";

type Row = { course_id: string; changed_on: string; dose: number | string };

/**
 * The only dose titration_behind reads: each active course's dose in force today (its latest change on or
 * before today; same-day changes: the later entry). One probe of (course_id, changed_on) per active course
 * instead of every change of the team's courses.
 */
export async function readCurrentDoses(
  db: Database,
  teamId: string,
  today: string,
): Promise<{ courseId: string; changedOn: string; dose: number }[]> {
  const rows = await selectRows<Row>(
    db,
    sql`
    select c.id as course_id, d.changed_on::text as changed_on, d.dose
    from patients p
    join treatment_courses c on c.patient_id = p.id and c.status = 'active'
    cross join lateral (
      select d.changed_on, d.dose from dose_changes d
      where d.course_id = c.id and d.changed_on <= ${today}::date
      order by d.changed_on desc, d.created_at desc, d.id desc
      limit 1
    ) d
    where p.team_id = ${teamId} and p.archived_at is null`,
  );
  return rows.map((r) => ({ courseId: r.course_id, changedOn: r.changed_on, dose: Number(r.dose) }));
}
