/**
 * The one database client factory. DATABASE_URL set → PostgreSQL through the `postgres` driver;
 * unset → embedded PGlite stored under KOMEK_DATA_DIR (default `.data/`), so a newcomer needs
 * nothing installed. Both run the same schema and the same generated migrations.
 */
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database or a transaction: queries take this so the caller owns the transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type DbHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  /** Raw SQL with positional parameters, returning rows, on either driver. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  describe: string;
};

export type DbOptions = { url?: string; dataDir?: string; max?: number };

const here = path.dirname(fileURLToPath(import.meta.url));
export const migrationsFolder = path.resolve(here, "migrations");

// Only unsafe/begin/savepoint are touched; the rest of postgres.js's Sql passes through unchanged.
type PostgresSql = Sql<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * drizzle runs every query through `sql.unsafe(text, params, { prepare: false })`, and postgres.js
 * sends an unprepared query with parameters in two round trips (Parse/Describe to learn the parameter
 * types, then Bind/Execute), parsed and planned by the server each time. Forcing `prepare: true`
 * makes each text a named statement on its connection: one round trip and no re-parsing after the
 * first use (measured in ADR 008). Queries without parameters stay on the simple protocol, where
 * postgres.js does not prepare. Transactions and savepoints hand out their own `sql`, wrapped too.
 */
function preparing(sql: PostgresSql): PostgresSql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (text: string, args: unknown[] = [], options: Record<string, unknown> = {}) =>
          target.unsafe(text, args as never[], Array.isArray(args) && args.length > 0 ? { ...options, prepare: true } : options);
      }
      if (property === "begin" || property === "savepoint") {
        return (...params: unknown[]) => {
          const last = params.length - 1;
          const callback = params[last] as (inner: PostgresSql) => unknown;
          params[last] = (inner: PostgresSql) => callback(preparing(inner));
          return (Reflect.get(target, property) as (...p: unknown[]) => unknown)(...params);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const sql = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Registry numbers (bigint) come back as JS numbers only where safe; amounts are numeric strings.
      types: { bigint: postgres.BigInt },
    });
    // DATABASE_PREPARE=0 for a pooler that cannot keep prepared statements (PgBouncer in transaction
    // mode before 1.21, or without max_prepared_statements).
    const db = drizzle(process.env.DATABASE_PREPARE === "0" ? sql : preparing(sql), { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      query: async (text, params = []) => (await sql.unsafe(text, params as never[])) as never,
      close: () => sql.end({ timeout: 5 }),
      describe: redactUrl(options.url),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const db = drizzle(pg, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    query: async (text, params = []) => (await pg.query(text, params as never[])).rows as never,
    close: () => pg.close(),
    describe: `pglite:${dataDir}`,
  };
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}

function redactUrl(url: string) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same server and database as another role (its password, if any, in `password`). */
export function withRole(url: string, role: string, password = "") {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

/** Options from the environment: the same rule for the server, the CLI and the tests. */
export function dbOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DbOptions {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.KOMEK_DATA_DIR ? path.join(env.KOMEK_DATA_DIR, "pg") : path.resolve(".data", "pg"),
    max: env.DATABASE_POOL_MAX ? Number(env.DATABASE_POOL_MAX) : undefined,
  };
}

const GLOBAL_KEY = Symbol.for("komek.db");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DbHandle> };

/**
 * The process-wide handle. The server bundle and the CLI both reach it through globalThis so that
 * one process never opens the embedded database twice.
 */
export function getDb(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  g[GLOBAL_KEY] ??= createDb(dbOptionsFromEnv());
  return g[GLOBAL_KEY]!;
}

export function setDb(handle: DbHandle) {
  (globalThis as GlobalWithDb)[GLOBAL_KEY] = Promise.resolve(handle);
}

export async function closeDb() {
  const g = globalThis as GlobalWithDb;
  const p = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  if (p) await (await p).close();
}

export { rowsOf } from "./rows";
