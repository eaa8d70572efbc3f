import { inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { personFacts, persons } from "../schema";
import { demoFactRows } from "./demo-facts";
import { demoFamilyBundles, demoFamilyIins } from "./demo-families";
import { generatePopulation, toIsoDate } from "./generate";
import { insertBundles, seedReferenceData, takenIdentifiers } from "./load";

export { seedReferenceData } from "./load";

/** The fixed seed and size of the generated neighbours the demo database gets. */
export const DEMO_SEED = 20260101;
export const DEMO_GENERATED_PERSONS = 2000;

export type DemoSeedOptions = {
  /** 'YYYY-MM-DD'; incomes cover the 12 full months before it. Defaults to today (UTC). */
  referenceDate?: string;
  generatedPersons?: number;
};

/**
 * Fills a database with reference data (KATO, banks, yearly parameters), the demo families and a
 * generated population of DEMO_GENERATED_PERSONS around them. Each part is added only when it is
 * missing, so a second call changes nothing; returns null then.
 */
export async function seedDemoIfEmpty(db: Db, options: DemoSeedOptions = {}): Promise<{ persons: number } | null> {
  const referenceDate = options.referenceDate ?? toIsoDate(Date.now());
  const generatedPersons = options.generatedPersons ?? DEMO_GENERATED_PERSONS;
  return db.transaction(async (tx) => {
    await seedReferenceData(tx);
    const demoIins = demoFamilyIins();
    const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(persons);
    const [{ demo }] = await tx.select({ demo: sql<number>`count(*)::int` }).from(persons).where(inArray(persons.iin, demoIins));
    let added = 0;
    if (demo === 0) {
      const { householdIdStart } = await takenIdentifiers(tx);
      added += (await insertBundles(tx, demoFamilyBundles(referenceDate, householdIdStart))).persons;
      await tx.insert(personFacts).values(demoFactRows());
    }
    if (total - demo === 0 && generatedPersons > 0) {
      const taken = await takenIdentifiers(tx);
      const bundles = generatePopulation({ seed: DEMO_SEED, persons: generatedPersons, referenceDate, taken, householdIdStart: taken.householdIdStart });
      added += (await insertBundles(tx, bundles)).persons;
    }
    if (added === 0) return null;
    await tx.execute(sql`select setval(pg_get_serial_sequence('registry.households', 'id'), (select max(id) from registry.households))`);
    return { persons: added };
  });
}
