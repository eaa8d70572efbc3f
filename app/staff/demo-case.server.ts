/**
 * TEST AND DEMO DATA ONLY — reached from the integration tests and from POST /dev/fixtures/deciding,
 * which answers 404 unless demo mode is on (app/routes/dev.fixtures.deciding.ts).
 *
 * Registers an ASP application for a person the portal's way (registerApplication, the household as
 * family, the settlement of the current registration), so the staff steps have a case to work on.
 */
import type { Tx } from "../db.server";
import { registryGateway } from "../../db/queries/registry";
import { registerCase } from "../services/register.server";
import { aspDefinition } from "../services/asp/definition";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import type { Db } from "../../db/client";
import { isWorkingDay, kzCalendar } from "../domain/workdays";
import { addCalendarDays, kzDate } from "../domain/kz-time";
import { familyFromHousehold } from "../domain/family";
import { demoCitizens } from "../../db/seed/demo-people";

/** Is this IIN one of the seeded demo citizens (the only people the fixture registers cases for)? */
export function isDemoCitizen(iin: string): boolean {
  return demoCitizens.some((c) => c.iin === iin);
}

/**
 * A demo case was filed in working time on the last working day up to today: staff can then take
 * every step today (a survey dated today, say), whatever the hour or weekday the demo is run on.
 * Filed "now" after 18:30 it would be accepted tomorrow, and today's survey would come before it.
 */
function demoApplicationDay(now: Date) {
  let day = kzDate(now);
  while (!isWorkingDay(day, kzCalendar)) day = addCalendarDays(day, -1);
  return day;
}

export async function registerDemoCase(db: Db, applicantIin: string, now = new Date()) {
  const gateway = registryGateway(db as Tx);
  const household = await gateway.getHouseholdMembers(applicantIin);
  if (!household.length) throw new Error(`no household for ${applicantIin}`);
  const registrations = await gateway.getRegistrations([applicantIin]);
  const current = registrations.find((r) => r.validTo === null) ?? registrations[0];
  const family = familyFromHousehold(applicantIin, household);
  const applicationDate = demoApplicationDay(now);
  await ensureCitizenAccount(db, applicantIin);
  const registered = await registerCase(db, aspDefinition, {
    applicantIin,
    channel: "portal",
    members: family,
    katoCode: current.settlementKato,
    applicationDate,
    registeredBy: "system",
    now,
  });
  if (!registered.ok) throw new Error(`cannot register a case for ${applicantIin}: ${registered.reason}`);
  return { applicationId: registered.applicationId, registrationNumber: registered.registrationNumber, members: family.map((m) => m.iin) };
}
