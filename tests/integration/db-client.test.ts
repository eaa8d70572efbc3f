import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createDb, rowsOf, type DbHandle } from "../../db/client";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { banks, persons } from "../../db/schema";

/**
 * drizzle's queries reach PostgreSQL as prepared statements (one round trip, planned once per
 * connection), in transactions and savepoints too; DATABASE_PREPARE=0 turns that off.
 */
describe.skipIf(!process.env.DATABASE_URL)("the postgres.js client", () => {
  let fresh: FreshDb;
  const handles: DbHandle[] = [];

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_client" });
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await fresh.drop();
  });

  /** Prepared statements of the connection a transaction runs on, after a parameterised select. */
  async function preparedAfterQueries(handle: DbHandle) {
    return handle.db.transaction(async (tx) => {
      await tx.select().from(persons).where(eq(persons.iin, "900512440017"));
      const inSavepoint = await tx.transaction(async (inner) => {
        await inner.select().from(banks).where(eq(banks.code, "KSPK"));
        // drizzle's own statements (postgres.js prepares its type look-up and SAVEPOINT regardless).
        const drizzles = sql`select count(*)::int as n from pg_prepared_statements where statement like 'select "%'`;
        return rowsOf<{ n: number }>(await inner.execute(drizzles))[0].n;
      });
      return inSavepoint;
    });
  }

  it("prepares parameterised queries, inside transactions and savepoints", async () => {
    const handle = await createDb({ url: fresh.url!, max: 1 });
    handles.push(handle);
    expect(await preparedAfterQueries(handle)).toBe(2);
  });

  it("sends them unprepared with DATABASE_PREPARE=0", async () => {
    process.env.DATABASE_PREPARE = "0";
    try {
      const handle = await createDb({ url: fresh.url!, max: 1 });
      handles.push(handle);
      expect(await preparedAfterQueries(handle)).toBe(0);
    } finally {
      delete process.env.DATABASE_PREPARE;
    }
  });
});
