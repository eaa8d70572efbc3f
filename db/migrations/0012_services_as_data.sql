-- Services as data (ADR 013): the service is a key checked by the application against its
-- definitions, no longer a database enum; the journal counter is per service and year; one live case
-- per person per service (ADR 001 revised); offers belong to a service.
ALTER TABLE "applications" ALTER COLUMN "service" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "service" SET DATA TYPE varchar(32) USING "service"::text;--> statement-breakpoint
ALTER TABLE "registration_journal" ALTER COLUMN "service" SET DATA TYPE varchar(32) USING "service"::text;--> statement-breakpoint
DROP TYPE "public"."service";--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_service_key" CHECK ("applications"."service" ~ '^[a-z][a-z0-9_-]{1,31}$');--> statement-breakpoint
ALTER TABLE "registration_counters" ADD COLUMN "service" varchar(32);--> statement-breakpoint
UPDATE "registration_counters" SET "service" = 'asp';--> statement-breakpoint
ALTER TABLE "registration_counters" ALTER COLUMN "service" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_counters" DROP CONSTRAINT "registration_counters_pkey";--> statement-breakpoint
ALTER TABLE "registration_counters" ADD CONSTRAINT "registration_counters_pkey" PRIMARY KEY ("service", "year");--> statement-breakpoint
ALTER TABLE "active_case_members" ADD COLUMN "service" varchar(32);--> statement-breakpoint
UPDATE "active_case_members" c SET "service" = a."service" FROM "applications" a WHERE a."id" = c."application_id";--> statement-breakpoint
ALTER TABLE "active_case_members" ALTER COLUMN "service" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "active_case_members" DROP CONSTRAINT "active_case_members_pkey";--> statement-breakpoint
ALTER TABLE "active_case_members" ADD CONSTRAINT "active_case_members_pkey" PRIMARY KEY ("service", "iin");--> statement-breakpoint
CREATE INDEX "active_case_members_iin_idx" ON "active_case_members" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "active_case_members_application_idx" ON "active_case_members" USING btree ("application_id");--> statement-breakpoint
ALTER TABLE "proactive_offers" ADD COLUMN "service" varchar(32) DEFAULT 'asp' NOT NULL;--> statement-breakpoint
ALTER TABLE "proactive_offers" ALTER COLUMN "service" DROP DEFAULT;--> statement-breakpoint
DROP INDEX "proactive_offers_one_open_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "proactive_offers_one_open_uq" ON "proactive_offers" USING btree ("service","household_id") WHERE "proactive_offers"."stage" in ('offered', 'awaiting_payment', 'awaiting_iban', 'awaiting_bank');
