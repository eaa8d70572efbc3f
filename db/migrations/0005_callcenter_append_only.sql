-- Custom SQL migration (issue 7): the look-up log and the data-access log are append-only, so a
-- record of who looked at someone's data cannot be edited or removed by the application.
-- komek_append_only() comes from 0003_audit_triggers.sql.
CREATE TRIGGER callcenter_lookups_append_only BEFORE UPDATE OR DELETE ON callcenter_lookups FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER callcenter_lookups_no_truncate BEFORE TRUNCATE ON callcenter_lookups FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER data_access_log_append_only BEFORE UPDATE OR DELETE ON data_access_log FOR EACH ROW EXECUTE FUNCTION komek_append_only();
--> statement-breakpoint
CREATE TRIGGER data_access_log_no_truncate BEFORE TRUNCATE ON data_access_log FOR EACH STATEMENT EXECUTE FUNCTION komek_append_only();
