/**
 * Issue 13, defects 1 and 8, through the real channels on the real database:
 * - clause 7-1 check 2 gives the same answer on the portal, in the proactive scan and on an SMS reply
 *   (one rule, ADR 012) — a family paid last month, whose assignment ended, is neither refused on the
 *   portal nor treated differently by SMS; a family whose assignment runs on is refused everywhere;
 * - registering on the portal closes the family's open SMS offer with an SMS saying why, a later «1»
 *   is answered with that reason (not «could not register»), and the service page tells a citizen in
 *   a live case so before a new draft is started.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedReferenceData } from "../../db/seed/load";
import { aspRecords, bankAccounts, households, incomes, mobileNumbers, persons, registrations } from "../../db/schema";
import { registryGateway } from "../../db/queries/registry";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import { runProactiveScan } from "../../sms/scan";
import { applyInboundReply } from "../../sms/offers.server";
import { gatherFacts } from "../../app/application/submit.server";
import { runSevenOneChecks } from "../../app/domain/seven-one";
import { aspDefinition } from "../../app/services/asp/definition";
import { registerCase, offerClosedTexts } from "../../app/services/register.server";
import { startOrResumeDraft } from "../../app/application/draft.server";
import { loader as servicePage } from "../../app/routes/services.$slug";
import { seedAccounts } from "../../db/seed/accounts";
import { staffAccounts } from "../../db/schema";
import { lookUp } from "../../app/callcenter/lookup.server";
import { offerNextStep } from "../../app/callcenter/summary";
import { eq } from "drizzle-orm";
import { testIins } from "../support/people";
import { requestAs, sessionCookie } from "../support/session";

/** Monday 23 November 2026, 11:00 in Astana. "Last month" is October 2026. */
const NOW = new Date("2026-11-23T06:00:00Z");
const NURA = "355230100";
const QUARTER = ["2026-07-01", "2026-08-01", "2026-09-01"];
const iinPool = testIins(40, 9300, "1950-01-01");
let nextIin = 0;
let nextHousehold = 5000;
let nextPhone = 20;

type Prior = { kind: "assignment" | "payment" | "application"; from: string; to: string | null };

/** A low-income family of two in Nura, the head with a phone and an account, with these ASP records on the spouse. */
async function family(fresh: FreshDb, prior: Prior[]) {
  const id = nextHousehold++;
  await fresh.db.insert(households).values({ id });
  const iins = [iinPool[nextIin++], iinPool[nextIin++]];
  const phone = `+770100001${String(nextPhone++).padStart(2, "0")}`;
  for (const [i, iin] of iins.entries()) {
    await fresh.db.insert(persons).values({
      iin, lastNameRu: "Тестов", firstNameRu: `Член${i}`, lastNameKk: "Тестов", firstNameKk: `Мүше${i}`,
      birthDate: i === 0 ? "1985-01-01" : "1987-01-01", sex: i ? "F" : "M", preferredLanguage: "ru", householdId: id, householdRole: i === 0 ? "head" : "spouse",
    });
    await fresh.db.insert(registrations).values({ iin, kind: "permanent", katoCode: NURA, addressRu: "ул. Абая, 1", addressKk: "Абай көшесі, 1", validFrom: "2012-01-01" });
  }
  for (const month of QUARTER) await fresh.db.insert(incomes).values({ iin: iins[0], month, source: "wage", amount: 30_000 });
  await fresh.db.insert(mobileNumbers).values({ iin: iins[0], phone, verifiedAt: new Date("2025-01-01T00:00:00Z") });
  await fresh.db.insert(bankAccounts).values({ iin: iins[0], iban: `KZ72722S0000${String(id).padStart(8, "0")}`, bankCode: "722", openedAt: "2020-01-01" });
  for (const p of prior) await fresh.db.insert(aspRecords).values({ iin: iins[1], kind: p.kind, periodFrom: p.from, periodTo: p.to, amount: 20_000 });
  return { id, applicant: iins[0], spouse: iins[1], phone };
}

