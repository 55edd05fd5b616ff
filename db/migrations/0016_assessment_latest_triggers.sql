-- assessment_latest holds each patient's latest assessment per instrument, with the patient's team (order: taken_on, created_at, id,
-- as lib/data/worklist-scores.ts and lib/progress/timeline.ts order scores). The database keeps it, so every
-- path that writes assessments (the forms, CSV and FHIR import, self-report, seeding, a restore's data, a
-- statement typed by hand) keeps it in the same transaction. Statement triggers with transition tables: an
-- import's 5,000-row INSERT costs one set-based upsert, not 5,000 row triggers.
--
-- INSERT merges by maximum: a pair's row is replaced only by a later assessment. A maximum does not depend on
-- the order in which concurrent inserts commit (ON CONFLICT re-reads the committed row before comparing), so
-- inserts take no extra lock. UPDATE and DELETE can make a pair's latest an older assessment: they lock the
-- pairs' rows first (a concurrent insert or edit of the same pair waits), then re-read the latest from
-- assessments in a new statement, which in READ COMMITTED sees what the other transaction committed.
CREATE FUNCTION assessment_latest_merge_inserted() RETURNS trigger AS $$
BEGIN
  INSERT INTO assessment_latest AS l (patient_id, instrument_id, team_id, assessment_id, taken_on, total_score, entered_by, created_at)
  SELECT DISTINCT ON (n.patient_id, n.instrument_id)
         n.patient_id, n.instrument_id, p.team_id, n.id, n.taken_on, n.total_score, n.entered_by, n.created_at
  FROM inserted_rows n
  JOIN patients p ON p.id = n.patient_id
  ORDER BY n.patient_id, n.instrument_id, n.taken_on DESC, n.created_at DESC, n.id DESC
  ON CONFLICT (patient_id, instrument_id) DO UPDATE
    SET team_id = excluded.team_id, assessment_id = excluded.assessment_id, taken_on = excluded.taken_on,
        total_score = excluded.total_score, entered_by = excluded.entered_by, created_at = excluded.created_at
    WHERE (excluded.taken_on, excluded.created_at, excluded.assessment_id) > (l.taken_on, l.created_at, l.assessment_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recomputes the given pairs from assessments: used after UPDATE and DELETE.
CREATE FUNCTION assessment_latest_recompute(pair_patients uuid[], pair_instruments text[]) RETURNS void AS $$
BEGIN
  PERFORM 1 FROM assessment_latest l
  JOIN unnest(pair_patients, pair_instruments) AS p(patient_id, instrument_id)
    ON p.patient_id = l.patient_id AND p.instrument_id = l.instrument_id
  ORDER BY l.patient_id, l.instrument_id
  FOR UPDATE OF l;

  INSERT INTO assessment_latest AS l (patient_id, instrument_id, team_id, assessment_id, taken_on, total_score, entered_by, created_at)
  SELECT a.patient_id, a.instrument_id, pt.team_id, a.id, a.taken_on, a.total_score, a.entered_by, a.created_at
  FROM (SELECT DISTINCT * FROM unnest(pair_patients, pair_instruments) AS p(patient_id, instrument_id)) p
  JOIN patients pt ON pt.id = p.patient_id
  CROSS JOIN LATERAL (
    SELECT x.* FROM assessments x
    WHERE x.patient_id = p.patient_id AND x.instrument_id = p.instrument_id
    ORDER BY x.taken_on DESC, x.created_at DESC, x.id DESC
    LIMIT 1
  ) a
  ON CONFLICT (patient_id, instrument_id) DO UPDATE
    SET team_id = excluded.team_id, assessment_id = excluded.assessment_id, taken_on = excluded.taken_on,
        total_score = excluded.total_score, entered_by = excluded.entered_by, created_at = excluded.created_at
    WHERE (l.team_id, l.assessment_id, l.taken_on, l.total_score, l.entered_by, l.created_at)
      IS DISTINCT FROM (excluded.team_id, excluded.assessment_id, excluded.taken_on, excluded.total_score, excluded.entered_by, excluded.created_at);

  -- A pair left without assessments (only a DELETE, or an UPDATE of patient_id or instrument_id, which the app
  -- never makes) loses its row. Checked first, so a role without DELETE on the table never needs it otherwise.
  IF EXISTS (
    SELECT 1 FROM assessment_latest l
    JOIN unnest(pair_patients, pair_instruments) AS p(patient_id, instrument_id)
      ON p.patient_id = l.patient_id AND p.instrument_id = l.instrument_id
    WHERE NOT EXISTS (SELECT 1 FROM assessments x WHERE x.patient_id = l.patient_id AND x.instrument_id = l.instrument_id)
  ) THEN
    DELETE FROM assessment_latest l
    USING unnest(pair_patients, pair_instruments) AS p(patient_id, instrument_id)
    WHERE p.patient_id = l.patient_id AND p.instrument_id = l.instrument_id
      AND NOT EXISTS (SELECT 1 FROM assessments x WHERE x.patient_id = l.patient_id AND x.instrument_id = l.instrument_id);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION assessment_latest_recompute_updated() RETURNS trigger AS $$
DECLARE
  patients_of uuid[];
  instruments_of text[];
BEGIN
  -- Only pairs whose rows changed in a field the order or the copy reads.
  SELECT array_agg(p.patient_id), array_agg(p.instrument_id) INTO patients_of, instruments_of
  FROM (
    SELECT o.patient_id, o.instrument_id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.patient_id, o.instrument_id, o.taken_on, o.created_at, o.total_score, o.entered_by)
      IS DISTINCT FROM (n.patient_id, n.instrument_id, n.taken_on, n.created_at, n.total_score, n.entered_by)
    UNION
    SELECT n.patient_id, n.instrument_id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.patient_id, o.instrument_id, o.taken_on, o.created_at, o.total_score, o.entered_by)
      IS DISTINCT FROM (n.patient_id, n.instrument_id, n.taken_on, n.created_at, n.total_score, n.entered_by)
  ) p;
  IF patients_of IS NOT NULL THEN
    PERFORM assessment_latest_recompute(patients_of, instruments_of);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION assessment_latest_recompute_deleted() RETURNS trigger AS $$
