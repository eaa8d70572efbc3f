/**
 * Fresh, isolated databases for tests and e2e runs: a new database on the PostgreSQL server named by
 * DATABASE_URL, or an embedded PGlite (in memory, or in a temporary directory for a server process).
 */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { createDb, migrateDb, withDatabase, withRole, type DbHandle } from "./client";

export type FreshDb = DbHandle & {
  url?: string;
  dataDir?: string;
  /** With roles: the owner's connection string and both role names (url is the runtime role's). */
  ownerUrl?: string;
  roles?: { owner: string; runtime: string };
  drop(): Promise<void>;
};

export type FreshDbOptions = {
  prefix?: string;
  persistentDir?: boolean;
  max?: number;
  /**
   * Two roles as in production (ADR 009): migrated by an owner role, connected as a runtime role,
   * both named after the database and dropped with it. Default: KOMEK_TEST_DB_ROLES=1. PostgreSQL only.
   */
  roles?: boolean;
};

export async function createFreshDb(opts: FreshDbOptions = {}): Promise<FreshDb> {
  const base = process.env.DATABASE_URL;
  const name = `${opts.prefix ?? "komek_test"}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  if (base && (opts.roles ?? process.env.KOMEK_TEST_DB_ROLES === "1")) return createFreshDbWithRoles(base, name, opts);
  if (base) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = withDatabase(base, name);
    const handle = await createDb({ url, max: opts.max });
    await migrateDb(handle);
    return {
      ...handle,
      url,
      async drop() {
        await handle.close();
        const a = postgres(base, { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dataDir = opts.persistentDir ? fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`)) : "memory://";
  const handle = await createDb({ dataDir });
  await migrateDb(handle);
  return {
    ...handle,
    dataDir,
    async drop() {
      await handle.close();
      if (dataDir !== "memory://") fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { withDatabase };

/** Roles are cluster-wide: each test database gets its own pair, dropped with it. */
async function createFreshDbWithRoles(base: string, name: string, opts: FreshDbOptions): Promise<FreshDb> {
  const { default: postgres } = await import("postgres");
  const { setupRoles } = await import("./roles");
  const { migrateAsOwner } = await import("./owner");
  const roles = { owner: `${name}_own`, runtime: `${name}_app` };
  const dbUrl = await setupRoles({ url: base, database: name, ...roles });
  const ownerUrl = withRole(dbUrl, roles.owner);
  const url = withRole(dbUrl, roles.runtime);
  await migrateAsOwner(ownerUrl, roles.runtime);
  const handle = await createDb({ url, max: opts.max });
  return {
    ...handle,
    url,
    ownerUrl,
    roles,
    async drop() {
      await handle.close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        for (const role of [roles.runtime, roles.owner]) await a.unsafe(`DROP ROLE IF EXISTS "${role}"`);
      } finally {
        await a.end();
      }
    },
  };
}
