-- Issue 14 (ADR 024): each decision of an approved holiday or by-list payment list can be checked at
-- /verify by its number and a printed code, like an ASP notice. New decisions get their code from the
-- application (makeVerificationCode, the notices' alphabet); decisions made before this migration get
-- one here. Adding a column with a default rewrites the rows without firing the append-only trigger.
CREATE FUNCTION komek_backfill_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + (get_byte(b, i) % 31), 1), '' ORDER BY i)
  FROM (SELECT decode(md5(gen_random_uuid()::text || clock_timestamp()::text), 'hex') AS b) s, generate_series(0, 9) AS i
$$;
--> statement-breakpoint
ALTER TABLE "local_decisions" ADD COLUMN "verification_code" char(10) NOT NULL DEFAULT komek_backfill_code();
--> statement-breakpoint
ALTER TABLE "local_decisions" ALTER COLUMN "verification_code" DROP DEFAULT;
--> statement-breakpoint
DROP FUNCTION komek_backfill_code();
--> statement-breakpoint
ALTER TABLE "local_decisions" ADD CONSTRAINT "local_decisions_code" CHECK ("verification_code" ~ '^[2-9A-HJKMNP-Z]{10}$');
