import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { registryGateway } from "../../db/queries/registry";
import { seedDemoIfEmpty, DEMO_GENERATED_PERSONS } from "../../db/seed/demo";
import { demoCitizens, type DemoScenario } from "../../db/seed/demo-people";
import { demoFamilyIins } from "../../db/seed/demo-families";
import { loadPopulation } from "../../db/seed/load";
import { povertyLineFor } from "../../db/seed/generate";
import { KATO } from "../../db/seed/kato";
import { parseIin } from "../../app/domain/iin";
import type { Gateway } from "../../app/domain/gateway";

// Monday 23 November 2026: the last full quarter before it is July–September 2026.
const REFERENCE_DATE = "2026-11-23";
const LAST_QUARTER = ["2026-07", "2026-09"] as const;
const GENERATED = 3000;

let db: FreshDb;
let gateway: Gateway;
let indexesBeforeLoad: string[];

const registryIndexes = async () => [
  ...(await db.query<{ name: string }>("select indexname as name from pg_indexes where schemaname = 'registry' order by 1")).map((r) => r.name),
  ...(await db.query<{ name: string }>("select conname as name from pg_constraint where connamespace = 'registry'::regnamespace order by 1")).map((r) => `constraint ${r.name}`),
];
const personCount = async () => (await db.query<{ n: number }>("select count(*)::int as n from registry.persons"))[0].n;
const citizen = (scenario: DemoScenario) => demoCitizens.find((c) => c.scenario === scenario)!;

/** What the 7-1 checks and the proactive search ask of a family, computed from the gateway alone. */
async function familyFacts(iin: string) {
  const members = await gateway.getHouseholdMembers(iin);
  const iins = members.map((m) => m.iin);
  const [registrations, incomes, asp] = await Promise.all([
    gateway.getRegistrations(iins), gateway.getIncomes(iins, ...LAST_QUARTER), gateway.getAspRecords(iins),
  ]);
  const current = registrations.filter((r) => r.validFrom <= REFERENCE_DATE && (r.validTo === null || r.validTo >= REFERENCE_DATE));
  const settlementsOf = (m: string) => new Set(current.filter((r) => r.iin === m).map((r) => r.settlementKato));
  const common = [...settlementsOf(iins[0])].filter((s) => iins.every((m) => settlementsOf(m).has(s)));
  const perCapita = incomes.reduce((sum, i) => sum + i.amount, 0) / 3 / members.length;
  const hasAsp = asp.some((a) =>
    (a.kind === "application" && a.periodTo === null) ||
    (a.kind === "assignment" && a.periodFrom <= REFERENCE_DATE && (a.periodTo === null || a.periodTo >= REFERENCE_DATE)));
  const phone = await gateway.getMobileNumber(iin);
  const accounts = (await gateway.getBankAccounts(iin)).filter((a) => a.closedAt === null);
  return { members, common, perCapita, hasAsp, phone, accounts };
}

beforeAll(async () => {
  db = await createFreshDb({ prefix: "komek_registry", max: 12 });
  gateway = registryGateway(db.db);
  const seeded = await seedDemoIfEmpty(db.db, { referenceDate: REFERENCE_DATE });
  expect(seeded?.persons).toBe(demoFamilyIins().length + DEMO_GENERATED_PERSONS);
  indexesBeforeLoad = await registryIndexes();
  // A low threshold so that on PostgreSQL the COPY path (with its index rebuild) is exercised.
  const loaded = await loadPopulation(db, { seed: 5, persons: GENERATED, referenceDate: REFERENCE_DATE, copyThreshold: 1000 });
  // The runtime role (KOMEK_TEST_DB_ROLES=1) may not rebuild keys, so it inserts in batches.
  expect(loaded.method).toBe(db.kind === "postgres" && !db.roles ? "copy" : "insert");
}, 240_000);

afterAll(async () => {
  await db?.drop();
});

describe("seeding the registry stand-in", () => {
  it("stores the demo families, the demo's generated neighbours and a further generated population", async () => {
    expect(await personCount()).toBe(demoFamilyIins().length + DEMO_GENERATED_PERSONS + GENERATED);
  });

  it("leaves every key and index of the registry in place after a bulk load", async () => {
    expect(await registryIndexes()).toEqual(indexesBeforeLoad);
    expect(indexesBeforeLoad.filter((n) => n.endsWith("_fk"))).toHaveLength(11); // person_facts → persons (migration 0015) is the eleventh
    const [taken] = await db.query<{ phone: string; iin: string }>("select phone, iin from registry.mobile_numbers limit 1");
    await expect(db.query("insert into registry.mobile_numbers (iin, phone) values ($1, $2)", [taken.iin, taken.phone])).rejects.toThrow();
  });

  it("changes nothing when the demo seeding runs again", async () => {
    const before = await personCount();
    expect(await seedDemoIfEmpty(db.db, { referenceDate: REFERENCE_DATE })).toBeNull();
    expect(await personCount()).toBe(before);
  });

  it("gives generated people valid IINs matching their birth dates", async () => {
    const rows = await db.query<{ iin: string; birth_date: string | Date; sex: "M" | "F" }>(
      "select iin, birth_date::text as birth_date, sex from registry.persons order by iin desc limit 200");
    for (const r of rows) expect(parseIin(r.iin)).toMatchObject({ valid: true, birthDate: r.birth_date, sex: r.sex });
  });

  it("moves the household id sequence past the loaded households", async () => {
    const [row] = await db.query<{ ok: boolean }>(
      "select nextval(pg_get_serial_sequence('registry.households', 'id')) > (select max(id) from registry.households) as ok");
    expect(row.ok).toBe(true);
  });
});