DECLARE
  patients_of uuid[];
  instruments_of text[];
BEGIN
  SELECT array_agg(p.patient_id), array_agg(p.instrument_id) INTO patients_of, instruments_of
  FROM (SELECT DISTINCT o.patient_id, o.instrument_id FROM old_rows o) p;
  IF patients_of IS NOT NULL THEN
    PERFORM assessment_latest_recompute(patients_of, instruments_of);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION assessment_latest_clear() RETURNS trigger AS $$
BEGIN
  DELETE FROM assessment_latest;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A patient moved to another team (the app never moves one) takes its rows along.
CREATE FUNCTION assessment_latest_follow_team() RETURNS trigger AS $$
BEGIN
  UPDATE assessment_latest l SET team_id = n.team_id
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE l.patient_id = n.id AND o.team_id IS DISTINCT FROM n.team_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessment_latest_after_insert AFTER INSERT ON assessments
  REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_latest_merge_inserted();
--> statement-breakpoint
CREATE TRIGGER assessment_latest_after_update AFTER UPDATE ON assessments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_latest_recompute_updated();
--> statement-breakpoint
CREATE TRIGGER assessment_latest_after_delete AFTER DELETE ON assessments
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_latest_recompute_deleted();
--> statement-breakpoint
CREATE TRIGGER assessment_latest_after_truncate AFTER TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_latest_clear();
--> statement-breakpoint
CREATE TRIGGER assessment_latest_after_patient_update AFTER UPDATE ON patients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_latest_follow_team();
--> statement-breakpoint
-- The assessments written before this migration.
INSERT INTO assessment_latest (patient_id, instrument_id, team_id, assessment_id, taken_on, total_score, entered_by, created_at)
SELECT DISTINCT ON (a.patient_id, a.instrument_id)
       a.patient_id, a.instrument_id, p.team_id, a.id, a.taken_on, a.total_score, a.entered_by, a.created_at
FROM assessments a
JOIN patients p ON p.id = a.patient_id
ORDER BY a.patient_id, a.instrument_id, a.taken_on DESC, a.created_at DESC, a.id DESC;
