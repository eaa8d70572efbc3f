-- Payments (issue 15, ADR 015): the schedule of payment lines derived from signed decisions, the
-- demands for funds and the district's transfers (seed 003 clauses 19–20), the payment orders and
-- their items (clause 21, ISO 20022 pain.001), returns (clause 22), terminations (clause 14) and
-- overpayments (clauses 15, 23), and the append-only audit of the payment roles.
--
-- Every table is keyed by `service` (text, e.g. 'asp') rather than hard-wired to ASP, so a second
-- service's assignments (local social assistance, issue 14) add lines without a new table.
--
-- LEAST-PRIVILEGE ROLE (helper 12a / db/sql/app-role.sql): `payment_audit` is append-only — grant the
-- runtime role INSERT and SELECT only (its triggers below refuse UPDATE, DELETE and TRUNCATE for every
-- role anyway). The other payment tables need SELECT, INSERT, UPDATE; none needs DELETE.
ALTER TYPE "staff_role" ADD VALUE IF NOT EXISTS 'payment_officer';
--> statement-breakpoint
ALTER TYPE "staff_role" ADD VALUE IF NOT EXISTS 'finance_officer';
--> statement-breakpoint
CREATE TABLE "payment_accounts" (
	"service" text NOT NULL,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"channel" text NOT NULL,
	"iban" varchar(34) NOT NULL,
	"bank_code" char(3) NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	PRIMARY KEY ("service", "application_id"),
	CONSTRAINT "payment_accounts_channel" CHECK ("channel" IN ('bank', 'kazpost')),
	CONSTRAINT "payment_accounts_source" CHECK ("source" IN ('application', 'registry', 'citizen', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "payment_demands" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"office_code" varchar(32) NOT NULL REFERENCES "offices"("code"),
	"payment_month" date NOT NULL,
	"kind" text NOT NULL,
	"formed_on" date NOT NULL,
	"due_on" date NOT NULL,
	"send_by" date NOT NULL,
	"sent_on" date NOT NULL,
	"line_count" integer NOT NULL,
	"total_tiyn" bigint NOT NULL,
	"transfer_earliest" date NOT NULL,
	"transfer_due" date NOT NULL,
	"transferred_on" date,
	"transferred_tiyn" bigint,
	"transferred_by" bigint REFERENCES "staff_accounts"("id"),
	"orders_due" date,
	CONSTRAINT "payment_demands_kind" CHECK ("kind" IN ('scheduled', 'supplementary')),
	CONSTRAINT "payment_demands_total" CHECK ("line_count" > 0 AND "total_tiyn" > 0),
	CONSTRAINT "payment_demands_transfer" CHECK ("transferred_on" IS NULL OR ("transferred_tiyn" = "total_tiyn" AND "orders_due" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_demands_once_uq" ON "payment_demands" ("service", "office_code", "payment_month", "formed_on");
--> statement-breakpoint
CREATE TABLE "payment_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"decision_id" bigint NOT NULL REFERENCES "decisions"("id"),
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"office_code" varchar(32) NOT NULL REFERENCES "offices"("code"),
	"month" date NOT NULL,
	"recipient_iin" char(12) NOT NULL,
	"recipient_name" text NOT NULL,
	"channel" text NOT NULL,
	"iban" varchar(34) NOT NULL,
	"bank_code" char(3) NOT NULL,
	"bic" varchar(11) NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"legal_basis" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"demand_id" bigint REFERENCES "payment_demands"("id"),
	"attempts" integer DEFAULT 0 NOT NULL,
	"paid_on" date,
	"returned_on" date,
	"return_code" varchar(4),
	"stopped_from" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_lines_amount" CHECK ("amount_tiyn" > 0),
	CONSTRAINT "payment_lines_channel" CHECK ("channel" IN ('bank', 'kazpost')),
	CONSTRAINT "payment_lines_status" CHECK ("status" IN ('scheduled', 'demanded', 'funded', 'paid', 'returned', 'stopped')),
	CONSTRAINT "payment_lines_month_first" CHECK (extract(day FROM "month") = 1),
	CONSTRAINT "payment_lines_demanded" CHECK (("status" IN ('scheduled', 'stopped')) OR "demand_id" IS NOT NULL),
	CONSTRAINT "payment_lines_returned" CHECK ("status" <> 'returned' OR ("returned_on" IS NOT NULL AND "return_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_once_uq" ON "payment_lines" ("service", "decision_id", "month");
--> statement-breakpoint
CREATE INDEX "payment_lines_status_idx" ON "payment_lines" ("status", "month", "office_code");
--> statement-breakpoint
CREATE INDEX "payment_lines_recipient_idx" ON "payment_lines" ("recipient_iin", "month");
--> statement-breakpoint
CREATE INDEX "payment_lines_demand_idx" ON "payment_lines" ("demand_id");
--> statement-breakpoint
CREATE INDEX "payment_lines_application_idx" ON "payment_lines" ("application_id", "month");
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"order_date" date NOT NULL,
	"channel" text NOT NULL,
	"bic" varchar(11) NOT NULL,
	"msg_id" varchar(35) NOT NULL,
	"line_count" integer NOT NULL,
	"total_tiyn" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_orders_channel" CHECK ("channel" IN ('bank', 'kazpost'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_msg_id_uq" ON "payment_orders" ("msg_id");
--> statement-breakpoint
CREATE INDEX "payment_orders_date_idx" ON "payment_orders" ("order_date");
--> statement-breakpoint
CREATE TABLE "payment_order_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" bigint NOT NULL REFERENCES "payment_orders"("id"),
	"line_id" bigint NOT NULL REFERENCES "payment_lines"("id"),
	"attempt" integer NOT NULL,
	"end_to_end_id" varchar(35) NOT NULL,
	"iban" varchar(34) NOT NULL,
	"bic" varchar(11) NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"returned_on" date,
	"return_code" varchar(4),
	"return_recorded_by" date,
	"return_to_district_by" date,
	CONSTRAINT "payment_order_items_amount" CHECK ("amount_tiyn" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_order_items_e2e_uq" ON "payment_order_items" ("end_to_end_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_order_items_attempt_uq" ON "payment_order_items" ("line_id", "attempt");
--> statement-breakpoint
CREATE INDEX "payment_order_items_order_idx" ON "payment_order_items" ("order_id", "id");
--> statement-breakpoint
CREATE TABLE "payment_terminations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"ground" text NOT NULL,
	"event_date" date NOT NULL,
	"stop_from" date NOT NULL,
	"source" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" bigint REFERENCES "staff_accounts"("id"),
	"stopped_lines" integer NOT NULL,
	"overpaid_lines" integer NOT NULL,
	CONSTRAINT "payment_terminations_ground" CHECK ("ground" IN ('death', 'moved_out', 'institution', 'false_information', 'lost_grounds')),
	CONSTRAINT "payment_terminations_source" CHECK ("source" IN ('registry', 'staff'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_terminations_once_uq" ON "payment_terminations" ("service", "application_id");
--> statement-breakpoint
CREATE TABLE "payment_overpayments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"line_id" bigint NOT NULL REFERENCES "payment_lines"("id"),
	"termination_id" bigint NOT NULL REFERENCES "payment_terminations"("id"),
	"recipient_iin" char(12) NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"recovery" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"detected_on" date NOT NULL,
	CONSTRAINT "payment_overpayments_amount" CHECK ("amount_tiyn" > 0),
	CONSTRAINT "payment_overpayments_recovery" CHECK ("recovery" IN ('voluntary', 'voluntary_or_court')),
	CONSTRAINT "payment_overpayments_status" CHECK ("status" IN ('open', 'repaid', 'in_court', 'written_off'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_overpayments_line_uq" ON "payment_overpayments" ("line_id");
--> statement-breakpoint
CREATE INDEX "payment_overpayments_recipient_idx" ON "payment_overpayments" ("recipient_iin");
--> statement-breakpoint
CREATE TABLE "payment_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_label" varchar(64) NOT NULL,
	"actor_role" varchar(24) NOT NULL,
	"action" varchar(40) NOT NULL,
	"subject" varchar(64) NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE INDEX "payment_audit_subject_idx" ON "payment_audit" ("subject", "at");
--> statement-breakpoint
CREATE TRIGGER payment_audit_append_only BEFORE UPDATE OR DELETE ON payment_audit FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER payment_audit_no_truncate BEFORE TRUNCATE ON payment_audit FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