/** Paid last month (October), the assignment May–October ended: nothing in force today. */
const PAID_LAST_MONTH: Prior[] = [
  { kind: "assignment", from: "2026-05-01", to: "2026-10-31" },
  { kind: "payment", from: "2026-09-01", to: "2026-09-30" },
  { kind: "payment", from: "2026-10-01", to: "2026-10-31" },
];
/** Paid for this month (November) under an assignment that runs to December. */
const PAID_THIS_MONTH: Prior[] = [
  { kind: "assignment", from: "2026-07-01", to: "2026-12-31" },
  { kind: "payment", from: "2026-11-01", to: "2026-11-30" },
];

const DRAFT = (spouse: string) => ({
  applicantSeen: true, members: [{ iin: spouse, relation: "spouse" as const }], membersConfirmed: true, incomesConfirmed: true,
  payment: { kind: "on_file" as const, iban: "KZ000", bankCode: "722" }, consent: { at: NOW.toISOString(), phone: "+77000000000" },
});

describe("clause 7-1 check 2 is one rule on every channel (issue 13, defect 1)", () => {
  let fresh: FreshDb;
  let paidLastMonth: Awaited<ReturnType<typeof family>>;
  let paidThisMonth: Awaited<ReturnType<typeof family>>;
  const offeredHouseholds = async () => new Set((await fresh.query<{ household_id: string }>(`select household_id::text from proactive_offers`)).map((r) => Number(r.household_id)));

  /** The portal's own path: the facts submit.server.ts gathers, then the clause 7-1 checks. */
  async function portalCheck2(f: Awaited<ReturnType<typeof family>>) {
    const facts = await gatherFacts(registryGateway(fresh.db), aspDefinition, f.applicant, DRAFT(f.spouse), NOW);
    return runSevenOneChecks(facts).failures.filter((x) => x.check === "no_prior_assistance");
  }

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_prior_assistance" });
    setDb(fresh);
    await seedReferenceData(fresh.db);
    paidLastMonth = await family(fresh, PAID_LAST_MONTH);
    paidThisMonth = await family(fresh, PAID_THIS_MONTH);
    await runProactiveScan(fresh.db, { now: NOW, cooldownDays: 90 });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("a family paid last month, whose assignment ended: the portal accepts check 2 and the SMS scan offers", async () => {
    expect(await portalCheck2(paidLastMonth)).toEqual([]);
    expect((await offeredHouseholds()).has(paidLastMonth.id)).toBe(true);
  });

  it("a family paid for this month: the portal refuses on check 2 and the SMS scan does not offer", async () => {
    expect((await portalCheck2(paidThisMonth)).map((f) => f.reason)).toEqual(["registry_assignment"]);
    expect((await offeredHouseholds()).has(paidThisMonth.id)).toBe(false);
  });

  it("the SMS reply registers the family paid last month, as the portal would have", async () => {
    const at = new Date(NOW.getTime() + 60_000);
    await applyInboundReply(fresh.db, { sid: "SM-prior-1", from: paidLastMonth.phone, body: "1", at });
    const outcome = await applyInboundReply(fresh.db, { sid: "SM-prior-2", from: paidLastMonth.phone, body: "1", at: new Date(at.getTime() + 60_000) });
    expect(outcome).toMatchObject({ kind: "applied", stage: "registered", registrationNumber: expect.stringMatching(/^ASP26-\d{6}$/) });
  });
});

