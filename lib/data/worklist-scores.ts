import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectRows } from "./clinic-sql";
import type { WorklistScoreRow } from "./worklist";

type Row = {
  id: string;
  patient_id: string;
  instrument_id: string;
  taken_on: string;
  total_score: number | string;
  created_ms: number | string;
  entered_by: string;
  entered_by_name: string;
};

/**
 * The only scores the worklist's rules can read, instead of every score of the team (about 50 a patient):
 * - each patient's latest score on each instrument (ties: the later entry, then the larger id): the patient's
 *   latest assessment (acknowledgements, the clinician filter, follow-up overdue), which instruments a patient
 *   has scores on, and the latest follow-up of an active course's timeline (active courses have no end date,
 *   so their latest follow-up is the latest score when it falls after the start and the baseline's day);
 * - for each active course and instrument, the last score on or before the start (the baseline without a choice);
 * - each active course's chosen baselines.
 * The rules (lib/worklist) read a timeline's baseline and latest follow-up only, never the ones between, and a
 * subset of real scores that holds these extremes yields the same baseline and latest follow-up
 * (tests/integration/worklist-sameness.test.ts compares with reading every score). Stopped courses need no
 * scores: only severe adverse events are reported for them. Oldest first, as lib/progress/timeline.ts orders.
 * The latest scores are read from assessment_latest (one row per patient and instrument, kept by the database's
 * triggers on assessments, migration 0016) instead of probing every instrument of every patient; the baselines
 * before a start are one probe of (patient_id, instrument_id, taken_on) each.
 */
export async function readWorklistScores(db: Database, teamId: string): Promise<WorklistScoreRow[]> {
  const rows = await selectRows<Row>(
    db,
    sql`
    with team_patients as materialized (
      select id from patients where team_id = ${teamId} and archived_at is null
    ),
    latest as materialized (
      select l.assessment_id as id, l.patient_id, l.instrument_id, l.taken_on, l.total_score, l.created_at, l.entered_by
      from assessment_latest l
      where l.team_id = ${teamId}
    ),
    picked as (
      select * from latest
      union
      -- Probed only where the patient has scores on the instrument after the start (else the latest is it).
      select s.*
      from latest l
      join treatment_courses c on c.patient_id = l.patient_id and c.status = 'active' and l.taken_on > c.start_date
      cross join lateral (
        select a.id, a.patient_id, a.instrument_id, a.taken_on, a.total_score, a.created_at, a.entered_by from assessments a
        where a.patient_id = c.patient_id and a.instrument_id = l.instrument_id and a.taken_on <= c.start_date
        order by a.taken_on desc, a.created_at desc, a.id desc
        limit 1
      ) s
      union
      select a.id, a.patient_id, a.instrument_id, a.taken_on, a.total_score, a.created_at, a.entered_by
      from course_baselines b
      join treatment_courses c on c.id = b.course_id
      join team_patients tp on tp.id = c.patient_id
      join assessments a on a.id = b.assessment_id and a.patient_id = c.patient_id
      where c.status = 'active'
    )
    select a.id, a.patient_id, a.instrument_id, a.taken_on::text as taken_on, a.total_score,
           extract(epoch from a.created_at) * 1000 as created_ms, a.entered_by, u.display_name as entered_by_name
    from picked a
    join team_patients tp on tp.id = a.patient_id
    join users u on u.id = a.entered_by
    order by a.taken_on, a.created_at, a.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    instrumentId: r.instrument_id,
    takenOn: r.taken_on,
    totalScore: Number(r.total_score),
    createdAt: new Date(Number(r.created_ms)),
    enteredBy: r.entered_by,
    enteredByName: r.entered_by_name,
  }));
}
