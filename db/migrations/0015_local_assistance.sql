-- Local social assistance (issue 14, ADR 014): registry facts the district rule sets ask about
-- (disability group, benefit category, pension, probation, socially significant disease, stove
-- heating, sole dwelling, multi-child family …; kinds in db/schema/fact-kinds.ts). Read-only for the
-- portal in spirit: only the seed and the registry stand-in write it.
CREATE TABLE "registry"."person_facts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" char(12) NOT NULL,
	"kind" text NOT NULL,
	"value" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	CONSTRAINT "person_facts_period" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from")
);
--> statement-breakpoint
ALTER TABLE "registry"."person_facts" ADD CONSTRAINT "person_facts_iin_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "registry"."persons"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_facts_kind_value_idx" ON "registry"."person_facts" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "person_facts_iin_idx" ON "registry"."person_facts" USING btree ("iin");
--> statement-breakpoint
-- The act and category a local-assistance case is filed under, and the applicant's scanned documents.
CREATE TABLE "local_cases" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"district_kato" char(9) NOT NULL,
	"act_number" varchar(20) NOT NULL,
	"act_date" date NOT NULL,
	"category_code" varchar(16) NOT NULL,
	"event_date" date,
	"commission_amount_tiyn" bigint
);
--> statement-breakpoint
ALTER TABLE "local_cases" ADD CONSTRAINT "local_cases_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_cases_category_idx" ON "local_cases" USING btree ("district_kato","category_code");--> statement-breakpoint
CREATE TABLE "local_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"doc_code" varchar(40) NOT NULL,
	"file_name" text NOT NULL,
	"content_type" varchar(40) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"content" bytea NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "local_documents_type" CHECK ("content_type" IN ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "local_documents_size" CHECK ("size_bytes" > 0 AND "size_bytes" <= 5242880),
	CONSTRAINT "local_documents_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "local_documents" ADD CONSTRAINT "local_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_documents_application_idx" ON "local_documents" USING btree ("application_id");
