-- Attempt limits counted in one statement before the password, code or member is checked (ADR 010).
CREATE TABLE "rate_limits" (
	"key" varchar(160) PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"next_allowed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limits_last_at_idx" ON "rate_limits" USING btree ("last_at");--> statement-breakpoint
-- A citizen who includes a family member reads that member's name and incomes: logged for the member.
ALTER TABLE "data_access_log" ALTER COLUMN "actor_role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "data_access_log" ALTER COLUMN "actor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "data_access_log" ADD COLUMN "actor_iin" char(12);--> statement-breakpoint
ALTER TABLE "data_access_log" ADD CONSTRAINT "data_access_log_one_actor" CHECK (("data_access_log"."actor_id" IS NOT NULL AND "data_access_log"."actor_role" IS NOT NULL AND "data_access_log"."actor_iin" IS NULL) OR ("data_access_log"."actor_id" IS NULL AND "data_access_log"."actor_role" IS NULL AND "data_access_log"."actor_iin" IS NOT NULL));
