CREATE TYPE "public"."actor_kind" AS ENUM('staff', 'system', 'applicant');--> statement-breakpoint
CREATE TYPE "public"."survey_conclusion" AS ENUM('needy', 'not_needy');--> statement-breakpoint
CREATE TYPE "public"."decision_kind" AS ENUM('assignment', 'refusal');--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_staff_id" bigint,
	"actor_label" varchar(64) NOT NULL,
	"actor_role" varchar(16) NOT NULL,
	"action" varchar(40) NOT NULL,
	"from_status" "application_status" NOT NULL,
	"to_status" "application_status" NOT NULL,
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "decision_kind" NOT NULL,
	"amount_tiyn" bigint,
	"period_from" char(7),
	"period_to" char(7),
	"grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ground_event_date" date,
	"calculation_id" bigint,
	"drafted_by" bigint NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decisions_shape" CHECK (("decisions"."kind" = 'assignment' AND "decisions"."amount_tiyn" > 0 AND "decisions"."period_from" IS NOT NULL AND "decisions"."period_to" IS NOT NULL)
       OR ("decisions"."kind" = 'refusal' AND jsonb_array_length("decisions"."grounds") > 0))
);
--> statement-breakpoint
CREATE TABLE "income_calculations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"quarter_from" date NOT NULL,
	"quarter_to" date NOT NULL,
	"members" jsonb NOT NULL,
	"incomes" jsonb NOT NULL,
	"correction_ids" jsonb NOT NULL,
	"total_tenge" integer NOT NULL,
	"per_capita_tiyn" bigint NOT NULL,
	"poverty_year" integer NOT NULL,
	"poverty_line_tenge" integer NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"low_income" boolean NOT NULL,
	"computed_by" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "income_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"iin" char(12),
	"month" date,
	"source" varchar(32),
	"delta" integer,
	"replace_with" integer,
	"reason" text NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "income_corrections_reason" CHECK (length(btrim("income_corrections"."reason")) > 0),
	CONSTRAINT "income_corrections_one_amount" CHECK (("income_corrections"."delta" IS NULL) <> ("income_corrections"."replace_with" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"decision_id" bigint NOT NULL,
	"registration_number" varchar(20) NOT NULL,
	"verification_code" varchar(16) NOT NULL,
	"payload" text,
	"signature" text,
	"signer_iin" char(12),
	"signer_name" text,
	"signer_serial" varchar(80),
	"signed_by" bigint,
	"signed_at" timestamp with time zone,
	"text_ru" text,
	"text_kk" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notices_signed_complete" CHECK ("notices"."signature" IS NULL OR ("notices"."payload" IS NOT NULL AND "notices"."signer_iin" IS NOT NULL AND "notices"."signed_at" IS NOT NULL AND "notices"."text_ru" IS NOT NULL AND "notices"."text_kk" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "other_agency_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"requested_on" date NOT NULL,
	"extended_days" integer NOT NULL,
	"due_before" date NOT NULL,
	"due_after" date NOT NULL,
	"notify_by" date NOT NULL,
	"requested_by" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	"notified_by" bigint,
	"notice_ru" text,
	"notice_kk" text,
	CONSTRAINT "other_agency_requests_days" CHECK ("other_agency_requests"."extended_days" BETWEEN 1 AND 30)
);
--> statement-breakpoint
CREATE TABLE "specialist_assignments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"specialist_id" bigint NOT NULL,
	"assigned_by" bigint NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_reminders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"staff_id" bigint NOT NULL,
	"application_id" uuid NOT NULL,
	"for_date" date NOT NULL,
	"due_date" date NOT NULL,
	"working_days_left" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_acts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"surveyed_on" date NOT NULL,
	"members_present" text NOT NULL,
	"living_conditions" text NOT NULL,
	"property_seen" text NOT NULL,
	"conclusion" "survey_conclusion" NOT NULL,
	"notes" text,
	"recorded_by" bigint NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_transitions" (
	"from_status" "application_status" NOT NULL,
	"action" varchar(40) NOT NULL,
	"to_status" "application_status" NOT NULL,
	CONSTRAINT "workflow_transitions_from_status_action_pk" PRIMARY KEY("from_status","action")
);
--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_actor_staff_id_staff_accounts_id_fk" FOREIGN KEY ("actor_staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_calculation_id_income_calculations_id_fk" FOREIGN KEY ("calculation_id") REFERENCES "public"."income_calculations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_drafted_by_staff_accounts_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_calculations" ADD CONSTRAINT "income_calculations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_calculations" ADD CONSTRAINT "income_calculations_computed_by_staff_accounts_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_corrections" ADD CONSTRAINT "income_corrections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_corrections" ADD CONSTRAINT "income_corrections_created_by_staff_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_signed_by_staff_accounts_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_agency_requests" ADD CONSTRAINT "other_agency_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_agency_requests" ADD CONSTRAINT "other_agency_requests_requested_by_staff_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_agency_requests" ADD CONSTRAINT "other_agency_requests_notified_by_staff_accounts_id_fk" FOREIGN KEY ("notified_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_assignments" ADD CONSTRAINT "specialist_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_assignments" ADD CONSTRAINT "specialist_assignments_specialist_id_staff_accounts_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_assignments" ADD CONSTRAINT "specialist_assignments_assigned_by_staff_accounts_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_reminders" ADD CONSTRAINT "staff_reminders_staff_id_staff_accounts_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_reminders" ADD CONSTRAINT "staff_reminders_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_acts" ADD CONSTRAINT "survey_acts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_acts" ADD CONSTRAINT "survey_acts_recorded_by_staff_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_transitions_application_idx" ON "case_transitions" USING btree ("application_id","at","id");--> statement-breakpoint
CREATE INDEX "decisions_application_idx" ON "decisions" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "income_calculations_application_idx" ON "income_calculations" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "income_corrections_application_idx" ON "income_corrections" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_verification_code_uq" ON "notices" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_signed_application_uq" ON "notices" USING btree ("application_id") WHERE "notices"."signature" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notices_application_idx" ON "notices" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "other_agency_requests_application_idx" ON "other_agency_requests" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "specialist_assignments_application_idx" ON "specialist_assignments" USING btree ("application_id","assigned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_reminders_once_uq" ON "staff_reminders" USING btree ("staff_id","application_id","for_date");--> statement-breakpoint
CREATE INDEX "staff_reminders_staff_idx" ON "staff_reminders" USING btree ("staff_id","for_date");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_acts_application_uq" ON "survey_acts" USING btree ("application_id");