/**
 * Two database roles (ADR 009). The owner role owns the schemas and tables and runs the migrations;
 * the portal connects as the runtime role, which may read and write rows but not change the schema,
 * truncate, disable triggers or set session_replication_role (only superusers and owners can), and
 * which has only INSERT and SELECT on the append-only evidence tables.
 *
 * `komek db roles` creates both roles on a server (runtimeRoleSetup); `komek migrate` re-applies
 * runtimeGrants after every migration run, so a table added later gets the same rights (plus ALTER
 * DEFAULT PRIVILEGES for anything the owner creates in between).
 */

import { withDatabase } from "./client";

/** Schemas of the application's own tables; pg-boss keeps its jobs in QUEUE_SCHEMA. */
export const APP_SCHEMAS = ["public", "registry"] as const;
export const QUEUE_SCHEMA = "pgboss";
const OWNED_SCHEMAS = [...APP_SCHEMAS, QUEUE_SCHEMA, "drizzle"];

/**
 * Rows are only ever added: audit events, evidence of a case, the look-up and data-access logs, the
 * registration journal and the timeline. The runtime role has INSERT and SELECT only (and the
 * triggers of migrations 0003, 0005 and 0009 refuse changes even for the owner).
 */
export const APPEND_ONLY_TABLES = [
  "case_transitions",
  "survey_acts",
  "specialist_assignments",
  "income_corrections",
  "income_calculations",
  "decisions",
  "callcenter_lookups",
  "data_access_log",
  "registration_journal",
  "application_events",
  "payment_audit",
  "complaint_events",
  "intake_scans",
  "local_decisions",
  "local_grants",
  "notice_cosignatures",
] as const;

/**
 * The SMS outbox is evidence too, but its delivery state moves on: the runtime role may update
 * these columns only, and never deletes a message (trigger komek_sms_message_frozen guards the rest).
 */
export const SMS_DELIVERY_COLUMNS = ["status", "provider_sid", "attempts", "last_error", "job_id", "generation", "sent_at", "updated_at", "offer_id"] as const;

/**
 * Notices: a draft is signed (UPDATE) or dropped (DELETE); a signed notice only gets its delivery
 * time, enforced by trigger komek_signed_notice_frozen, which the runtime role cannot disable.
 */
export const NOTICE_TABLE = "notices";

/** Reference rows the migrations write; the portal only reads them. */
export const READ_ONLY_TABLES = ["workflow_transitions"] as const;

