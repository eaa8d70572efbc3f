import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { persons, yearlyParameters } from "../schema";
import { yearlyParameterRows } from "./parameters";

/** Reference data every database needs, whatever its persons: idempotent. */
export async function seedReferenceData(db: Db) {
  await db.insert(yearlyParameters).values(yearlyParameterRows).onConflictDoNothing();
}

/** On first start, fill an empty database with reference data and the demo persons. */
export async function seedDemoIfEmpty(db: Db): Promise<{ persons: number } | null> {
  await seedReferenceData(db);
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(persons);
  if (count > 0) return null;
  return { persons: 0 };
}
