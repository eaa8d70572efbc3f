-- The application's database role on PostgreSQL (issue 6): it reads and writes what the portal needs
-- but cannot UPDATE, DELETE or TRUNCATE the audit and evidence tables, whatever the code does. The
-- append-only triggers of migration 0003 hold for every role; this adds the privilege layer, which
-- also stops a role from disabling the triggers (only the owner may).
--
-- Run as the owner after the migrations (the name `komek_app` is the role the server connects as):
--   psql "$DATABASE_URL" -f db/sql/app-role.sql
-- and point DATABASE_URL of the server at `komek_app`. tests/integration/deciding-db.test.ts runs this
-- file with a random role name and checks that the role's UPDATE/DELETE are refused.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'komek_app') THEN
    CREATE ROLE komek_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO komek_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO komek_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO komek_app;
REVOKE UPDATE, DELETE, TRUNCATE ON case_transitions, survey_acts, specialist_assignments, income_corrections,
  income_calculations, decisions, registration_journal, workflow_transitions FROM komek_app;
REVOKE INSERT ON workflow_transitions FROM komek_app;
