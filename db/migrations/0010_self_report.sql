CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_report_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"course_id" uuid,
	"schedule_id" uuid,
	"schedule_sequence" integer,
	"instruments" text[] NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"emailed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_report_links_instruments_valid" CHECK (cardinality(instruments) between 1 and 4 and instruments <@ array['fiqr', 'pain_nrs_0_10', 'irls', 'pgic']::text[]),
	CONSTRAINT "self_report_links_token_hash_format" CHECK ("self_report_links"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "self_report_links_expires_after_creation" CHECK ("self_report_links"."expires_at" > "self_report_links"."created_at"),
	CONSTRAINT "self_report_links_schedule_sequence" CHECK (("self_report_links"."schedule_id" is null) = ("self_report_links"."schedule_sequence" is null))
);
--> statement-breakpoint
CREATE TABLE "self_report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"instruments" text[] NOT NULL,
	"interval_weeks" integer NOT NULL,
	"valid_days" integer NOT NULL,
	"email" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "self_report_schedules_instruments_valid" CHECK (cardinality(instruments) between 1 and 4 and instruments <@ array['fiqr', 'pain_nrs_0_10', 'irls', 'pgic']::text[]),
	CONSTRAINT "self_report_schedules_interval_range" CHECK ("self_report_schedules"."interval_weeks" between 1 and 26),
	CONSTRAINT "self_report_schedules_valid_within_interval" CHECK ("self_report_schedules"."valid_days" between 1 and "self_report_schedules"."interval_weeks" * 7),
	CONSTRAINT "self_report_schedules_email_only_while_running" CHECK ("self_report_schedules"."ended_at" is null or "self_report_schedules"."email" is null)
);
--> statement-breakpoint
ALTER TABLE "worklist_acknowledgements" DROP CONSTRAINT "worklist_acknowledgements_reason_valid";--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "source" text DEFAULT 'clinician' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "self_report_link_id" uuid;--> statement-breakpoint
ALTER TABLE "self_report_links" ADD CONSTRAINT "self_report_links_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_links" ADD CONSTRAINT "self_report_links_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_links" ADD CONSTRAINT "self_report_links_course_id_treatment_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."treatment_courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_links" ADD CONSTRAINT "self_report_links_schedule_id_self_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."self_report_schedules"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_links" ADD CONSTRAINT "self_report_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_links" ADD CONSTRAINT "self_report_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_schedules" ADD CONSTRAINT "self_report_schedules_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_schedules" ADD CONSTRAINT "self_report_schedules_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_schedules" ADD CONSTRAINT "self_report_schedules_course_id_treatment_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."treatment_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_schedules" ADD CONSTRAINT "self_report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "self_report_links_token_hash_unique" ON "self_report_links" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "self_report_links_schedule_sequence_unique" ON "self_report_links" USING btree ("schedule_id","schedule_sequence");--> statement-breakpoint
CREATE INDEX "self_report_links_patient_idx" ON "self_report_links" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "self_report_links_team_open_idx" ON "self_report_links" USING btree ("team_id") WHERE "self_report_links"."used_at" is null and "self_report_links"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "self_report_schedules_active_idx" ON "self_report_schedules" USING btree ("ended_at");--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_self_report_link_id_self_report_links_id_fk" FOREIGN KEY ("self_report_link_id") REFERENCES "public"."self_report_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_source_valid" CHECK (source in ('clinician', 'self_report'));--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_link_only_when_self_reported" CHECK ("assessments"."source" = 'self_report' or "assessments"."self_report_link_id" is null);--> statement-breakpoint
ALTER TABLE "worklist_acknowledgements" ADD CONSTRAINT "worklist_acknowledgements_reason_valid" CHECK (reason in ('follow_up_overdue', 'no_baseline', 'past_trial_timepoint', 'worsening', 'severe_adverse_event', 'titration_behind', 'self_report_unanswered'));