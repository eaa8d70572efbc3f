import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { seedReferenceData } from "../../db/seed/load";
import { aspRecords, households, incomes, mobileNumbers, persons, registrations, smsOptOuts, activeCaseMembers, applications } from "../../db/schema";
import { runProactiveScan } from "../../sms/scan";
import { quarterBefore, quarterLabel } from "../../app/domain/income";
import { testIins } from "../support/people";

/** Monday 23 November 2026: the last full quarter is July–September 2026; the 2026 poverty line is 35,596 ₸. */
const NOW = new Date("2026-11-23T06:00:00Z");
const LINE = 35_596;
const NURA = "355230100";
const TALSHIK = "593430100";
const QUARTER = ["2026-07-01", "2026-08-01", "2026-09-01"];

type MemberSpec = { born: string; monthly?: number; phone?: string; kato?: string; asp?: { to: string | null }; role?: "head" | "spouse" | "child" };
let nextIin = 0;
let nextHousehold = 1000;
const iinPool = testIins(400, 8000, "1950-01-01");

/** A registry household: members, their registration, quarter incomes, phones and ASP records. */
async function family(fresh: FreshDb, members: MemberSpec[], kato = NURA): Promise<number> {
  const id = nextHousehold++;
  await fresh.db.insert(households).values({ id });
  for (const [i, m] of members.entries()) {
    const iin = iinPool[nextIin++];
    await fresh.db.insert(persons).values({
      iin, lastNameRu: "Тестов", firstNameRu: `Член${i}`, lastNameKk: "Тестов", firstNameKk: `Мүше${i}`,
      birthDate: m.born, sex: i % 2 ? "F" : "M", preferredLanguage: "ru", householdId: id, householdRole: m.role ?? (i === 0 ? "head" : "child"),
    });
    await fresh.db.insert(registrations).values({ iin, kind: "permanent", katoCode: m.kato ?? kato, addressRu: "ул. Абая, 1", addressKk: "Абай көшесі, 1", validFrom: "2012-01-01" });
    if (m.monthly) for (const month of QUARTER) await fresh.db.insert(incomes).values({ iin, month, source: "wage", amount: m.monthly });
    if (m.phone) await fresh.db.insert(mobileNumbers).values({ iin, phone: m.phone, verifiedAt: new Date("2025-01-01T00:00:00Z") });
    if (m.asp) await fresh.db.insert(aspRecords).values({ iin, kind: "assignment", periodFrom: "2026-01-01", periodTo: m.asp.to, amount: 20_000 });
  }
  return id;
}

