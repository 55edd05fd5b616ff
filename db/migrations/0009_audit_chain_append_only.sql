-- The audit trail's seal is append-only like the trail itself: links can be added and read, never
-- changed or removed, by anyone who connects (the app's role also lacks the privilege; see db/runtime-role.ts).
CREATE OR REPLACE FUNCTION audit_chain_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate
  BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_refuse_change();
