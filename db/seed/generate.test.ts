import { describe, expect, it } from "vitest";
import { parseIin } from "../../app/domain/iin";
import { parseKzIban } from "../../app/domain/iban";
import { bankRows } from "./banks";
import { DEMO_PHONE_BLOCK, generatePopulation, monthsBefore, povertyLineFor, type HouseholdBundle } from "./generate";
import { katoRows } from "./kato";

const REFERENCE_DATE = "2026-11-23";
const generate = (seed: number, persons: number, extra: Partial<Parameters<typeof generatePopulation>[0]> = {}) =>
  [...generatePopulation({ seed, persons, referenceDate: REFERENCE_DATE, ...extra })];

const population = generate(42, 20_000);
const allPersons = population.flatMap((h) => h.persons);
const share = (part: number, whole: number) => part / whole;

/** Average monthly household income over the last full quarter divided by members. */
function perCapitaLastQuarter(h: HouseholdBundle) {
  const quarter = monthsBefore(REFERENCE_DATE).slice(-3);
  const total = h.incomes.filter((i) => quarter.includes(i.month)).reduce((s, i) => s + i.amount, 0);
  return total / 3 / h.persons.length;
}

describe("generatePopulation", () => {
  it("gives the same rows for the same seed and different rows for another", () => {
    expect(generate(7, 1500)).toEqual(generate(7, 1500));
    expect(generate(8, 1500).flatMap((h) => h.persons.map((p) => p.iin))).not.toEqual(generate(7, 1500).flatMap((h) => h.persons.map((p) => p.iin)));
  });

  it("generates exactly the number of persons asked for", () => {
    expect(allPersons).toHaveLength(20_000);
    expect(generate(3, 1)).toHaveLength(1);
    expect(generate(3, 0)).toHaveLength(0);
  });

  it("gives every person a valid, unique IIN that encodes their birth date and sex", () => {
    for (const p of allPersons) {
      const parsed = parseIin(p.iin);
      expect(parsed).toEqual({ valid: true, iin: p.iin, birthDate: p.birthDate, sex: p.sex });
    }
    expect(new Set(allPersons.map((p) => p.iin)).size).toBe(allPersons.length);
  });

  it("steps around IINs, phones and IBANs already taken", () => {
    const first = generate(11, 2000);
    const taken = {
      iins: new Set(first.flatMap((h) => h.persons.map((p) => p.iin))),
      phones: new Set(first.flatMap((h) => h.mobileNumbers.map((m) => m.phone))),
      ibans: new Set(first.flatMap((h) => h.bankAccounts.map((a) => a.iban))),
    };
    const second = generate(11, 2000, { taken, householdIdStart: 5000 });
    expect(second.flatMap((h) => h.persons).some((p) => taken.iins.has(p.iin))).toBe(false);
    expect(second.flatMap((h) => h.mobileNumbers).some((m) => taken.phones.has(m.phone))).toBe(false);
    expect(second.flatMap((h) => h.bankAccounts).some((a) => taken.ibans.has(a.iban))).toBe(false);
    expect(second[0].household.id).toBe(5000);
  });

  it("opens valid KZ IBANs whose bank code is a known bank", () => {
    const codes = new Set(bankRows.map((b) => b.code));
    const accounts = population.flatMap((h) => h.bankAccounts);
    for (const a of accounts) {
      expect(parseKzIban(a.iban)).toEqual({ ok: true, iban: a.iban, bankCode: a.bankCode });
      expect(codes.has(a.bankCode)).toBe(true);
    }
    expect(new Set(accounts.map((a) => a.iban)).size).toBe(accounts.length);
  });

  it("gives unique Kazakh mobile numbers to most adults, and none to children", () => {
    const numbers = population.flatMap((h) => h.mobileNumbers);
    expect(new Set(numbers.map((n) => n.phone)).size).toBe(numbers.length);
    for (const n of numbers) {
      expect(n.phone).toMatch(/^\+77(0[0-8]|47|7[1-8])\d{7}$/);
      expect(n.phone.startsWith(DEMO_PHONE_BLOCK)).toBe(false);
    }
    const adults = allPersons.filter((p) => p.birthDate <= "2008-11-23");
    const withPhone = new Set(numbers.map((n) => n.iin));
    expect(allPersons.filter((p) => p.birthDate > "2008-11-23").some((p) => withPhone.has(p.iin))).toBe(false);
    expect(share(adults.filter((p) => withPhone.has(p.iin)).length, adults.length)).toBeGreaterThan(0.75);
    expect(share(adults.filter((p) => withPhone.has(p.iin)).length, adults.length)).toBeLessThan(0.95);
  });

  it("builds households of 1 to 9 members with one head and children younger than their mother", () => {
    for (const h of population) {
      expect(h.persons.length).toBeGreaterThanOrEqual(1);
      expect(h.persons.length).toBeLessThanOrEqual(9);
      expect(h.persons[0].householdRole).toBe("head");
      expect(h.persons.filter((p) => p.householdRole === "head")).toHaveLength(1);
      const mother = h.persons.find((p) => p.sex === "F" && (p.householdRole === "head" || p.householdRole === "spouse"));
      if (!mother) continue;
      for (const child of h.persons.filter((p) => p.householdRole === "child")) {
        const gap = Number(child.birthDate.slice(0, 4)) - Number(mother.birthDate.slice(0, 4));
        expect(gap).toBeGreaterThanOrEqual(17);
        expect(gap).toBeLessThanOrEqual(46);
      }
    }
    const sizes = new Set(population.map((h) => h.persons.length));
    expect(sizes.has(1) && sizes.has(4) && [...sizes].some((s) => s >= 7)).toBe(true);
  });

  it("writes Kazakh patronymics as -ұлы/-қызы in Kazakh and -ович/-овна in Russian", () => {
    const kazakh = allPersons.filter((p) => p.patronymicKk?.endsWith("ұлы") || p.patronymicKk?.endsWith("қызы"));
    expect(kazakh.length).toBeGreaterThan(allPersons.length / 2);
    for (const p of kazakh) {
      if (p.sex === "M") {
        expect(p.patronymicKk).toMatch(/ұлы$/);
        expect(p.patronymicRu).toMatch(/ович$/);
      } else {
        expect(p.patronymicKk).toMatch(/қызы$/);
        expect(p.patronymicRu).toMatch(/овна$/);
      }
    }
    const russian = allPersons.filter((p) => p.patronymicRu?.endsWith("вич") && !p.patronymicKk?.endsWith("ұлы"));
    expect(russian.length).toBeGreaterThan(allPersons.length / 20);
    for (const p of russian) expect([p.lastNameKk, p.firstNameKk, p.patronymicKk]).toEqual([p.lastNameRu, p.firstNameRu, p.patronymicRu]);
  });

  it("registers most people in the cities and enough in Nura and Akzhar districts, all at known KATO codes", () => {
    const known = new Set(katoRows.map((k) => k.code));
    const permanent = population.flatMap((h) => h.registrations.filter((r) => r.kind === "permanent"));
    for (const r of permanent) expect(known.has(r.katoCode)).toBe(true);
    expect(permanent).toHaveLength(allPersons.length);
    const inPrefix = (prefix: string) => share(permanent.filter((r) => r.katoCode.startsWith(prefix)).length, permanent.length);
    expect(inPrefix("71") + inPrefix("75") + inPrefix("79")).toBeGreaterThan(0.75);
    expect(inPrefix("3552")).toBeGreaterThan(0.05);
    expect(inPrefix("5934")).toBeGreaterThan(0.04);
  });

  it("splits about 3 % of households across two settlements", () => {
    const settlementOf = new Map(katoRows.map((k) => [k.code, k.settlementCode]));
    const split = population.filter((h) => {
      const byPerson = new Map<string, Set<string>>();
      for (const r of h.registrations) byPerson.set(r.iin, (byPerson.get(r.iin) ?? new Set()).add(settlementOf.get(r.katoCode)!));
      const sets = [...byPerson.values()];
      return ![...sets[0]].some((s) => sets.every((set) => set.has(s)));
    });
    expect(share(split.length, population.length)).toBeGreaterThan(0.01);
    expect(share(split.length, population.length)).toBeLessThan(0.05);
    expect(population.some((h) => h.registrations.some((r) => r.kind === "temporary"))).toBe(true);
  });

  it("has a share of low-income households, some with no income, and about 2 % already receiving ASP", () => {
    const pl = povertyLineFor(2026);
    const low = population.filter((h) => perCapitaLastQuarter(h) < pl);
    expect(share(low.length, population.length)).toBeGreaterThan(0.04);
    expect(share(low.length, population.length)).toBeLessThan(0.2);
    expect(population.some((h) => h.incomes.length === 0 && h.persons.length > 1)).toBe(true);
    const assigned = population.filter((h) => h.aspRecords.some((a) => a.kind === "assignment"));
    expect(share(assigned.length, population.length)).toBeGreaterThan(0.005);
    expect(share(assigned.length, population.length)).toBeLessThan(0.04);
    expect(population.some((h) => h.aspRecords.some((a) => a.kind === "application" && a.periodTo === null))).toBe(true);
    // Assigned on the income of the year: averaged over 12 months it stays below the line.
    for (const h of assigned) expect(h.incomes.reduce((s, i) => s + i.amount, 0) / 12 / h.persons.length).toBeLessThan(pl);
  });

  it("records incomes for the 12 full months before the reference date only", () => {
    const months = new Set(monthsBefore(REFERENCE_DATE));
    expect([...months][0]).toBe("2025-11-01");
    expect([...months][11]).toBe("2026-10-01");
    for (const h of population) for (const i of h.incomes) expect(months.has(i.month)).toBe(true);
  });

  it("gives statuses and property at plausible rates", () => {
    const kinds = (k: string) => new Set(population.flatMap((h) => h.statuses.filter((s) => s.kind === k).map((s) => s.iin))).size;
    expect(share(kinds("disability"), allPersons.length)).toBeGreaterThan(0.02);
    expect(share(kinds("disability"), allPersons.length)).toBeLessThan(0.08);
    expect(kinds("full_time_study")).toBeGreaterThan(0);
    expect(kinds("kandas")).toBeGreaterThan(0);
    const withProperty = (k: string) => share(population.filter((h) => h.property.some((p) => p.kind === k)).length, population.length);
    expect(withProperty("real_estate")).toBeGreaterThan(0.4);
    expect(withProperty("vehicle")).toBeGreaterThan(0.15);
    expect(withProperty("subsidiary_farm")).toBeGreaterThan(0.02);
    expect(withProperty("subsidiary_farm")).toBeLessThan(0.2);
  });
});