describe("finding families for the proactive offer", () => {
  let fresh: FreshDb;
  const ids: Record<string, number> = {};
  const scan = (extra: Partial<Parameters<typeof runProactiveScan>[1]> = {}) => runProactiveScan(fresh.db, { now: NOW, cooldownDays: 90, ...extra });
  const offered = async () => new Set((await fresh.query<{ household_id: string }>(`select household_id::text from proactive_offers`)).map((r) => Number(r.household_id)));

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_proactive_scan", max: 20 });
    await seedReferenceData(fresh.db);
    // Two adults and a child: the line is LINE × 3 members per month.
    ids.atTheLine = await family(fresh, [{ born: "1985-01-01", monthly: LINE * 3, phone: "+77010000001" }, { born: "1987-01-01" }, { born: "2015-01-01" }]);
    ids.oneTengeAbove = await family(fresh, [{ born: "1985-01-01", monthly: LINE * 3 + 1, phone: "+77010000002" }, { born: "1987-01-01" }, { born: "2015-01-01" }]);
    ids.noIncome = await family(fresh, [{ born: "1990-01-01", phone: "+77010000003" }]);
    ids.memberHasAsp = await family(fresh, [{ born: "1985-01-01", monthly: 30_000, phone: "+77010000004" }, { born: "1987-01-01", asp: { to: null } }]);
    ids.aspEnded = await family(fresh, [{ born: "1985-01-01", monthly: 30_000, phone: "+77010000005" }, { born: "1987-01-01", asp: { to: "2026-06-30" } }]);
    ids.twoSettlements = await family(fresh, [{ born: "1985-01-01", monthly: 30_000, phone: "+77010000006" }, { born: "1987-01-01", kato: TALSHIK }]);
    ids.noPhone = await family(fresh, [{ born: "1985-01-01", monthly: 30_000 }, { born: "1987-01-01" }]);
    ids.onlyChildHasPhone = await family(fresh, [{ born: "1985-01-01", monthly: 30_000 }, { born: "2012-01-01", phone: "+77010000007" }]);
    ids.spousesPhone = await family(fresh, [{ born: "1985-01-01", monthly: 30_000 }, { born: "1987-01-01", phone: "+77010000008", role: "spouse" }]);
    ids.optedOut = await family(fresh, [{ born: "1985-01-01", monthly: 30_000, phone: "+77010000009" }]);
    ids.inKomekCase = await family(fresh, [{ born: "1985-01-01", monthly: 30_000, phone: "+77010000010" }]);
    ids.talshik = await family(fresh, [{ born: "1985-01-01", monthly: 30_000, phone: "+77010000011" }], TALSHIK);
    await fresh.db.insert(smsOptOuts).values({ phone: "+77010000009", at: new Date("2026-01-01T00:00:00Z") });
    const [caseIin] = (await fresh.query<{ iin: string }>(`select iin from registry.persons where household_id = $1`, [ids.inKomekCase])).map((r) => r.iin);
    const [app] = await fresh.db.insert(applications).values({ service: "asp", applicantIin: caseIin, channel: "portal", status: "draft" }).returning({ id: applications.id });
    await fresh.db.insert(activeCaseMembers).values({ service: "asp", iin: caseIin, applicationId: app.id });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("the last full quarter is the portal's quarter before the quarter of application (app/domain/income.ts)", () => {
    const lastFull = (today: string) => {
      const q = quarterBefore(today);
      return { label: quarterLabel(q), from: q.from, to: q.to };
    };
    expect(lastFull("2026-11-23")).toEqual({ label: "2026-Q3", from: "2026-07-01", to: "2026-09-01" });
    expect(lastFull("2026-01-01")).toEqual({ label: "2025-Q4", from: "2025-10-01", to: "2025-12-01" });
    expect(lastFull("2026-03-31")).toEqual({ label: "2025-Q4", from: "2025-10-01", to: "2025-12-01" });
    expect(lastFull("2026-04-01")).toEqual({ label: "2026-Q1", from: "2026-01-01", to: "2026-03-01" });
  });

  it("a dry run counts and creates nothing", async () => {
    const summary = await scan({ dryRun: true });
    expect(summary).toMatchObject({ scanned: 12, eligible: 8, withoutPhone: 3, alreadyOffered: 0, offersCreated: 0 });
    expect((await offered()).size).toBe(0);
  });

  it.each([
    ["income exactly at the poverty line", "atTheLine", true],
    ["income one tenge above the line", "oneTengeAbove", false],
    ["no recorded income", "noIncome", true],
    ["a member with ASP in force", "memberHasAsp", false],
    ["a member whose ASP ended before today", "aspEnded", true],
    ["members in two settlements", "twoSettlements", false],
    ["no member with a phone", "noPhone", false],
    ["only a child with a phone", "onlyChildHasPhone", false],
    ["the spouse's phone", "spousesPhone", true],
    ["a number that opted out", "optedOut", false],
    ["a member in a live Komek case", "inKomekCase", false],
  ])("%s → offered: %s", async (_name, key, expected) => {
    if ((await offered()).size === 0) await scan();
    expect((await offered()).has(ids[key])).toBe(expected);
  });

  it("writes to the adult's number in their language, with the offer SMS queued", async () => {
    const [offer] = await fresh.query<{ phone: string; stage: string; per_capita_income: number; income_quarter: string; body: string; status: string }>(
      `select o.phone, o.stage, o.per_capita_income, o.income_quarter, m.body, m.status::text
         from proactive_offers o join sms_messages m on m.offer_id = o.id where o.household_id = $1`,
      [ids.spousesPhone],
    );
    expect(offer).toMatchObject({ phone: "+77010000008", stage: "offered", per_capita_income: 15_000, income_quarter: "2026-Q3", status: "queued" });
    expect(offer.body).toContain("1414");
  });

  it("running it again creates nothing new", async () => {
    const before = (await offered()).size;
    const summary = await scan();
    expect(summary).toMatchObject({ eligible: 8, withoutPhone: 3, alreadyOffered: before, offersCreated: 0 });
    const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages`);
    expect(n).toBe(before);
  });

  it("after the cooldown a family whose offer closed may be offered again, an open one never twice", async () => {
    await fresh.query(`update proactive_offers set stage = 'expired' where household_id = $1`, [ids.atTheLine]);
    const in30days = await scan({ now: new Date(NOW.getTime() + 30 * 86_400_000), year: 2026 });
    expect(in30days.offersCreated).toBe(0);
    await scan({ now: new Date(NOW.getTime() + 100 * 86_400_000), year: 2026 });
    const perHousehold = await fresh.query<{ household_id: string; offers: number; open: number }>(
      `select household_id::text, count(*)::int as offers, count(*) filter (where stage = 'offered')::int as open
         from proactive_offers group by household_id`,
    );
    expect(perHousehold.find((r) => Number(r.household_id) === ids.atTheLine)).toMatchObject({ offers: 2, open: 1 });
    // Families whose offer is still open are not offered twice.
    expect(perHousehold.filter((r) => Number(r.household_id) === ids.spousesPhone)).toMatchObject([{ offers: 1, open: 1 }]);
    expect(perHousehold.every((r) => r.open <= 1)).toBe(true);
  });

  it("--kato limits the scan to settlements under a prefix", async () => {
    const summary = await scan({ katoPrefix: "5934", dryRun: true });
    expect(summary.scanned).toBe(2); // Talshik, and the family with a member in Talshik
    expect(summary.eligible).toBe(1);
  });

  it.skipIf(!process.env.DATABASE_URL)("five scans at once create each offer once (PostgreSQL)", async () => {
    // A clean slate, as the owner: SMS messages are evidence, which the portal's role cannot delete
    // and a trigger keeps even the owner from deleting until it disables it (migration 0009).
    const { default: postgres } = await import("postgres");
    const owner = postgres(fresh.ownerUrl ?? fresh.url!, { max: 1, onnotice: () => {} });
    try {
      await owner.begin(async (tx) => {
        await tx.unsafe(`alter table sms_messages disable trigger user`);
        await tx.unsafe(`delete from sms_messages`);
        await tx.unsafe(`alter table sms_messages enable trigger user`);
        await tx.unsafe(`delete from proactive_offers`);
      });
    } finally {
      await owner.end();
    }
    const results = await Promise.all(Array.from({ length: 5 }, () => scan()));
    expect(results.reduce((sum, r) => sum + r.offersCreated, 0)).toBe(5);
    const [{ n, households: distinct }] = await fresh.query<{ n: number; households: number }>(
      `select count(*)::int as n, count(distinct household_id)::int as households from proactive_offers`,
    );
    expect(n).toBe(distinct);
  });
});
