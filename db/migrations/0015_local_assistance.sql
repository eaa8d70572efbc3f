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
