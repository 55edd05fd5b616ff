-- Kept versions are the record of what a correction replaced: like the audit trail, rows can be added
-- and read, never changed or removed, by anyone who connects, the app's own role included.
CREATE OR REPLACE FUNCTION record_versions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'record_versions is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER record_versions_no_update_or_delete
  BEFORE UPDATE OR DELETE ON record_versions
  FOR EACH ROW EXECUTE FUNCTION record_versions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_versions_no_truncate
  BEFORE TRUNCATE ON record_versions
  FOR EACH STATEMENT EXECUTE FUNCTION record_versions_refuse_change();
