import { describe, expect, it } from "vitest";
import { parseIin } from "../../app/domain/iin";
import { parseKzIban } from "../../app/domain/iban";
import { demoCitizens, demoStaff } from "./demo-people";
import { demoFamilyBundles, demoFamilyIins } from "./demo-families";
import { katoRows } from "./kato";

const bundles = demoFamilyBundles("2026-11-23", 1);
const people = bundles.flatMap((b) => b.persons);

describe("the demo families", () => {
  it("keep every demo citizen and staff member under their own IIN", () => {
    const iins = new Set(demoFamilyIins());
    for (const p of [...demoCitizens, ...demoStaff]) expect(iins.has(p.iin)).toBe(true);
    expect(people.map((p) => p.iin)).toEqual(demoFamilyIins());
  });

  it("give everyone a valid IIN matching their birth date and sex", () => {
    for (const p of people) expect(parseIin(p.iin)).toEqual({ valid: true, iin: p.iin, birthDate: p.birthDate, sex: p.sex });
    expect(new Set(people.map((p) => p.iin)).size).toBe(people.length);
  });

  it("register everyone at a known KATO code and open valid IBANs", () => {
    const known = new Set(katoRows.map((k) => k.code));
    for (const r of bundles.flatMap((b) => b.registrations)) expect(known.has(r.katoCode)).toBe(true);
    for (const a of bundles.flatMap((b) => b.bankAccounts)) expect(parseKzIban(a.iban)).toMatchObject({ ok: true, bankCode: a.bankCode });
  });

  it("record incomes for each of the 12 months before the reference date", () => {
    const months = new Set(bundles.flatMap((b) => b.incomes.map((i) => i.month)));
    expect([...months].sort()).toEqual([
      "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01",
      "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01",
    ]);
  });
});
