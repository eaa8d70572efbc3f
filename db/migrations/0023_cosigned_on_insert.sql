-- ADR 022 follow-up: a notice must not be put in force without the specialist's signature by being
-- inserted already signed either — the check of 0020 ran on UPDATE only. Same rule, both doors.
CREATE OR REPLACE FUNCTION komek_notice_cosigned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.signature IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.signature IS NULL)
     AND EXISTS (SELECT 1 FROM applications a JOIN workflow_transitions t ON t.service = a.service AND t.action = 'cosign_decision' WHERE a.id = NEW.application_id)
     AND NOT EXISTS (SELECT 1 FROM notice_cosignatures c WHERE c.notice_id = NEW.id AND c.role = 'specialist') THEN
    RAISE EXCEPTION 'notice % needs the specialist''s signature before the head''s', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'notice_cosignatures';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notices_cosigned_on_insert BEFORE INSERT ON notices FOR EACH ROW EXECUTE FUNCTION komek_notice_cosigned();
