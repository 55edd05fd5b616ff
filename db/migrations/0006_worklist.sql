CREATE TABLE "worklist_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"acknowledged_by" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"latest_assessment_id" uuid,
	"latest_assessment_on" date,
	CONSTRAINT "worklist_acknowledgements_reason_valid" CHECK (reason in ('follow_up_overdue', 'no_baseline', 'past_trial_timepoint', 'worsening', 'severe_adverse_event', 'titration_behind')),
	CONSTRAINT "worklist_acknowledgements_note_not_blank" CHECK (length(trim("worklist_acknowledgements"."note")) > 0)
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "follow_up_weeks" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "worklist_acknowledgements" ADD CONSTRAINT "worklist_acknowledgements_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_acknowledgements" ADD CONSTRAINT "worklist_acknowledgements_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_acknowledgements" ADD CONSTRAINT "worklist_acknowledgements_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_acknowledgements" ADD CONSTRAINT "worklist_acknowledgements_latest_assessment_id_assessments_id_fk" FOREIGN KEY ("latest_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worklist_acknowledgements_team_idx" ON "worklist_acknowledgements" USING btree ("team_id","patient_id","reason");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_follow_up_weeks_range" CHECK ("teams"."follow_up_weeks" between 1 and 52);