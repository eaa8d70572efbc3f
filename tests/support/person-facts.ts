import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";

/** registry.person_facts as issue 14a's migration 0015 makes it; a no-op once that migration has run. */
export async function ensurePersonFacts(db: Tx) {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS registry.person_facts (
    id bigserial PRIMARY KEY, iin char(12) NOT NULL REFERENCES registry.persons(iin), kind text NOT NULL, value text,
    valid_from date NOT NULL, valid_to date, source text NOT NULL)`);
}
