/** TEST AND DEMO DATA ONLY — look-ups for the demo fixtures (app/routes/dev.fixtures.decide.ts). */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications } from "../../db/schema";

export async function findCaseByNumber(db: Db, registrationNumber: string) {
  if (!/^[A-Z]{2,5}\d{2}-\d{6}$/.test(registrationNumber)) return null;
  const [row] = await db.select({ id: applications.id, applicantIin: applications.applicantIin }).from(applications).where(eq(applications.registrationNumber, registrationNumber));
  return row ?? null;
}
