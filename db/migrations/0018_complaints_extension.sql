-- Issue 16b (ADR 019): complaints about a case, tracked to a signed answer, and the signed extension
-- notice of a request to other agencies (Annex 12 item 3).
--
-- LEAST-PRIVILEGE ROLE: `complaint_events` is append-only (db/roles.ts APPEND_ONLY_TABLES; the
-- triggers below refuse UPDATE, DELETE and TRUNCATE for every role anyway). `complaints` moves
-- registered → under_review → answered; once answered (signed) it can no longer change (trigger).
ALTER TABLE "other_agency_requests" ADD COLUMN "notice_payload" text;
--> statement-breakpoint
ALTER TABLE "other_agency_requests" ADD COLUMN "notice_signature" text;
--> statement-breakpoint
ALTER TABLE "other_agency_requests" ADD COLUMN "signer_iin" char(12);
--> statement-breakpoint
ALTER TABLE "other_agency_requests" ADD COLUMN "signer_name" text;
--> statement-breakpoint
ALTER TABLE "other_agency_requests" ADD COLUMN "signer_serial" varchar(80);
--> statement-breakpoint
CREATE TYPE "complaint_channel" AS ENUM ('cabinet', 'callcenter', 'paper');
--> statement-breakpoint
CREATE TYPE "complaint_status" AS ENUM ('registered', 'under_review', 'answered');
--> statement-breakpoint
CREATE TABLE "complaint_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(20) NOT NULL,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"applicant_iin" char(12) NOT NULL,
	"channel" "complaint_channel" NOT NULL,
	"status" "complaint_status" DEFAULT 'registered' NOT NULL,
	"text" text NOT NULL,
	"language" varchar(2) NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"registered_on" date NOT NULL,
	"answer_due" date NOT NULL,
	"rule_source" text NOT NULL,
	"accepted_by" bigint REFERENCES "staff_accounts"("id"),
	"accepted_by_name_ru" text NOT NULL,
	"accepted_by_name_kk" text NOT NULL,
	"office_code" varchar(32) REFERENCES "offices"("code"),
	"submit_key" varchar(64),
	"answer_draft" text,
	"answer_payload" text,
	"answer_signature" text,
	"signer_iin" char(12),
	"signer_name" text,
	"signer_serial" varchar(80),
	"answered_by" bigint REFERENCES "staff_accounts"("id"),
	"answered_at" timestamp with time zone,
	CONSTRAINT "complaints_text_length" CHECK (length(btrim("text")) BETWEEN 1 AND 2000),
	CONSTRAINT "complaints_language" CHECK ("language" IN ('ru', 'kk')),
	CONSTRAINT "complaints_answered_signed" CHECK ("status" <> 'answered' OR ("answer_signature" IS NOT NULL AND "answer_payload" IS NOT NULL AND "signer_iin" IS NOT NULL AND "answered_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_number_uq" ON "complaints" USING btree ("number");
--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_submit_key_uq" ON "complaints" USING btree ("applicant_iin", "submit_key");
--> statement-breakpoint
CREATE INDEX "complaints_application_idx" ON "complaints" USING btree ("application_id");
--> statement-breakpoint
CREATE INDEX "complaints_applicant_idx" ON "complaints" USING btree ("applicant_iin");
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL REFERENCES "complaints"("id"),
	"at" timestamp with time zone NOT NULL,
	"event" varchar(24) NOT NULL,
	"actor_label" varchar(64) NOT NULL,
	"actor_role" varchar(16) NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id", "id");
--> statement-breakpoint
CREATE TRIGGER complaint_events_append_only BEFORE UPDATE OR DELETE ON complaint_events FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER complaint_events_no_truncate BEFORE TRUNCATE ON complaint_events FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE FUNCTION komek_complaint_answered_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'answered' THEN
    RAISE EXCEPTION 'complaint % is answered and signed; it cannot change', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER complaints_answered_frozen BEFORE UPDATE OR DELETE ON complaints FOR EACH ROW EXECUTE FUNCTION komek_complaint_answered_frozen();
