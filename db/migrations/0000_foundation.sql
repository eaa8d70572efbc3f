CREATE SCHEMA "registry";
--> statement-breakpoint
CREATE TYPE "registry"."asp_record_kind" AS ENUM('assignment', 'payment', 'application');--> statement-breakpoint
CREATE TYPE "registry"."income_source" AS ENUM('wage', 'pension', 'benefit', 'entrepreneur', 'alimony', 'scholarship', 'other');--> statement-breakpoint
CREATE TYPE "registry"."language" AS ENUM('ru', 'kk');--> statement-breakpoint
CREATE TYPE "registry"."property_kind" AS ENUM('real_estate', 'land', 'vehicle', 'subsidiary_farm');--> statement-breakpoint
CREATE TYPE "registry"."registration_kind" AS ENUM('permanent', 'temporary');--> statement-breakpoint
CREATE TYPE "registry"."sex" AS ENUM('M', 'F');--> statement-breakpoint
CREATE TYPE "registry"."status_kind" AS ENUM('kandas', 'refugee', 'foreigner', 'disability', 'full_time_study', 'entrepreneur', 'employed', 'imprisoned');--> statement-breakpoint
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
	"is_settlement" boolean DEFAULT false NOT NULL
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
	"death_date" date,
	CONSTRAINT "persons_iin_digits" CHECK ("registry"."persons"."iin" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "registry"."property" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"kind" "registry"."property_kind" NOT NULL,
	"description" text NOT NULL
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
CREATE INDEX "asp_records_iin_idx" ON "registry"."asp_records" USING btree ("iin");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_iban_uq" ON "registry"."bank_accounts" USING btree ("iban");--> statement-breakpoint
CREATE INDEX "bank_accounts_iin_idx" ON "registry"."bank_accounts" USING btree ("iin");--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_numbers_phone_uq" ON "registry"."mobile_numbers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "registry"."persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "property_iin_idx" ON "registry"."property" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "registrations_iin_idx" ON "registry"."registrations" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "registrations_kato_idx" ON "registry"."registrations" USING btree ("kato_code");--> statement-breakpoint
CREATE INDEX "statuses_iin_idx" ON "registry"."statuses" USING btree ("iin");