/**
 * Migrations with two roles (ADR 009). DATABASE_OWNER_URL names the owner role: the migrations,
 * pg-boss's schema and queues, and the runtime role's grants run over it; DATABASE_URL is what the
 * portal's pool connects as. Without DATABASE_OWNER_URL both are DATABASE_URL (development, tests,
 * PGlite: one role).
 */
import fs from "node:fs";
import path from "node:path";
import { createDb, migrateDb, migrationsFolder, type DbHandle } from "./client";
import { runtimeGrants, runtimeRoleProblems } from "./roles";

/** The user name in a connection string, or undefined (then libpq's default applies). */
export function roleOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * As the owner: apply the migrations, install pg-boss's schema and queues, then (re)grant the runtime
 * role its rights, so a table a migration added is covered at once. Returns the owner's name.
 */
export async function migrateAsOwner(ownerUrl: string, runtimeRole: string | undefined): Promise<string> {
  const owner = await createDb({ url: ownerUrl, max: 1 });
  try {
    await migrateDb(owner);
    const { installQueues } = await import("../sms/worker.server");
    await installQueues(ownerUrl);
    const [{ me }] = await owner.query<{ me: string }>("select current_user as me");
    if (runtimeRole && runtimeRole !== me) {
      for (const statement of runtimeGrants({ owner: me, runtime: runtimeRole })) await owner.query(statement);
    }
    return me;
  } finally {
    await owner.close();
  }
}

/** Journal entries not yet recorded in drizzle's table (readable by the runtime role). */
export async function pendingMigrations(handle: Pick<DbHandle, "query">): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };
  let last = 0;
  try {
    const [row] = await handle.query<{ last: string | null }>("select max(created_at)::text as last from drizzle.__drizzle_migrations");
    last = Number(row?.last ?? 0);
  } catch {
    last = 0; // never migrated, or the schema is not readable
  }
  return journal.entries.filter((e) => e.when > last).map((e) => e.tag);
}

/**
 * What `komek serve` and `komek sms worker` do before they start: with DATABASE_OWNER_URL, migrate as
 * the owner; without it, a runtime role (which cannot migrate) only checks that nothing is pending,
 * and any other role migrates itself as before.
 */
export async function applyMigrations(app: DbHandle, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const ownerUrl = env.DATABASE_OWNER_URL || undefined;
  if (ownerUrl && app.kind === "postgres") {
    await migrateAsOwner(ownerUrl, roleOfUrl(env.DATABASE_URL));
    return;
  }
  if (app.kind === "postgres" && (await runtimeRoleProblems(app.query)).length === 0) {
    const pending = await pendingMigrations(app);
    if (pending.length) throw new Error(`DATABASE_OWNER_URL: not set, and ${pending.length} migration(s) are pending (${pending.join(", ")}); run \`npx komek migrate\` with DATABASE_OWNER_URL`);
    return;
  }
  await migrateDb(app);
}
