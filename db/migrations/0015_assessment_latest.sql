CREATE TABLE "assessment_latest" (
	"patient_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"team_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"total_score" double precision NOT NULL,
	"entered_by" uuid NOT NULL,
	CONSTRAINT "assessment_latest_patient_id_instrument_id_pk" PRIMARY KEY("patient_id","instrument_id")
);
--> statement-breakpoint
CREATE INDEX "assessment_latest_team_idx" ON "assessment_latest" USING btree ("team_id","patient_id","instrument_id","taken_on","created_at","assessment_id","total_score","entered_by");