-- Issue 14 (helper 14c, ADR 022): the staff steps of a local social assistance case.
--
-- 1. workflow_transitions gains `service`: a row with a service is a transition only cases of that
--    service have (null: every service). Local assistance skips the survey or the income step when its
--    category needs neither (the category decides in the code, app/domain/case-steps.ts; the database
--    admits the skips for the service only, so an ASP case still cannot skip its commission), records
--    the special commission's conclusion, and has the specialist co-sign the notice.
-- 2. notice_cosignatures: the specialist's ЭЦП over the notice, append-only (db/roles.ts). A service
--    whose workflow has `cosign_decision` cannot put a notice in force (notices.signature) before the
--    co-signature exists: payments read a signed notice as "the decision is in force".
ALTER TABLE "workflow_transitions" ADD COLUMN "service" varchar(32);
--> statement-breakpoint
INSERT INTO "workflow_transitions" ("from_status", "action", "to_status", "service") VALUES
  ('registered', 'assign_specialist', 'specialist_assigned', 'local'),
  ('specialist_assigned', 'draft_decision', 'decision_drafted', 'local'),
  ('specialist_assigned', 'record_special_commission', 'specialist_assigned', 'local'),
  ('income_computed', 'record_special_commission', 'income_computed', 'local'),
  ('decision_drafted', 'cosign_decision', 'decision_drafted', 'local');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION komek_application_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted text := komek_setting('action');
  chosen text;
BEGIN
  IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NEW;
  END IF;
  SELECT t.action INTO chosen FROM workflow_transitions t
   WHERE t.from_status = OLD.status AND t.to_status = NEW.status AND (wanted IS NULL OR t.action = wanted)
     AND (t.service IS NULL OR t.service = NEW.service)
   ORDER BY t.action LIMIT 1;
  IF chosen IS NULL THEN
    RAISE EXCEPTION 'illegal workflow transition of application %: % -> % (%)', OLD.id, OLD.status, NEW.status, coalesce(wanted, 'no action')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_transitions';
  END IF;
  INSERT INTO case_transitions (application_id, at, actor_kind, actor_staff_id, actor_label, actor_role, action, from_status, to_status, reason, details)
  VALUES (
    NEW.id,
    coalesce(komek_setting('at')::timestamptz, now()),
    coalesce(komek_setting('actor_kind'), 'system')::actor_kind,
    komek_setting('actor_staff_id')::bigint,
    coalesce(komek_setting('actor_label'), 'system'),
    coalesce(komek_setting('actor_role'), 'system'),
    chosen,
    OLD.status,
    NEW.status,
    komek_setting('reason'),
    komek_setting('details')::jsonb
  );
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION komek_case_transition_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM workflow_transitions t JOIN applications a ON a.id = NEW.application_id
     WHERE t.from_status = NEW.from_status AND t.action = NEW.action AND t.to_status = NEW.to_status
       AND (t.service IS NULL OR t.service = a.service)
  ) THEN
    RAISE EXCEPTION 'illegal workflow transition: % --%--> %', NEW.from_status, NEW.action, NEW.to_status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_transitions';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = NEW.application_id AND a.status = NEW.from_status) THEN
    RAISE EXCEPTION 'application % is not in status %', NEW.application_id, NEW.from_status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_transitions';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- No foreign key to notices: an unsigned draft notice may be dropped (the head returns the draft), and
-- the specialist's signature over it stays here as evidence.
CREATE TABLE "notice_cosignatures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"role" varchar(20) NOT NULL,
	"payload" text NOT NULL,
	"signature" text NOT NULL,
	"signer_iin" char(12) NOT NULL,
	"signer_name" text,
	"signer_serial" varchar(80),
	"signed_by" bigint NOT NULL REFERENCES "staff_accounts"("id"),
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_cosignatures_role" CHECK ("role" IN ('specialist'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notice_cosignatures_notice_role_uq" ON "notice_cosignatures" ("notice_id", "role");
--> statement-breakpoint
CREATE INDEX "notice_cosignatures_application_idx" ON "notice_cosignatures" ("application_id");
--> statement-breakpoint
CREATE TRIGGER notice_cosignatures_append_only BEFORE UPDATE OR DELETE ON notice_cosignatures FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER notice_cosignatures_no_truncate BEFORE TRUNCATE ON notice_cosignatures FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE FUNCTION komek_notice_cosigned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.signature IS NOT NULL AND OLD.signature IS NULL
     AND EXISTS (SELECT 1 FROM applications a JOIN workflow_transitions t ON t.service = a.service AND t.action = 'cosign_decision' WHERE a.id = NEW.application_id)
     AND NOT EXISTS (SELECT 1 FROM notice_cosignatures c WHERE c.notice_id = NEW.id AND c.role = 'specialist') THEN
    RAISE EXCEPTION 'notice % needs the specialist''s signature before the head''s', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'notice_cosignatures';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notices_cosigned BEFORE UPDATE ON notices FOR EACH ROW EXECUTE FUNCTION komek_notice_cosigned();
