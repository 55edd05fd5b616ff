-- The recorded outcomes of full checks of the audit chain are append-only like the chain itself: a
-- check can be added and read, never changed or removed, so "intact at 14:00" cannot be rewritten
-- after the fact (the app's role also lacks the privilege; see db/runtime-role.ts).
CREATE OR REPLACE FUNCTION audit_chain_checks_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_checks is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_chain_checks_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_chain_checks
  FOR EACH ROW EXECUTE FUNCTION audit_chain_checks_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_checks_no_truncate
  BEFORE TRUNCATE ON audit_chain_checks
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_checks_refuse_change();
