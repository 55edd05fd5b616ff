CREATE TABLE "audit_chain_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"duration_ms" integer NOT NULL,
	"through_seq" bigint NOT NULL,
	"head_hash" text,
	"rows_checked" bigint NOT NULL,
	"intact" boolean NOT NULL,
	"broken_seq" bigint,
	"broken_audit_id" bigint,
	"broken_reason" text,
	"ran_by" text NOT NULL,
	"ran_by_user_id" uuid,
	CONSTRAINT "audit_chain_checks_ran_by" CHECK (ran_by in ('cli', 'background', 'admin')),
	CONSTRAINT "audit_chain_checks_outcome" CHECK ("audit_chain_checks"."intact" = ("audit_chain_checks"."broken_reason" is null))
);
--> statement-breakpoint
CREATE INDEX "audit_chain_checks_checked_at_idx" ON "audit_chain_checks" USING btree ("checked_at");