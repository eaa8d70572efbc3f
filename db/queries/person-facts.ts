import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Tx } from "../client";
import { personFacts } from "../schema";

/** A person's registry facts in force on `day` (issue 14: what district rule sets ask about). */
export async function factsOn(db: Tx, iin: string, day: string) {
  return db
    .select({ kind: personFacts.kind, value: personFacts.value })
    .from(personFacts)
    .where(and(eq(personFacts.iin, iin), lte(personFacts.validFrom, day), or(isNull(personFacts.validTo), gte(personFacts.validTo, day))));
}
