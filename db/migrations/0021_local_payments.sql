-- Local social assistance is paid (issue 15, ADR 023): a payment line comes from a signed assignment
-- (`decisions`, as before) or from a grant of an approved holiday / by-list list (`local_grants`,
-- ADR 017) — exactly one of the two; a grant has one line (it is one-off), so a re-run creates nothing
-- and, with local_grants_once_uq, nobody is paid twice for the same occasion and category. Lines may
-- be paid once per heating season (a periodicity of the district acts).
ALTER TABLE "payment_lines" ALTER COLUMN "decision_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "payment_lines" ALTER COLUMN "application_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "payment_lines" ADD COLUMN "grant_id" bigint REFERENCES "local_grants"("id");
--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_source"
  CHECK (("decision_id" IS NOT NULL AND "application_id" IS NOT NULL AND "grant_id" IS NULL)
      OR ("decision_id" IS NULL AND "application_id" IS NULL AND "grant_id" IS NOT NULL));
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_grant_uq" ON "payment_lines" ("grant_id") WHERE "grant_id" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "payment_lines" DROP CONSTRAINT "payment_lines_periodicity";
--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_periodicity"
  CHECK ("periodicity" IN ('one_off', 'monthly', 'quarterly', 'half_yearly', 'yearly', 'heating_season'));
--> statement-breakpoint
-- Termination and recovery steps signed with ЭЦП (ADR 023): the signed payload and its signer.
ALTER TABLE "payment_terminations" ADD COLUMN "signed_payload" text;
--> statement-breakpoint
ALTER TABLE "payment_terminations" ADD COLUMN "signature" text;
--> statement-breakpoint
ALTER TABLE "payment_terminations" ADD COLUMN "signer_iin" char(12);
