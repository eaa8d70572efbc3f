import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { yearlyParameters } from "../schema";

/** The yearly parameters in force (national unless the region has its own row). */
export async function parametersFor(db: Tx, year: number, regionKato = "000000000") {
  const rows = await db.select().from(yearlyParameters).where(eq(yearlyParameters.year, year));
  return rows.find((r) => r.regionKato === regionKato) ?? rows.find((r) => r.regionKato === "000000000") ?? null;
}

/**
 * The parameters an application is assessed by (issue 13, defect 9): those of its application year
 * and of the region its settlement lies in (KATO: the region is the first two digits), national when
 * the region has no row of its own. The citizen's incomes step and the specialist's computation both
 * ask this, so the poverty line the citizen is shown is the one the decision uses.
 */
export async function parametersForApplication(db: Tx, application: { applicationDate: string; katoCode: string | null }) {
  const year = Number(application.applicationDate.slice(0, 4));
  const region = application.katoCode ? `${application.katoCode.slice(0, 2)}0000000` : undefined;
  return { year, parameters: await parametersFor(db, year, region) };
}

export async function nationalParameters(db: Tx, year: number) {
  const [row] = await db.select().from(yearlyParameters).where(and(eq(yearlyParameters.year, year), eq(yearlyParameters.regionKato, "000000000")));
  return row ?? null;
}
