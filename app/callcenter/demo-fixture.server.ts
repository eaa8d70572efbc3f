/**
 * TEST AND DEMO DATA ONLY — reached from the integration tests and from POST /dev/fixtures/callcenter,
 * which answers 404 unless demo mode is on (app/routes/dev.fixtures.callcenter.ts).
 *
 * Makes what a 1414 look-up needs to show something real: a portal application registered the
 * portal's way (registerApplication, with family members, the payment account and the consent phone
 * in its draft), and a delivered proactive offer (sms/machine.ts startOffer, as the scan stores it).
 * Uses generated households, never the demo people, whose scenarios the other e2e tests play.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../db.server";
import { registryGateway } from "../../db/queries/registry";
import { registerCase } from "../services/register.server";
import { aspDefinition } from "../services/asp/definition";
import { ensureCitizenAccount, setCitizenPassword } from "../../db/queries/accounts";
import { lookupDemoCandidates } from "../../db/queries/callcenter";
import { proactiveOffers, smsMessages } from "../../db/schema";
import { demoFamilyIins } from "../../db/seed/demo-families";
import { DEMO_PASSWORD } from "../../db/seed/demo-people";
import { hashPassword } from "../auth/password.server";
import { kzDate } from "../domain/kz-time";
import { familyFromHousehold } from "../domain/family";
import { defaultOfferPolicy, startOffer } from "../../sms/machine";

export type LookupDemo = {
  password: string;
  portal: { iin: string; registrationNumber: string; memberIins: string[] };
  offer: { iin: string; offerId: number; householdMemberIins: string[] };
};

/** Per-capita income and poverty line the offer carries: figures the console must never show. */
export const DEMO_OFFER_FIGURES = { perCapitaIncome: 31_337, povertyLine: 45_678 };

export async function createLookupDemo(db: Db, now = new Date()): Promise<LookupDemo> {
  const gateway = registryGateway(db);
  const exclude = demoFamilyIins();
  const [portalIin] = await lookupDemoCandidates(db, { exclude, withPhone: true, limit: 1 });
  if (!portalIin) throw new Error("no generated household fits the look-up demo: seed the registry first");
  const [offerIin] = await lookupDemoCandidates(db, { exclude: [...exclude, portalIin], withPhone: true, limit: 1 });
  if (!offerIin) throw new Error("no second generated household fits the look-up demo: seed more persons");

  // The portal application, registered as the portal registers it.
  const household = await gateway.getHouseholdMembers(portalIin);
  const registrations = await gateway.getRegistrations([portalIin]);
  const current = registrations.find((r) => r.validTo === null)!;
  const [account] = (await gateway.getBankAccounts(portalIin)).filter((a) => !a.closedAt);
  const mobile = await gateway.getMobileNumber(portalIin);
  const family = familyFromHousehold(portalIin, household);
  const members = family.slice(1);
  const today = kzDate(now);
  const registered = await registerCase(db, aspDefinition, {
    applicantIin: portalIin,
    channel: "portal",
    members: family,
    katoCode: current.katoCode,
    applicationDate: today,
    registeredBy: "system",
    now,
    draft: {
      applicantSeen: true,
      members,
      membersConfirmed: true,
      incomesConfirmed: true,
      payment: account ? { kind: "on_file", iban: account.iban, bankCode: account.bankCode } : undefined,
      consent: { at: now.toISOString(), phone: mobile?.phone ?? "" },
    },
  });
  if (!registered.ok) throw new Error(`the demo application was not registered: ${registered.reason}`);

  // The proactive offer, stored as the scan stores it, with its SMS delivered.
  const offerPerson = (await gateway.getPerson(offerIin))!;
  const offerHousehold = await gateway.getHouseholdMembers(offerIin);
  const offerPhone = (await gateway.getMobileNumber(offerIin))!.phone;
  const offerAccount = (await gateway.getBankAccounts(offerIin)).find((a) => !a.closedAt);
  const offerKato = (await gateway.getRegistrations([offerIin])).find((r) => r.validTo === null)!.katoCode;
  const language = offerPerson.preferredLanguage;
  const started = startOffer({ language, sentAt: now, accountLast4: offerAccount ? offerAccount.iban.slice(-4) : null }, defaultOfferPolicy);
  const [offer] = await db
    .insert(proactiveOffers)
    .values({
      service: aspDefinition.key,
      householdId: offerPerson.householdId!,
      recipientIin: offerIin,
      phone: offerPhone,
      language,
      katoCode: offerKato,
      ...DEMO_OFFER_FIGURES,
      incomeQuarter: `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`,
      stage: started.state.stage,
      state: started.state,
      sentAt: now,
      remindAt: new Date(started.state.remindAt),
      expiresAt: new Date(started.state.expiresAt),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: proactiveOffers.id });
  await db.insert(smsMessages).values({
    direction: "out",
    phone: offerPhone,
    iin: offerIin,
    language,
    body: started.messages[0].text,
    purpose: "offer",
    status: "delivered",
    providerSid: `fixture-${randomBytes(8).toString("hex")}`,
    attempts: 1,
    offerId: offer.id,
    sentAt: now,
    createdAt: now,
    updatedAt: now,
  });

  // Both people can sign in to their cabinet to see who looked at their data.
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const iin of [portalIin, offerIin]) {
    await ensureCitizenAccount(db, iin);
    await setCitizenPassword(db, iin, hash);
  }
  return {
    password: DEMO_PASSWORD,
    portal: { iin: portalIin, registrationNumber: registered.registrationNumber, memberIins: members.map((m) => m.iin) },
    offer: { iin: offerIin, offerId: offer.id, householdMemberIins: offerHousehold.filter((p) => p.iin !== offerIin).map((p) => p.iin) },
  };
}
