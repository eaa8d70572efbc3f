CREATE TYPE "public"."sms_direction" AS ENUM('in', 'out');--> statement-breakpoint
CREATE TYPE "public"."sms_purpose" AS ENUM('otp', 'offer', 'reminder', 'confirmation', 'decision', 'notice', 'reply', 'inbound');--> statement-breakpoint
CREATE TYPE "public"."sms_status" AS ENUM('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'received');--> statement-breakpoint
CREATE TABLE "proactive_offers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"recipient_iin" char(12) NOT NULL,
	"phone" varchar(16) NOT NULL,
	"language" varchar(2) NOT NULL,
	"kato_code" char(9) NOT NULL,
	"per_capita_income" integer NOT NULL,
	"poverty_line" integer NOT NULL,
	"income_quarter" varchar(7) NOT NULL,
	"stage" varchar(20) NOT NULL,
	"state" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"remind_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"application_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proactive_offers_language" CHECK ("proactive_offers"."language" in ('ru', 'kk'))
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"direction" "sms_direction" NOT NULL,
	"phone" varchar(16) NOT NULL,
	"iin" char(12),
	"language" varchar(2) NOT NULL,
	"body" text NOT NULL,
	"purpose" "sms_purpose" NOT NULL,
	"status" "sms_status" NOT NULL,
	"provider_sid" varchar(64),
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"offer_id" bigint,
	"job_id" uuid,
	"generation" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_messages_direction_status" CHECK (("sms_messages"."direction" = 'in') = ("sms_messages"."status" = 'received')),
	CONSTRAINT "sms_messages_language" CHECK ("sms_messages"."language" in ('ru', 'kk'))
);
--> statement-breakpoint
CREATE TABLE "sms_opt_outs" (
	"phone" varchar(16) PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proactive_offers" ADD CONSTRAINT "proactive_offers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_offer_id_proactive_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."proactive_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proactive_offers_one_open_uq" ON "proactive_offers" USING btree ("household_id") WHERE "proactive_offers"."stage" in ('offered', 'awaiting_payment', 'awaiting_iban', 'awaiting_bank');--> statement-breakpoint
CREATE INDEX "proactive_offers_household_created_idx" ON "proactive_offers" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "proactive_offers_phone_idx" ON "proactive_offers" USING btree ("phone","id");--> statement-breakpoint
CREATE INDEX "proactive_offers_recipient_idx" ON "proactive_offers" USING btree ("recipient_iin");--> statement-breakpoint
CREATE INDEX "proactive_offers_due_idx" ON "proactive_offers" USING btree ("stage","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_provider_sid_uq" ON "sms_messages" USING btree ("provider_sid");--> statement-breakpoint
CREATE INDEX "sms_messages_outbox_idx" ON "sms_messages" USING btree ("id") WHERE "sms_messages"."status" = 'queued' and "sms_messages"."job_id" is null;--> statement-breakpoint
CREATE INDEX "sms_messages_phone_idx" ON "sms_messages" USING btree ("phone","id");--> statement-breakpoint
CREATE INDEX "sms_messages_offer_idx" ON "sms_messages" USING btree ("offer_id");