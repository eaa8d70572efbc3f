/**
 * The 8.7 preschool list reads facts something real writes (ADR 024): the education department's file
 * goes through `komek registry import-facts` into registry facts, all or nothing and idempotently,
 * and the 8.7 list of the next half-year finds the parents with 50 % of six months' fees.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedReferenceData } from "../../db/seed/load";
import { parsePreschoolFile, type PreschoolRow } from "../../app/lists/preschool-file";
import { importPreschoolFacts } from "../../app/lists/preschool-import.server";
import { PRESCHOOL_DEMO_FAMILY, seedPreschoolDemo } from "../../app/lists/demo.server";
import { generateList } from "../../app/lists/lists.server";
import { listRulesInForce } from "../../app/lists/source.server";
import { makeIin } from "../../app/domain/iin";
import { run as registryCli } from "../../cli/commands/registry";

const NURA = "355230100";
const iin = (birth: string, sex: "M" | "F", serial: number) => {
  for (let s = serial; ; s++) {
    const made = makeIin(birth, sex, s);
    if (made) return made;
  }
};
// A father of a child with … nothing: a preschool child but neither multi-child nor a child with disability.
const FATHER = iin("1990-01-15", "M", 7301);
const SON = iin("2021-04-04", "M", 7302);
const BIN = "150340001246";
const HEADER = "parent_iin,child_iin,organisation_bin,monthly_fee,enrolled_from,enrolled_to";

describe("the preschool file into registry facts and the 8.7 list", () => {
  let fresh: FreshDb;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);
  const rowsOf = (text: string): PreschoolRow[] => {
    const parsed = parsePreschoolFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.rows;
  };
  const factCount = async () => (await q<{ n: number }>(`select count(*)::int n from registry.person_facts where kind in ('preschool_child', 'preschool_fee')`))[0].n;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_preschool" });
    setDb(fresh);
    await fresh.db.transaction((tx) => seedReferenceData(tx));
    for (const [p, born, sex] of [[FATHER, "1990-01-15", "M"], [SON, "2021-04-04", "M"]]) {
      await q(`insert into registry.persons (iin, last_name_ru, first_name_ru, last_name_kk, first_name_kk, birth_date, sex) values ($1, 'Тестов', 'Отец', 'Тестов', 'Әке', $2, $3)`, [p, born, sex]);
      await q(`insert into registry.registrations (iin, kind, kato_code, address_ru, address_kk, valid_from) values ($1, 'permanent', $2, 'ул. 1', '1 көше', '2000-01-01')`, [p, NURA]);
    }
  }, 60_000);
  afterAll(async () => {
    await fresh?.drop();
  });

  it("writes nothing when a person of the file is not in the registry, and names the line", async () => {
    const stranger = iin("1985-02-02", "F", 7303);
    const result = await importPreschoolFacts(fresh.db, rowsOf(`${HEADER}\n${FATHER},${SON},${BIN},15000,2024-09-01,\n${stranger},${SON},${BIN},15000,2024-10-01,\n`));
    expect(result).toEqual({ ok: false, problems: [{ line: 3, field: "parent_iin", message: "no such person in the registry" }] });
    expect(await factCount()).toBe(0);
  });

  it("imports the demo family's file; the same file again changes nothing; a corrected fee changes its row only", async () => {
    expect(await seedPreschoolDemo(fresh.db, "x")).toBe(true);
    expect(await seedPreschoolDemo(fresh.db, "x")).toBe(false);
    expect(await factCount()).toBe(4);
    const facts = await q<{ kind: string; value: string; source: string }>(
      `select kind, value, source from registry.person_facts where iin = $1 and kind like 'preschool%' order by kind, value`, [PRESCHOOL_DEMO_FAMILY.mother.iin],
    );
    expect(facts.map((f) => [f.kind, f.value])).toEqual([["preschool_child", "150340001236"], ["preschool_child", "150340001236"], ["preschool_fee", "16000"], ["preschool_fee", "18500"]]);
    expect(facts[0].source).toMatch(/^Отдел образования: дошкольная организация, ребёнок \d{12}$/);

    const demo = `${HEADER}\n${PRESCHOOL_DEMO_FAMILY.mother.iin},200714594044,150340001236,18500,2023-09-01,\n${PRESCHOOL_DEMO_FAMILY.mother.iin},211201694056,150340001236,16000,2024-09-01,\n`;
    expect(await importPreschoolFacts(fresh.db, rowsOf(demo))).toEqual({ ok: true, rows: 2, added: 0, changed: 0, unchanged: 2 });
    const corrected = demo.replace(",16000,", ",17000,");
    expect(await importPreschoolFacts(fresh.db, rowsOf(corrected))).toEqual({ ok: true, rows: 2, added: 0, changed: 1, unchanged: 1 });
    expect(await factCount()).toBe(4);
    // The father's son: a new row.
    expect(await importPreschoolFacts(fresh.db, rowsOf(`${HEADER}\n${FATHER},${SON},${BIN},15000,2024-09-01,\n`))).toEqual({ ok: true, rows: 1, added: 1, changed: 0, unchanged: 0 });
  });

  it("generates the 8.7 list of the second half of 2025: the multi-child mother with 50 % of six months of both fees, not the father", async () => {
    const rules = (await listRulesInForce("355200000", "2025-10-01"))!;
    expect(rules.categories.find((c) => c.code === "8.7")).toMatchObject({ percentOf: { fact: "preschool_fee", times: 6 } });
    const result = await generateList(fresh.db, { rules, districtKato: "355200000", kind: "needs", subject: "8.7", year: 2025, half: 2, staffId: null, now: new Date("2025-10-01T05:00:00Z") });
    expect(result.progress).toEqual([{ code: "8.7", done: true, total: 1, added: 1 }]);
    const [entry] = await q<{ iin: string; amount_tenge: number; source_facts: { kind: string; value: string }[] }>(
      `select iin, amount_tenge, source_facts from local_list_entries where list_id = $1`, [result.listId],
    );
    expect(entry.iin).toBe(PRESCHOOL_DEMO_FAMILY.mother.iin);
    // 50 % × 6 months × (18 500 + 17 000 corrected).
    expect(entry.amount_tenge).toBe(Math.round(0.5 * 6 * (18500 + 17000)));
    expect(entry.source_facts.map((f) => f.kind)).toEqual(["multi_child", "preschool_child", "preschool_child", "preschool_fee", "preschool_fee"]);
    // Generating again adds nobody.
    const again = await generateList(fresh.db, { rules, districtKato: "355200000", kind: "needs", subject: "8.7", year: 2025, half: 2, staffId: null, now: new Date("2025-10-01T05:00:00Z") });
    expect(again.added).toBe(0);
  });

  it("the CLI prints every problem of a bad file with its line and exits 1 without opening the database", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "komek-preschool-")), "bad.csv");
    fs.writeFileSync(file, `${HEADER}\n${FATHER},${SON},${BIN},-5,2024-09-01,\n${FATHER},12345,${BIN},15000,2024-09-01,\n`);
    const before = await factCount();
    let err = "";
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
    try {
      expect(await registryCli(["import-facts", file])).toBe(1);
    } finally {
      process.stderr.write = write;
    }
    expect(err).toContain("2 problem(s), nothing written");
    expect(err).toContain("line 2: monthly_fee: must be whole tenge, digits only");
    expect(err).toContain("line 3: child_iin: not a valid IIN: must be 12 digits");
    expect(await factCount()).toBe(before);
    expect(await registryCli(["import-facts"])).toBe(2);
  });
});
