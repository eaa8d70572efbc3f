CREATE SCHEMA "registry";
--> statement-breakpoint
CREATE TYPE "registry"."asp_record_kind" AS ENUM('assignment', 'payment', 'application');--> statement-breakpoint
CREATE TYPE "registry"."household_role" AS ENUM('head', 'spouse', 'child', 'parent', 'other');--> statement-breakpoint
CREATE TYPE "registry"."income_source" AS ENUM('wage', 'pension', 'benefit', 'entrepreneur', 'alimony', 'scholarship', 'other');--> statement-breakpoint
CREATE TYPE "registry"."language" AS ENUM('ru', 'kk');--> statement-breakpoint
CREATE TYPE "registry"."property_kind" AS ENUM('real_estate', 'land', 'vehicle', 'subsidiary_farm');--> statement-breakpoint
CREATE TYPE "registry"."registration_kind" AS ENUM('permanent', 'temporary');--> statement-breakpoint
CREATE TYPE "registry"."sex" AS ENUM('M', 'F');--> statement-breakpoint
CREATE TYPE "registry"."status_kind" AS ENUM('kandas', 'refugee', 'foreigner', 'disability', 'full_time_study', 'entrepreneur', 'employed', 'imprisoned');--> statement-breakpoint
CREATE TYPE "public"."session_subject" AS ENUM('citizen', 'staff');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('specialist', 'commission', 'head', 'callcenter', 'admin');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'rejected_at_check', 'registered', 'sent_to_commission', 'survey_recorded', 'specialist_assigned', 'income_computed', 'decision_drafted', 'decision_signed', 'notice_delivered');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('portal', 'proactive', 'centre', 'akim');--> statement-breakpoint
CREATE TYPE "public"."service" AS ENUM('asp');--> statement-breakpoint
CREATE TABLE "registry"."asp_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"kind" "registry"."asp_record_kind" NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date,
	"amount" integer
);
--> statement-breakpoint
CREATE TABLE "registry"."bank_accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"iban" char(20) NOT NULL,
	"bank_code" char(3) NOT NULL,
	"opened_at" date NOT NULL,
	"closed_at" date
);
--> statement-breakpoint
CREATE TABLE "registry"."banks" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"bic" varchar(11) NOT NULL,
	"name_ru" text NOT NULL,
	"name_kk" text NOT NULL,
	"is_payment_organisation" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."households" (
	"id" bigserial PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."incomes" (
	"iin" char(12) NOT NULL,
	"month" date NOT NULL,
	"source" "registry"."income_source" NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "incomes_iin_month_source_pk" PRIMARY KEY("iin","month","source"),
	CONSTRAINT "incomes_amount_nonneg" CHECK ("registry"."incomes"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "registry"."kato" (
	"code" char(9) PRIMARY KEY NOT NULL,
	"parent_code" char(9),
	"level" integer NOT NULL,
	"name_ru" text NOT NULL,
	"name_kk" text NOT NULL,
	"is_settlement" boolean DEFAULT false NOT NULL,
	"settlement_code" char(9),
	CONSTRAINT "kato_code_digits" CHECK ("registry"."kato"."code" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "registry"."mobile_numbers" (
	"iin" char(12) PRIMARY KEY NOT NULL,
	"phone" varchar(16) NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."persons" (
	"iin" char(12) PRIMARY KEY NOT NULL,
	"last_name_ru" text NOT NULL,
	"first_name_ru" text NOT NULL,
	"patronymic_ru" text,
	"last_name_kk" text NOT NULL,
	"first_name_kk" text NOT NULL,
	"patronymic_kk" text,
	"birth_date" date NOT NULL,
	"sex" "registry"."sex" NOT NULL,
	"preferred_language" "registry"."language" DEFAULT 'ru' NOT NULL,
	"household_id" bigint,
	"household_role" "registry"."household_role",
	"death_date" date,
	CONSTRAINT "persons_iin_digits" CHECK ("registry"."persons"."iin" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "registry"."property" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"kind" "registry"."property_kind" NOT NULL,
	"description_ru" text NOT NULL,
	"description_kk" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"kind" "registry"."registration_kind" NOT NULL,
	"kato_code" char(9) NOT NULL,
	"address_ru" text NOT NULL,
	"address_kk" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "registry"."statuses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"kind" "registry"."status_kind" NOT NULL,
	"detail" text,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "yearly_parameters" (
	"year" integer NOT NULL,
	"region_kato" char(9) DEFAULT '000000000' NOT NULL,
	"mrp" integer NOT NULL,
	"subsistence_minimum" integer NOT NULL,
	"poverty_line_share" numeric(4, 3) NOT NULL,
	"poverty_line" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "yearly_parameters_year_region_kato_pk" PRIMARY KEY("year","region_kato")
);
--> statement-breakpoint
CREATE TABLE "auth_challenges" (
	"nonce" char(43) PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizen_accounts" (
	"iin" char(12) PRIMARY KEY NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "citizen_accounts_iin_digits" CHECK ("citizen_accounts"."iin" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" varchar(128) NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"code" varchar(32) PRIMARY KEY NOT NULL,
	"name_ru" text NOT NULL,
	"name_kk" text NOT NULL,
	"kato_prefix" varchar(9) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" char(64) PRIMARY KEY NOT NULL,
	"subject" "session_subject" NOT NULL,
	"citizen_iin" char(12),
	"staff_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" varchar(64),
	"user_agent" text,
	CONSTRAINT "sessions_one_subject" CHECK (("sessions"."subject" = 'citizen' AND "sessions"."citizen_iin" IS NOT NULL AND "sessions"."staff_id" IS NULL) OR ("sessions"."subject" = 'staff' AND "sessions"."staff_id" IS NOT NULL AND "sessions"."citizen_iin" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "staff_accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"login" varchar(64) NOT NULL,
	"iin" char(12) NOT NULL,
	"full_name_ru" text NOT NULL,
	"full_name_kk" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"office_code" varchar(32) NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "active_case_members" (
	"iin" char(12) PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "application_status" NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "application_members" (
	"application_id" uuid NOT NULL,
	"iin" char(12) NOT NULL,
	"relation" varchar(32) NOT NULL,
	CONSTRAINT "application_members_application_id_iin_pk" PRIMARY KEY("application_id","iin")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" "service" DEFAULT 'asp' NOT NULL,
	"applicant_iin" char(12) NOT NULL,
	"channel" "channel" NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"draft" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signed_payload" text,
	"signature" text,
	"signer_serial" varchar(80),
	"submitted_at" timestamp with time zone,
	"check_failures" jsonb,
	"kato_code" char(9),
	"registration_number" varchar(20),
	"registered_at" timestamp with time zone,
	"application_date" date,
	"due_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_registered_has_number" CHECK ("applications"."status" IN ('draft', 'rejected_at_check') OR ("applications"."registration_number" IS NOT NULL AND "applications"."due_date" IS NOT NULL AND "applications"."application_date" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"purpose" varchar(32) NOT NULL,
	"phone" varchar(16) NOT NULL,
	"code_hash" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registration_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_journal" (
	"registration_number" varchar(20) PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"applicant_iin" char(12) NOT NULL,
	"channel" "channel" NOT NULL,
	"service" "service" NOT NULL,
	"due_date" date NOT NULL,
	"registered_by" varchar(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry"."asp_records" ADD CONSTRAINT "asp_records_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."bank_accounts" ADD CONSTRAINT "bank_accounts_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."bank_accounts" ADD CONSTRAINT "bank_accounts_bank_code_banks_code_fk" FOREIGN KEY ("bank_code") REFERENCES "registry"."banks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."incomes" ADD CONSTRAINT "incomes_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."mobile_numbers" ADD CONSTRAINT "mobile_numbers_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."persons" ADD CONSTRAINT "persons_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "registry"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."property" ADD CONSTRAINT "property_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."registrations" ADD CONSTRAINT "registrations_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."registrations" ADD CONSTRAINT "registrations_kato_code_kato_code_fk" FOREIGN KEY ("kato_code") REFERENCES "registry"."kato"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."statuses" ADD CONSTRAINT "statuses_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_citizen_iin_citizen_accounts_iin_fk" FOREIGN KEY ("citizen_iin") REFERENCES "public"."citizen_accounts"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_staff_accounts_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "active_case_members" ADD CONSTRAINT "active_case_members_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_members" ADD CONSTRAINT "application_members_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_journal" ADD CONSTRAINT "registration_journal_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asp_records_iin_idx" ON "registry"."asp_records" USING btree ("iin");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_iban_uq" ON "registry"."bank_accounts" USING btree ("iban");--> statement-breakpoint
CREATE INDEX "bank_accounts_iin_idx" ON "registry"."bank_accounts" USING btree ("iin");--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_numbers_phone_uq" ON "registry"."mobile_numbers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "registry"."persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "property_iin_idx" ON "registry"."property" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "registrations_iin_idx" ON "registry"."registrations" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "registrations_kato_idx" ON "registry"."registrations" USING btree ("kato_code");--> statement-breakpoint
CREATE INDEX "statuses_iin_idx" ON "registry"."statuses" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "login_attempts_key_at_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_accounts_login_uq" ON "staff_accounts" USING btree ("login");--> statement-breakpoint
CREATE INDEX "staff_accounts_office_idx" ON "staff_accounts" USING btree ("office_code");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_members_iin_idx" ON "application_members" USING btree ("iin");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_draft_uq" ON "applications" USING btree ("applicant_iin","service") WHERE "applications"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "applications_registration_number_uq" ON "applications" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_iin");--> statement-breakpoint
CREATE INDEX "applications_status_due_idx" ON "applications" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "applications_kato_idx" ON "applications" USING btree ("kato_code");--> statement-breakpoint
CREATE INDEX "otp_codes_iin_purpose_idx" ON "otp_codes" USING btree ("iin","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_journal_application_uq" ON "registration_journal" USING btree ("application_id");