describe("registering by any channel closes the family's open offers (issue 13, defect 8)", () => {
  let fresh: FreshDb;
  let f: Awaited<ReturnType<typeof family>>;
  let declined: Awaited<ReturnType<typeof family>>;
  let registrationNumber: string;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_offer_closing" });
    setDb(fresh);
    await seedReferenceData(fresh.db);
    await seedAccounts(fresh.db);
    f = await family(fresh, []);
    declined = await family(fresh, []);
    await runProactiveScan(fresh.db, { now: NOW, cooldownDays: 90 });
    // The second family declines («2»), which it may still turn into consent for 24 hours, then files on the portal.
    await applyInboundReply(fresh.db, { sid: "SM-decline-1", from: declined.phone, body: "2", at: new Date(NOW.getTime() + 60_000) });
    const second = await registerCase(fresh.db, aspDefinition, {
      applicantIin: declined.applicant, channel: "portal", members: [{ iin: declined.applicant, relation: "applicant" }, { iin: declined.spouse, relation: "spouse" }],
      katoCode: NURA, applicationDate: "2026-11-23", registeredBy: "system", now: new Date(NOW.getTime() + 2 * 60_000),
    });
    if (!second.ok) throw new Error("setup: the second portal registration failed");
    // The spouse files on the portal for the same family while the offer to the head is open.
    const outcome = await registerCase(fresh.db, aspDefinition, {
      applicantIin: f.spouse, channel: "portal",
      members: [{ iin: f.spouse, relation: "applicant" }, { iin: f.applicant, relation: "spouse" }],
      katoCode: NURA, applicationDate: "2026-11-23", registeredBy: "system", now: new Date(NOW.getTime() + 5 * 60_000),
    });
    if (!outcome.ok) throw new Error("setup: the portal registration failed");
    registrationNumber = outcome.registrationNumber;
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("the open offer and the still-revocable decline are closed; each recipient gets a short SMS saying why", async () => {
    for (const household of [f, declined]) {
      const [offer] = await fresh.query<{ stage: string; state_stage: string }>(`select stage, state->>'stage' as state_stage from proactive_offers where household_id = $1`, [household.id]);
      expect(offer).toEqual({ stage: "closed_registered", state_stage: "closed_registered" });
    }
    const sms = await fresh.query<{ body: string; phone: string; purpose: string }>(`select body, phone, purpose::text from sms_messages where offer_id is not null and purpose = 'notice' order by phone`);
    expect(sms).toEqual([f, declined].map((h) => ({ body: offerClosedTexts().ru, phone: h.phone, purpose: "notice" })).sort((a, b) => a.phone.localeCompare(b.phone)));
  });

  it("a later «1» is answered with that reason, not «could not register», and registers nothing", async () => {
    const outcome = await applyInboundReply(fresh.db, { sid: "SM-closed-1", from: f.phone, body: "1", at: new Date(NOW.getTime() + 10 * 60_000) });
    expect(outcome).toMatchObject({ kind: "applied", stage: "closed_registered" });
    const [reply] = await fresh.query<{ body: string }>(`select body from sms_messages where direction = 'out' and purpose = 'reply' order by id desc limit 1`);
    expect(reply.body).toBe(offerClosedTexts().ru);
    const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from applications where status <> 'draft'`);
    expect(n).toBe(2);
  });

  it("1414 sees the offer as closed, with nothing to do", async () => {
    const [agent] = await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, "cc.agent"));
    const outcome = await lookUp(fresh.db, { agent: { id: agent.id, role: agent.role }, callReference: "CALL-CLOSED-1", query: { kind: "iin", iin: f.applicant }, language: "ru", now: new Date(NOW.getTime() + 15 * 60_000), maxPerMinute: 20 });
    expect(outcome.ok && outcome.summary.offers.map((o) => [o.stage, offerNextStep(o).key])).toEqual([["closed_registered", "callcenter:next.offer.closed_registered"]]);
  });

  it("the service page tells the applicant and the family member about the live application before a new draft", async () => {
    for (const [iin, own] of [[f.spouse, true], [f.applicant, false]] as const) {
      await ensureCitizenAccount(fresh.db, iin);
      const request = requestAs(await sessionCookie({ kind: "citizen", iin }), "/services/asp");
      const page = await servicePage({ request, params: { slug: "asp" }, context: {} });
      expect(page.live).toMatchObject({ registrationNumber, own });
      const started = await startOrResumeDraft(requestAs(await sessionCookie({ kind: "citizen", iin }), "/apply?service=asp"), "asp");
      expect(started.headers.get("location")).toBe("/services/asp");
    }
    const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from applications where status = 'draft'`);
    expect(n).toBe(0);
  });
});
