/**
 * Fresh, isolated databases for tests and e2e runs: a new database on the PostgreSQL server named by
 * DATABASE_URL, or an embedded PGlite (in memory, or in a temporary directory for a server process).
 */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { createDb, migrateDb, type DbHandle } from "./client";

export type FreshDb = DbHandle & { url?: string; dataDir?: string; drop(): Promise<void> };

export async function createFreshDb(opts: { prefix?: string; persistentDir?: boolean; max?: number } = {}): Promise<FreshDb> {
  const base = process.env.DATABASE_URL;
  const name = `${opts.prefix ?? "komek_test"}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
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

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
