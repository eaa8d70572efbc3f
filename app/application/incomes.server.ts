/** The family's incomes for the quarter before the quarter of application, from the registry. */
import type { Gateway } from "../domain/gateway";
import { perCapitaIncome, quarterBefore } from "../domain/income";
import { applicationDay } from "../domain/application-day";
import { kzCalendar } from "../domain/workdays";
import type { Tx } from "../db.server";
import { parametersForApplication } from "../../db/queries/parameters";

/**
 * The day an application filed `now` would be accepted (after working time or on a day off: the next
 * working day). It fixes the income quarter and the poverty line's year, as it will on registration.
 */
export function filingDay(now: Date) {
  return applicationDay(now, kzCalendar);
}

export async function familyIncomes(gateway: Gateway, memberIins: string[], now: Date) {
  const quarter = quarterBefore(filingDay(now));
  const ym = (m: string) => m.slice(0, 7);
  const incomes = await gateway.getIncomes(memberIins, ym(quarter.from), ym(quarter.to));
  const records = incomes.map((i) => ({ iin: i.iin, month: `${ym(i.month)}-01`, amount: i.amount, source: i.source }));
  const result = perCapitaIncome({ incomes: records, members: memberIins, quarter });
  if (!result.ok) throw new Error(`income computation failed: ${JSON.stringify(result.errors)}`);
  return { quarter, records, breakdown: result.value };
}

/**
 * The poverty line the citizen's application will be assessed by: the same lookup the specialist's
 * computation uses (db/queries/parameters.ts parametersForApplication), for the filing day and the
 * settlement of the applicant's current permanent registration.
 */
export async function povertyLineForFiling(db: Tx, gateway: Gateway, applicantIin: string, now: Date) {
  const registrations = await gateway.getRegistrations([applicantIin]);
  const current = registrations.find((r) => r.kind === "permanent" && !r.validTo) ?? registrations.find((r) => !r.validTo);
  const { parameters } = await parametersForApplication(db, { applicationDate: filingDay(now), katoCode: current?.settlementKato ?? null });
  return parameters ? { year: parameters.year, amount: parameters.povertyLine } : null;
}
