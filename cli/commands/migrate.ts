import { getDb, migrateDb, closeDb } from "../../db/client";

export async function run(_args: string[] = []) {
  const handle = await getDb();
  try {
    await migrateDb(handle);
    console.log(`Migrations applied (${handle.describe})`);
  } finally {
    await closeDb();
  }
}
