-- Custom SQL migration (issue 6): what drizzle-kit cannot express. Keep this file separate from
-- generated ones so it survives squashing.
--
-- 1. workflow_transitions holds app/domain/workflow.ts transitionRows(), plus one row for the portal's
--    resubmission, where the citizen's correction and the new registration happen in one step
--    (db/queries/applications.ts registerApplication moves rejected_at_check straight to registered).
--    tests/integration/deciding-db.test.ts checks the table against the code.
-- 2. A status change of an application is admitted only when listed, and is written to the audit
--    table by the database itself, so no code path can change a status without a trace. The actor and
--    reason come from transaction-local settings (komek.*) that app/staff/workflow.server.ts sets;
--    without them the actor is "system" (portal registration, SMS consent).
-- 3. The audit table and the evidence tables are append-only; a signed notice is frozen.

INSERT INTO "workflow_transitions" ("from_status", "action", "to_status") VALUES
  ('draft', 'register', 'registered'),
  ('draft', 'reject_at_check', 'rejected_at_check'),
  ('rejected_at_check', 'revise', 'draft'),
  ('rejected_at_check', 'register', 'registered'),
  ('registered', 'send_to_commission', 'sent_to_commission'),
  ('sent_to_commission', 'record_survey', 'survey_recorded'),
  ('survey_recorded', 'assign_specialist', 'specialist_assigned'),
  ('specialist_assigned', 'assign_specialist', 'specialist_assigned'),
  ('income_computed', 'assign_specialist', 'specialist_assigned'),
  ('specialist_assigned', 'compute_income', 'income_computed'),
  ('income_computed', 'compute_income', 'income_computed'),
  ('income_computed', 'draft_decision', 'decision_drafted'),
  ('decision_drafted', 'return_draft', 'income_computed'),
  ('decision_drafted', 'sign_decision', 'decision_signed'),
  ('decision_signed', 'deliver_notice', 'notice_delivered'),
  ('registered', 'request_other_agencies', 'registered'),
  ('sent_to_commission', 'request_other_agencies', 'sent_to_commission'),
  ('survey_recorded', 'request_other_agencies', 'survey_recorded'),
  ('specialist_assigned', 'request_other_agencies', 'specialist_assigned'),
  ('income_computed', 'request_other_agencies', 'income_computed');
--> statement-breakpoint
CREATE FUNCTION komek_setting(name text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('komek.' || name, true), '')
$$;
--> statement-breakpoint
CREATE FUNCTION komek_application_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted text := komek_setting('action');
  chosen text;
BEGIN
  IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NEW;
  END IF;
  SELECT t.action INTO chosen FROM workflow_transitions t
   WHERE t.from_status = OLD.status AND t.to_status = NEW.status AND (wanted IS NULL OR t.action = wanted)
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
CREATE TRIGGER applications_status_guard BEFORE UPDATE OF status ON applications
  FOR EACH ROW EXECUTE FUNCTION komek_application_status_guard();
--> statement-breakpoint
-- An audit row must name a listed transition that starts where the case stands (self-transitions
-- such as a request to other agencies are written by the code, so they are checked here).
CREATE FUNCTION komek_case_transition_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM workflow_transitions t WHERE t.from_status = NEW.from_status AND t.action = NEW.action AND t.to_status = NEW.to_status) THEN
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
CREATE TRIGGER case_transitions_check BEFORE INSERT ON case_transitions
  FOR EACH ROW EXECUTE FUNCTION komek_case_transition_check();
--> statement-breakpoint
CREATE FUNCTION komek_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_transitions_append_only BEFORE UPDATE OR DELETE ON case_transitions FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER case_transitions_no_truncate BEFORE TRUNCATE ON case_transitions FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER survey_acts_append_only BEFORE UPDATE OR DELETE ON survey_acts FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER specialist_assignments_append_only BEFORE UPDATE OR DELETE ON specialist_assignments FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER income_corrections_append_only BEFORE UPDATE OR DELETE ON income_corrections FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER income_calculations_append_only BEFORE UPDATE OR DELETE ON income_calculations FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
-- A notice may be signed once and then only marked delivered; an unsigned draft may be dropped.
CREATE FUNCTION komek_signed_notice_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signature IS NULL THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' OR (NEW.id, NEW.application_id, NEW.decision_id, NEW.registration_number, NEW.verification_code, NEW.payload,
      NEW.signature, NEW.signer_iin, NEW.signer_name, NEW.signer_serial, NEW.signed_by, NEW.signed_at, NEW.text_ru, NEW.text_kk, NEW.created_at)
    IS DISTINCT FROM (OLD.id, OLD.application_id, OLD.decision_id, OLD.registration_number, OLD.verification_code, OLD.payload,
      OLD.signature, OLD.signer_iin, OLD.signer_name, OLD.signer_serial, OLD.signed_by, OLD.signed_at, OLD.text_ru, OLD.text_kk, OLD.created_at)
    OR (OLD.delivered_at IS NOT NULL AND NEW.delivered_at IS DISTINCT FROM OLD.delivered_at) THEN
    RAISE EXCEPTION 'a signed notice cannot be changed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notices_signed_frozen BEFORE UPDATE OR DELETE ON notices FOR EACH ROW EXECUTE FUNCTION komek_signed_notice_frozen();
