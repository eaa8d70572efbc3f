-- Holiday and by-list payments of local social assistance (issue 14, ADR 017; seed 003 clauses 5, 7,
-- 8.7, 8.10, 10, 17): lists generated from registry facts for one district, occasion (or by-list needs
-- category) and period, reviewed and approved by the head with ЭЦП; the approval creates one decision
-- per recipient (no application) and one grant per recipient and category.
--
-- The rule "nobody is paid twice for the same occasion and category" is the unique index
-- local_grants_once_uq below, not code: two approvals at once cannot both write a grant.
--
-- LEAST-PRIVILEGE ROLE: local_decisions and local_grants are append-only (triggers below; db/roles.ts
-- APPEND_ONLY_TABLES). Lists and entries move through review and need UPDATE, never DELETE.
CREATE TABLE "local_lists" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"district_kato" char(9) NOT NULL,
	"act_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject" varchar(16) NOT NULL,
	"period" varchar(16) NOT NULL,
	"reference_day" date NOT NULL,
	"planned_payment_date" date NOT NULL,
	"status" text DEFAULT 'generated' NOT NULL,
	"progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"generation_started_at" timestamp with time zone,
	"generation_finished_at" timestamp with time zone,
	"generation_error" text,
	"generated_by" bigint REFERENCES "staff_accounts"("id"),
	"generated_at" timestamp with time zone NOT NULL,
	"reviewed_by" bigint REFERENCES "staff_accounts"("id"),
	"reviewed_at" timestamp with time zone,
	"approved_by" bigint REFERENCES "staff_accounts"("id"),
	"approved_at" timestamp with time zone,
	"approved_on" date,
	"approval_payload" text,
	"approval_signature" text,
	"signer_iin" char(12),
	"signer_name" text,
	"signer_serial" varchar(80),
	CONSTRAINT "local_lists_kind" CHECK ("kind" IN ('holiday', 'needs')),
	CONSTRAINT "local_lists_status" CHECK ("status" IN ('generated', 'reviewed', 'approved')),
	CONSTRAINT "local_lists_kato" CHECK ("district_kato" ~ '^[0-9]{9}$'),
	CONSTRAINT "local_lists_approved_complete" CHECK ("status" <> 'approved' OR ("approved_by" IS NOT NULL AND "approved_on" IS NOT NULL AND "approval_signature" IS NOT NULL AND "approval_payload" IS NOT NULL AND "signer_iin" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "local_lists_once_uq" ON "local_lists" ("district_kato", "kind", "subject", "period");
--> statement-breakpoint
CREATE TABLE "local_list_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"list_id" bigint NOT NULL REFERENCES "local_lists"("id"),
	"iin" char(12) NOT NULL REFERENCES "registry"."persons"("iin"),
	"category_code" varchar(16) NOT NULL,
	"amount_unit" text NOT NULL,
	"amount_value" numeric(14, 2) NOT NULL,
	"amount_tenge" integer NOT NULL,
	"source_facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"added_by" bigint REFERENCES "staff_accounts"("id"),
	"added_reason" text,
	"excluded_by" bigint REFERENCES "staff_accounts"("id"),
	"excluded_at" timestamp with time zone,
	"excluded_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_list_entries_amount" CHECK ("amount_tenge" > 0),
	CONSTRAINT "local_list_entries_unit" CHECK ("amount_unit" IN ('KZT', 'MRP', 'PM')),
	CONSTRAINT "local_list_entries_added_reason" CHECK ("added_by" IS NULL OR length(btrim("added_reason")) > 0),
	CONSTRAINT "local_list_entries_excluded_reason" CHECK ("excluded_at" IS NULL OR ("excluded_by" IS NOT NULL AND length(btrim("excluded_reason")) > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "local_list_entries_once_uq" ON "local_list_entries" ("list_id", "iin", "category_code");
--> statement-breakpoint
CREATE INDEX "local_list_entries_iin_idx" ON "local_list_entries" ("iin");
--> statement-breakpoint
CREATE TABLE "local_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"list_id" bigint NOT NULL REFERENCES "local_lists"("id"),
	"iin" char(12) NOT NULL,
	"number" varchar(32) NOT NULL,
	"decided_on" date NOT NULL,
	"payment_date" date NOT NULL,
	"total_tenge" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "local_decisions_total" CHECK ("total_tenge" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "local_decisions_number_uq" ON "local_decisions" ("number");
--> statement-breakpoint
CREATE UNIQUE INDEX "local_decisions_once_uq" ON "local_decisions" ("list_id", "iin");
--> statement-breakpoint
CREATE INDEX "local_decisions_iin_idx" ON "local_decisions" ("iin");
--> statement-breakpoint
CREATE TABLE "local_grants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"decision_id" bigint NOT NULL REFERENCES "local_decisions"("id"),
	"list_id" bigint NOT NULL REFERENCES "local_lists"("id"),
	"entry_id" bigint NOT NULL REFERENCES "local_list_entries"("id"),
	"recipient_iin" char(12) NOT NULL,
	"district_kato" char(9) NOT NULL,
	"kind" text NOT NULL,
	"subject" varchar(16) NOT NULL,
	"period" varchar(16) NOT NULL,
	"category_code" varchar(16) NOT NULL,
	"amount_tenge" integer NOT NULL,
	"decision_number" varchar(32) NOT NULL,
	"decision_date" date NOT NULL,
	"payment_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "local_grants_amount" CHECK ("amount_tenge" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "local_grants_once_uq" ON "local_grants" ("recipient_iin", "district_kato", "kind", "subject", "period", "category_code");
--> statement-breakpoint
CREATE INDEX "local_grants_decision_idx" ON "local_grants" ("decision_id");
--> statement-breakpoint
CREATE INDEX "local_grants_payment_date_idx" ON "local_grants" ("payment_date");
--> statement-breakpoint
CREATE TRIGGER local_decisions_append_only BEFORE UPDATE OR DELETE ON local_decisions FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER local_grants_append_only BEFORE UPDATE OR DELETE ON local_grants FOR EACH ROW EXECUTE FUNCTION komek_append_only();
