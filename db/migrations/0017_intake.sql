-- Intake at the employment Centre and by the village akim (issue 16, ADR 018; seed 000 Annex 12
-- items 1, 3, 5; clause 12 sub-item 2; seed 001 clauses 2 and 9).
--
-- * Two staff roles: the Centre specialist and the akim's office, each filing on a citizen's behalf.
-- * applications.sms_language: the language the person chose when applying (the portal page's
--   language; asked at the Centre / akim desk), which decision SMS are written in.
-- * intakes: which office and which staff member is filing a paper application (ownership of the
--   draft before it is registered, and the name on the talon).
-- * intake_scans: the scanned paper documents and the scanned paper consent; rows are only added
--   (runtime role: INSERT and SELECT, db/roles.ts APPEND_ONLY_TABLES).
-- * The akim's forwarding of the package to the district body is a self-transition of a registered
--   case (seed 001 clause 9, action 4), listed in workflow_transitions like every other step.
ALTER TYPE "staff_role" ADD VALUE IF NOT EXISTS 'centre_specialist';
--> statement-breakpoint
ALTER TYPE "staff_role" ADD VALUE IF NOT EXISTS 'akim';
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "sms_language" varchar(2);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_sms_language" CHECK ("sms_language" IS NULL OR "sms_language" IN ('ru', 'kk'));
--> statement-breakpoint
ALTER TABLE "case_transitions" ALTER COLUMN "actor_role" TYPE varchar(32);
--> statement-breakpoint
CREATE TABLE "intakes" (
	"application_id" uuid PRIMARY KEY NOT NULL REFERENCES "applications"("id"),
	"office_code" varchar(32) NOT NULL REFERENCES "offices"("code"),
	"staff_id" bigint NOT NULL REFERENCES "staff_accounts"("id"),
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "intakes_office_idx" ON "intakes" ("office_code", "created_at");
--> statement-breakpoint
CREATE TABLE "intake_scans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"kind" varchar(16) NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"mime_type" varchar(32) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"bytes" bytea NOT NULL,
	"uploaded_by" bigint NOT NULL REFERENCES "staff_accounts"("id"),
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "intake_scans_kind" CHECK ("kind" IN ('document', 'consent')),
	CONSTRAINT "intake_scans_mime" CHECK ("mime_type" IN ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "intake_scans_size" CHECK ("size_bytes" > 0 AND "size_bytes" <= 5242880 AND octet_length("bytes") = "size_bytes"),
	CONSTRAINT "intake_scans_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "intake_scans_application_idx" ON "intake_scans" ("application_id");
--> statement-breakpoint
INSERT INTO "workflow_transitions" ("from_status", "action", "to_status") VALUES ('registered', 'forward_to_district', 'registered');
