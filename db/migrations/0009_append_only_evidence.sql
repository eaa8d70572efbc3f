-- Custom SQL migration (issue 12): the evidence tables 0003/0005 left unguarded, and indexes for the
-- purge job. Privileges (the runtime role has only INSERT and SELECT on these tables) are applied by
-- `komek migrate` after the migrations (db/roles.ts, ADR 009); these triggers also hold for a
-- development database that runs as one role. komek_append_only() comes from 0003_audit_triggers.sql.
CREATE TRIGGER registration_journal_append_only BEFORE UPDATE OR DELETE ON registration_journal FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER registration_journal_no_truncate BEFORE TRUNCATE ON registration_journal FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER application_events_append_only BEFORE UPDATE OR DELETE ON application_events FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER application_events_no_truncate BEFORE TRUNCATE ON application_events FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER survey_acts_no_truncate BEFORE TRUNCATE ON survey_acts FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER specialist_assignments_no_truncate BEFORE TRUNCATE ON specialist_assignments FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER income_corrections_no_truncate BEFORE TRUNCATE ON income_corrections FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER income_calculations_no_truncate BEFORE TRUNCATE ON income_calculations FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER notices_no_truncate BEFORE TRUNCATE ON notices FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
-- An SMS is evidence of what was said to whom: its words, parties and time never change and it is
-- never deleted; only its delivery state moves on (and an inbound answer is linked to its offer once).
CREATE FUNCTION komek_sms_message_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (NEW.id, NEW.direction, NEW.phone, NEW.iin, NEW.language, NEW.body, NEW.purpose, NEW.created_at)
      IS DISTINCT FROM (OLD.id, OLD.direction, OLD.phone, OLD.iin, OLD.language, OLD.body, OLD.purpose, OLD.created_at)
    OR (OLD.offer_id IS NOT NULL AND NEW.offer_id IS DISTINCT FROM OLD.offer_id) THEN
    RAISE EXCEPTION 'an SMS message cannot be changed or removed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sms_messages_frozen BEFORE UPDATE OR DELETE ON sms_messages FOR EACH ROW EXECUTE FUNCTION komek_sms_message_frozen();
--> statement-breakpoint
CREATE TRIGGER sms_messages_no_truncate BEFORE TRUNCATE ON sms_messages FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");
--> statement-breakpoint
CREATE INDEX "login_attempts_at_idx" ON "login_attempts" USING btree ("at");
--> statement-breakpoint
CREATE INDEX "auth_challenges_expires_at_idx" ON "auth_challenges" USING btree ("expires_at");
--> statement-breakpoint
CREATE INDEX "otp_codes_expires_at_idx" ON "otp_codes" USING btree ("expires_at");
