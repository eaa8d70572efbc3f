-- Payments, second part (issue 15, ADR 020): returns recorded on a day with the clause 22 deadline
-- checked and the clause 23 hand-back to the district recorded; terminations with a staff note;
-- overpayments with recovery statuses (clause 15) and the sum repaid; lines know their periodicity so
-- one-off payments of other services (issue 14) are demanded on their day.
ALTER TABLE "payment_order_items" ADD COLUMN "return_recorded_on" date;
--> statement-breakpoint
ALTER TABLE "payment_order_items" ADD COLUMN "return_late" boolean;
--> statement-breakpoint
ALTER TABLE "payment_order_items" ADD COLUMN "returned_to_district_on" date;
--> statement-breakpoint
UPDATE "payment_order_items" SET "return_recorded_on" = "returned_on", "return_late" = false WHERE "returned_on" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "payment_terminations" ADD COLUMN "note" text;
--> statement-breakpoint
ALTER TABLE "payment_overpayments" DROP CONSTRAINT "payment_overpayments_status";
--> statement-breakpoint
UPDATE "payment_overpayments" SET "status" = 'notified' WHERE "status" = 'open';
--> statement-breakpoint
ALTER TABLE "payment_overpayments" ALTER COLUMN "status" SET DEFAULT 'notified';
--> statement-breakpoint
ALTER TABLE "payment_overpayments" ADD COLUMN "repaid_tiyn" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "payment_overpayments" ADD COLUMN "status_on" date;
--> statement-breakpoint
ALTER TABLE "payment_overpayments" ADD CONSTRAINT "payment_overpayments_status"
  CHECK ("status" IN ('notified', 'partially_repaid', 'repaid', 'in_court', 'recovered', 'written_off'));
--> statement-breakpoint
ALTER TABLE "payment_overpayments" ADD CONSTRAINT "payment_overpayments_repaid" CHECK ("repaid_tiyn" >= 0 AND "repaid_tiyn" <= "amount_tiyn");
--> statement-breakpoint
ALTER TABLE "payment_lines" ADD COLUMN "periodicity" text DEFAULT 'monthly' NOT NULL;
--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_periodicity"
  CHECK ("periodicity" IN ('one_off', 'monthly', 'quarterly', 'half_yearly', 'yearly'));
--> statement-breakpoint
ALTER TABLE "payment_demands" DROP CONSTRAINT "payment_demands_kind";
--> statement-breakpoint
ALTER TABLE "payment_demands" ADD CONSTRAINT "payment_demands_kind" CHECK ("kind" IN ('scheduled', 'supplementary', 'one_off'));
--> statement-breakpoint
DROP INDEX "payment_demands_once_uq";
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_demands_once_uq" ON "payment_demands" ("service", "office_code", "payment_month", "formed_on", "kind");
