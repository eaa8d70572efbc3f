import { describe, expect, it } from "vitest";
import postgres from "postgres";

/**
 * postgres.js 3.4.9 loses the reservation of a transaction's connection when `BEGIN` is pipelined behind
 * another query or the socket is momentarily full (porsager/postgres#1189, #823): the transaction then
 * fails with UNSAFE_TRANSACTION, or its later statements run on a connection the pool has handed to
 * someone else. Under load that failed citizens' submissions at random (the fault test's retries saw it).
 * patches/postgres+3.4.9.patch reserves the connection whenever BEGIN is written; `max_pipeline: 1`
 * makes the pipelined case happen on every second query instead of once in a busy hour.
 */
describe.skipIf(!process.env.DATABASE_URL)("transactions on a busy postgres.js pool", () => {
  it("a BEGIN pipelined behind another query still gets its own connection", async () => {
    // max_pipeline is a runtime option of postgres.js that its type declarations leave out.
    const options = { max: 2, max_pipeline: 1, onnotice: () => {} } as postgres.Options<Record<string, never>>;
    const sql = postgres(process.env.DATABASE_URL!, options);
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const plain = sql`select ${i}::int as n`.execute();
          const tx = sql.begin(async (t) => {
            const [first] = await t<{ x: string }[]>`select pg_current_xact_id()::text as x`;
            const [second] = await t<{ x: string | null }[]>`select pg_current_xact_id_if_assigned()::text as x`;
            return { first: first.x, second: second.x };
          });
          await plain;
          return tx.then((row) => ({ ok: true as const, row, code: undefined }), (e: { code?: string }) => ({ ok: false as const, row: undefined, code: e.code }));
        }),
      );
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      // Both statements ran in the one transaction BEGIN opened (outside one, the second has no id).
      expect(outcomes.every((o) => o.ok && o.row?.first === o.row?.second)).toBe(true);
    } finally {
      await sql.end();
    }
  });

  it("the installed driver carries the patch (npm install runs patch-package)", async () => {
    const fs = await import("node:fs");
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const cjs = require.resolve("postgres");
    const src = cjs.replace(/cjs[\\/]src[\\/]index\.js$/, "src/connection.js");
    for (const file of [cjs.replace(/index\.js$/, "connection.js"), src]) {
      expect(fs.readFileSync(file, "utf8")).toContain("Komek patch (porsager/postgres#1189");
    }
  });
});
