import { parseArgs } from "../args";
import { getDb, migrateDb, closeDb } from "../../db/client";
import { migrateAsOwner, roleOfUrl } from "../../db/owner";

/**
 * `komek migrate`: with DATABASE_OWNER_URL, as the owner role — the migrations, pg-boss's schema and
 * queues, then the runtime role's grants (the role named by --runtime-role, else DATABASE_URL's user;
 * ADR 009). Without it, the migrations alone over DATABASE_URL (or PGlite).
 */
export async function run(argv: string[] = []) {
  const args = parseArgs(argv);
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (ownerUrl) {
    const runtime = args.str("runtime-role") ?? roleOfUrl(process.env.DATABASE_URL);
    const owner = await migrateAsOwner(ownerUrl, runtime);
    console.log(`Migrations applied as ${owner}${runtime && runtime !== owner ? `; grants for ${runtime} renewed` : ""}`);
    return;
  }
  const handle = await getDb();
  try {
    await migrateDb(handle);
    console.log(`Migrations applied (${handle.describe})`);
  } finally {
    await closeDb();
  }
}