describe("the registry gateway", () => {
  it("finds a person and their household, head first", async () => {
    const iin = citizen("eligible_portal").iin;
    expect(await gateway.getPerson(iin)).toMatchObject({ iin, lastNameKk: "Нұрланова", firstNameKk: "Айгерім", patronymicKk: "Серікқызы", preferredLanguage: "kk" });
    const members = await gateway.getHouseholdMembers(iin);
    expect(members.map((m) => m.householdRole)).toEqual(["head", "spouse", "child", "child", "child"]);
    expect(members[0].iin).toBe(iin);
    expect(await gateway.getPerson("000000000000")).toBeNull();
    expect(await gateway.getHouseholdMembers("000000000000")).toEqual([]);
  });

  it("gives registrations with the settlement they lie in, the city for a city district", async () => {
    const iin = citizen("above_poverty_line").iin;
    const [registration] = await gateway.getRegistrations([iin]);
    expect(registration).toMatchObject({ iin, kind: "permanent", katoCode: "711210000", settlementKato: KATO.astana, validTo: null });
    expect(registration.addressKk).toContain("Астана қаласы");
  });

  it("returns incomes of the months asked for only, as YYYY-MM", async () => {
    const iin = citizen("above_poverty_line").iin;
    const incomes = await gateway.getIncomes([iin], "2026-08", "2026-10");
    expect(incomes.map((i) => i.month)).toEqual(["2026-08", "2026-09", "2026-10"]);
    expect(incomes.every((i) => i.source === "wage" && i.amount === 620_000)).toBe(true);
    expect(await gateway.getIncomes([], "2026-01", "2026-12")).toEqual([]);
  });

  it("looks up mobile numbers both ways", async () => {
    const c = citizen("proactive_kk");
    expect(await gateway.getMobileNumber(c.iin)).toMatchObject({ iin: c.iin, phone: c.phone });
    expect((await gateway.findPersonByMobileNumber(c.phone!))?.iin).toBe(c.iin);
    expect(await gateway.findPersonByMobileNumber("+77000000000")).toBeNull();
  });

  it("finds bank accounts by owner and by IBAN as people type it", async () => {
    const iin = citizen("proactive_ru").iin;
    const [account] = await gateway.getBankAccounts(iin);
    expect(account).toMatchObject({ iin, bankCode: "722", closedAt: null });
    const typed = account.iban.toLowerCase().replace(/(.{4})/g, "$1 ");
    expect(await gateway.findBankAccountByIban(typed)).toEqual(account);
    expect(await gateway.findBankAccountByIban("KZ000000000000000000")).toBeNull();
  });

  it("lists the banks and Kazpost with their IBAN codes and BICs", async () => {
    const banks = await gateway.listBanks();
    expect(banks).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: "601", bic: "HSBKKZKX" }),
      expect.objectContaining({ code: "722", bic: "CASPKZKA" }),
      expect.objectContaining({ code: "563", bic: "KPSTKZKA", isPaymentOrganisation: true }),
    ]));
  });

  it("describes KATO units", async () => {
    expect(await gateway.getKato(KATO.nura)).toMatchObject({ nameRu: "п. Нура", nameKk: "Нұра кенті", isSettlement: true, parentCode: KATO.nuraDistrict });
    expect(await gateway.getKato("711210000")).toMatchObject({ isSettlement: false, settlementCode: KATO.astana });
    expect(await gateway.getKato("999999999")).toBeNull();
  });

  it("reports statuses and property", async () => {
    const iin = citizen("above_poverty_line").iin;
    expect((await gateway.getProperty([iin])).map((p) => p.kind)).toEqual(["real_estate", "vehicle"]);
    expect(await gateway.getStatuses([iin])).toEqual([expect.objectContaining({ kind: "employed", validTo: null })]);
  });
});

describe("the demo scenarios", () => {
  const pl = povertyLineFor(2026);

  it.each([
    ["eligible_portal", "3552"],
    ["proactive_ru", "3552"],
    ["proactive_kk", "5934"],
  ] as const)("%s: low income, one settlement in district %s, no ASP, a verified phone and an open account", async (scenario, district) => {
    const facts = await familyFacts(citizen(scenario).iin);
    expect(facts.perCapita).toBeGreaterThan(0);
    expect(facts.perCapita).toBeLessThan(pl);
    expect(facts.common).toHaveLength(1);
    expect(facts.common[0].startsWith(district)).toBe(true);
    expect(facts.hasAsp).toBe(false);
    expect(facts.phone?.phone).toBe(citizen(scenario).phone);
    expect(facts.accounts.length).toBeGreaterThan(0);
  });

  it("member_has_asp: another member of the family receives ASP now", async () => {
    const c = citizen("member_has_asp");
    const facts = await familyFacts(c.iin);
    expect(facts.hasAsp).toBe(true);
    expect(await gateway.getAspRecords([c.iin])).toEqual([]);
    expect(facts.common).toHaveLength(1);
  });

  it("split_settlements: no settlement holds every member's registration", async () => {
    const facts = await familyFacts(citizen("split_settlements").iin);
    expect(facts.members.length).toBeGreaterThan(1);
    expect(facts.common).toEqual([]);
    expect(facts.perCapita).toBeLessThan(pl);
  });

  it("above_poverty_line: per-capita income well above the poverty line", async () => {
    const facts = await familyFacts(citizen("above_poverty_line").iin);
    expect(facts.perCapita).toBeGreaterThan(pl * 2);
    expect(facts.common).toEqual([KATO.astana]);
  });
});
