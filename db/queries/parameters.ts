import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { yearlyParameters } from "../schema";

/** The yearly parameters in force (national unless the region has its own row). */
export async function parametersFor(db: Tx, year: number, regionKato = "000000000") {
  const rows = await db.select().from(yearlyParameters).where(eq(yearlyParameters.year, year));
  return rows.find((r) => r.regionKato === regionKato) ?? rows.find((r) => r.regionKato === "000000000") ?? null;
}

export async function nationalParameters(db: Tx, year: number) {
  const [row] = await db.select().from(yearlyParameters).where(and(eq(yearlyParameters.year, year), eq(yearlyParameters.regionKato, "000000000")));
  return row ?? null;
}