export type RoleNames = { owner: string; runtime: string };

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A role or database name, double-quoted; only plain lower-case names are accepted. */
export function ident(name: string): string {
  if (!NAME.test(name)) throw new Error(`not a plain lower-case PostgreSQL name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The runtime role's rights on everything that exists now, and default privileges for what the owner
 * creates later (pg-boss's schema included once it exists). Idempotent; run as the owner (after
 * migrations) or as a superuser.
 */
export function runtimeGrants({ owner, runtime }: RoleNames): string[] {
  const o = ident(owner);
  const r = ident(runtime);
  const table = (name: string) => `public.${ident(name)}`;
  const schemaGrants = (schemas: string) => [
    `GRANT USAGE ON SCHEMA ${schemas} TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schemas} TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schemas} TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA ${schemas} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA ${schemas} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${r}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${schemas} FROM ${r}`,
  ];
  // Each part only where its schema or table exists: `db roles` may run before the first migration.
  const ifExists = (test: string, statements: string[]) => `DO $$ BEGIN IF ${test} THEN ${statements.join("; ")}; END IF; END $$`;
  const ifSchema = (schema: string, statements: string[]) => ifExists(`EXISTS (SELECT FROM pg_namespace WHERE nspname = ${literal(schema)})`, statements);
  const ifTable = (name: string, statements: string[]) => ifExists(`to_regclass(${literal(`public.${name}`)}) IS NOT NULL`, statements);
  return [
    ...APP_SCHEMAS.map((schema) => ifSchema(schema, schemaGrants(ident(schema)))),
    // pg-boss's jobs: created and migrated by the owner (sms/worker.server.ts installQueues).
    ifSchema(QUEUE_SCHEMA, schemaGrants(ident(QUEUE_SCHEMA))),
    // The migrations' own bookkeeping: readable, so the portal can tell whether any are pending.
    ifSchema("drizzle", [`GRANT USAGE ON SCHEMA drizzle TO ${r}`, `GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${r}`]),
    ...APPEND_ONLY_TABLES.map((t) => ifTable(t, [`REVOKE UPDATE, DELETE ON ${table(t)} FROM ${r}`])),
    ifTable("sms_messages", [
      `REVOKE UPDATE, DELETE ON ${table("sms_messages")} FROM ${r}`,
      `GRANT UPDATE (${SMS_DELIVERY_COLUMNS.map(ident).join(", ")}) ON ${table("sms_messages")} TO ${r}`,
    ]),
    ...READ_ONLY_TABLES.map((t) => ifTable(t, [`REVOKE INSERT, UPDATE, DELETE ON ${table(t)} FROM ${r}`])),
  ];
}

/**
 * Creates (or updates) both roles and hands the database to the owner: run as a superuser, connected
 * to the database. Existing objects (say, migrated earlier as `postgres`) are given to the owner.
 */
export function runtimeRoleSetup(names: RoleNames & { database: string; ownerPassword?: string; runtimePassword?: string }): string[] {
  const o = ident(names.owner);
  const r = ident(names.runtime);
  const db = ident(names.database);
  const role = (name: string, password: string | undefined) => [
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(name)}) THEN CREATE ROLE ${ident(name)} LOGIN; END IF; END $$`,
    `ALTER ROLE ${ident(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${password ? ` PASSWORD ${literal(password)}` : ""}`,
  ];
  const schemas = OWNED_SCHEMAS.map(literal).join(", ");
  return [
    ...role(names.owner, names.ownerPassword),
    ...role(names.runtime, names.runtimePassword),
    // The runtime role must not be able to become the owner.
    `DO $$ BEGIN IF pg_has_role(${literal(names.runtime)}, ${literal(names.owner)}, 'MEMBER') THEN REVOKE ${o} FROM ${r}; END IF; END $$`,
    `ALTER DATABASE ${db} OWNER TO ${o}`,
    `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${r}`,
    `ALTER SCHEMA public OWNER TO ${o}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    // Whatever was created before the owner existed becomes the owner's (extensions' members excepted).
    `DO $$
     DECLARE x record;
     BEGIN
       FOR x IN SELECT nspname FROM pg_namespace WHERE nspname IN (${schemas}) LOOP
         EXECUTE format('ALTER SCHEMA %I OWNER TO %I', x.nspname, ${literal(names.owner)});
       END LOOP;
       FOR x IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN (${schemas}) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                   -- extension members, and sequences that follow their table's owner
                   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                     AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i')))) LOOP
         EXECUTE format('ALTER %s %I.%I OWNER TO %I',
           CASE x.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
           x.nspname, x.relname, ${literal(names.owner)});
       END LOOP;
       FOR x IN SELECT n.nspname, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname IN (${schemas}) AND t.typtype IN ('e', 'd') AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e') LOOP
         EXECUTE format('ALTER TYPE %I.%I OWNER TO %I', x.nspname, x.typname, ${literal(names.owner)});
       END LOOP;
       FOR x IN SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) AS args FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname IN (${schemas}) AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
         EXECUTE format('ALTER ROUTINE %I.%I(%s) OWNER TO %I', x.nspname, x.proname, x.args, ${literal(names.owner)});
       END LOOP;
     END $$`,
    ...runtimeGrants(names),
  ];
}

export type RoleSetup = { url: string; database?: string; owner: string; runtime: string; ownerPassword?: string; runtimePassword?: string };

/** Creates the database if missing, then both roles and their grants; returns the database's URL. */
export async function setupRoles(options: RoleSetup): Promise<string> {
  const { default: postgres } = await import("postgres");
  const database = options.database ?? decodeURIComponent(new URL(options.url).pathname.slice(1));
  ident(database);
  const server = postgres(options.url, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await server`select 1 from pg_database where datname = ${database}`;
    if (!exists) await server.unsafe(`CREATE DATABASE ${ident(database)}`);
  } finally {
    await server.end();
  }
  const url = withDatabase(options.url, database);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const statement of runtimeRoleSetup({ ...options, database })) await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
  return url;
}

type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * Why the connected role must not serve production: one line per reason, naming DATABASE_URL.
 * A superuser, a role that owns (or can become the owner of) the database, a schema or any table
 * could drop the triggers that keep the evidence append-only.
 */
export async function runtimeRoleProblems(query: Query, variable = "DATABASE_URL"): Promise<string[]> {
  const [me] = await query<{ name: string; superuser: boolean; bypassrls: boolean }>(
    `SELECT current_user AS name, rolsuper AS superuser, rolbypassrls AS bypassrls FROM pg_roles WHERE rolname = current_user`,
  );
  if (!me) return [`${variable}: cannot read the connected role from pg_roles`];
  if (me.superuser) return [`${variable}: role ${me.name} is a superuser; connect as the runtime role (npx komek db roles --help)`];
  const [owns] = await query<{ database: boolean; schemas: string | null; tables: string | null }>(
    `SELECT pg_has_role(current_user, d.datdba, 'USAGE') AS database,
            (SELECT string_agg(nspname, ', ') FROM pg_namespace
              WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' AND pg_has_role(current_user, nspowner, 'USAGE')) AS schemas,
            (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM (SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                AND pg_has_role(current_user, c.relowner, 'USAGE') ORDER BY c.relname LIMIT 5) c) AS tables
       FROM pg_database d WHERE d.datname = current_database()`,
  );
  const owned = [
    owns?.database ? "the database" : null,
    owns?.schemas ? `schema ${owns.schemas}` : null,
    owns?.tables ? `tables (${owns.tables}…)` : null,
  ].filter(Boolean);
  return owned.length ? [`${variable}: role ${me.name} owns ${owned.join(", ")}; connect as the runtime role (npx komek db roles --help)`] : [];
}
