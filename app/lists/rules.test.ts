import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { amountInTenge, categoriesOfList, decisionNumber, decisionTotal, listTarget, paymentDate, type ListRules } from "./rules";
import { compileCondition, factKinds } from "./eligibility";
import { fillSms, occasionDay, renderGrantNotice, smsTemplates } from "./text";
import { countSegments } from "../../sms/segments";

const params2026 = { mrp: 4325, subsistenceMinimum: 50851 };

describe("list target: period and the day the registry is read for", () => {
  it.each([
    ["holiday 9 May 2026", null, "holiday", "05-09", 2026, 1, { period: "2026", referenceDay: "2026-05-09" }],
    ["holiday 1 October 2025", null, "holiday", "10-01", 2025, 1, { period: "2025", referenceDay: "2025-10-01" }],
    ["8.7 first half-year", { periodicity: "half_yearly" }, "needs", "8.7", 2026, 1, { period: "2026-H1", referenceDay: "2026-01-01" }],
    ["8.7 second half-year", { periodicity: "half_yearly" }, "needs", "8.7", 2026, 2, { period: "2026-H2", referenceDay: "2026-07-01" }],
    ["8.10 heating season", { periodicity: "heating_season" }, "needs", "8.10", 2025, 1, { period: "2025/2026", referenceDay: "2025-10-01" }],
    ["yearly", { periodicity: "yearly" }, "needs", "8.9", 2026, 1, { period: "2026", referenceDay: "2026-01-01" }],
  ] as const)("%s", (_name, cat, kind, subject, year, half, expected) => {
    const category = cat ? { kind, occasion: null, code: subject, periodicity: cat.periodicity } : null;
    expect(listTarget(category, kind, subject, year, half)).toMatchObject({ kind, subject, ...expected });
  });
});

describe("amount in tenge on the valuation date (the decision date)", () => {
  it.each([
    [{ unit: "KZT", value: 200000, upTo: false }, 200000],
    [{ unit: "MRP", value: 12, upTo: false }, 12 * 4325],
    [{ unit: "MRP", value: 16, upTo: false }, 16 * 4325],
    [{ unit: "PM", value: 2, upTo: false }, 2 * 50851],
  ] as const)("%j → %i", (amount, tenge) => expect(amountInTenge(amount, params2026)).toBe(tenge));
  it("refuses an 'up to' amount (set by the special commission) and a bare percentage", () => {
    expect(() => amountInTenge({ unit: "MRP", value: 100, upTo: true }, params2026)).toThrow(/special commission/);
    expect(() => amountInTenge({ unit: "PERCENT", value: 50, upTo: false }, params2026)).toThrow(/percentOf/);
  });
});

describe("payment date: five working days after the decision (clauses 19–21)", () => {
  it.each([
    ["2026-04-27", "2026-05-05"], // Mon 27 Apr → 28, 29, 30, 4 May (1 May holiday), 5 May
    ["2025-09-22", "2025-09-29"],
  ])("decided %s → paid by %s", (decided, paid) => expect(paymentDate(decided)).toBe(paid));
});

describe("decisions", () => {
  it("numbers by list and place", () => expect(decisionNumber(12, 34)).toBe("L12-000034"));
  it("two categories of one occasion: each category's amount in full (ADR 017)", () => expect(decisionTotal([50000, 200000])).toBe(250000));
});

describe("categories of a list", () => {
  const rules: ListRules = {
    act: { id: "t", kato: "355200000", titleRu: "", titleKk: "" },
    occasions: [],
    categories: [
      { code: "7.5.1", kind: "holiday", occasion: "05-09", nameRu: "", nameKk: "", amount: { unit: "KZT", value: 1, upTo: false }, byList: true, periodicity: "one_off", eligibility: { all: [] } },
      { code: "7.6.1", kind: "holiday", occasion: "08-30", nameRu: "", nameKk: "", amount: { unit: "KZT", value: 1, upTo: false }, byList: true, periodicity: "one_off", eligibility: { all: [] } },
      { code: "8.10", kind: "needs", occasion: null, nameRu: "", nameKk: "", amount: { unit: "MRP", value: 12, upTo: false }, byList: true, periodicity: "heating_season", eligibility: { all: [] } },
      { code: "8.3", kind: "needs", occasion: null, nameRu: "", nameKk: "", amount: { unit: "MRP", value: 10, upTo: false }, byList: false, periodicity: "one_off", eligibility: { all: [] } },
    ],
  };
  it("a holiday list takes every by-list category of its occasion; a needs list its one category; never an application category", () => {
    expect(categoriesOfList(rules, "holiday", "05-09").map((c) => c.code)).toEqual(["7.5.1"]);
    expect(categoriesOfList(rules, "needs", "8.10").map((c) => c.code)).toEqual(["8.10"]);
    expect(categoriesOfList(rules, "needs", "8.3")).toEqual([]);
  });
});

describe("eligibility compiles to one SQL predicate with bound parameters", () => {
  const dialect = new PgDialect();
  it("facts, values, ages, any/all/not", () => {
    const c = { all: [{ any: [{ fact: "disability", in: ["1", "2", "3"] }, { fact: "veteran" }] }, { age: { min: 70 } }, { not: { fact: "imprisoned" } }] };
    const q = dialect.sqlToQuery(compileCondition(c, "2025-10-01"));
    expect(q.sql).toContain("registry.person_facts");
    expect(q.sql).toContain("make_interval");
    expect(q.sql).toContain("NOT EXISTS");
    expect(q.params).toContain("disability");
    expect(q.params).toContain("2025-10-01");
    expect(q.params).not.toContain(undefined);
    expect(factKinds(c)).toEqual(["disability", "veteran"]);
  });
  it("an empty 'all' is true, an empty 'any' false", () => {
    expect(dialect.sqlToQuery(compileCondition({ all: [] }, "2026-01-01")).sql).toBe("TRUE");
    expect(dialect.sqlToQuery(compileCondition({ any: [] }, "2026-01-01")).sql).toBe("FALSE");
  });
});

describe("texts", () => {
  it("occasion days in ru and kk", () => {
    expect(occasionDay("05-09", "ru")).toBe("9 мая");
    expect(occasionDay("05-09", "kk")).toBe("9 мамыр");
    expect(occasionDay("12-16", "ru")).toBe("16 декабря");
  });
  it.each(["01-01", "02-15", "03-08", "04-26", "05-07", "05-09", "08-30", "10-01", "10-25", "12-16"].flatMap((o) => (["ru", "kk"] as const).map((l) => [o, l] as const)))(
    "the holiday SMS %s in %s fits two segments with the longest values",
    (occasion, lng) => {
      const text = fillSms(smsTemplates("holiday", occasion, "7.1")[lng], { amount: 1_400_000, number: "L99999-999999", date: "2026-12-31" });
      expect(text).not.toMatch(/\{|\}/);
      expect(countSegments(text).segments).toBeLessThanOrEqual(2);
    },
  );
  it.each(["ru", "kk"] as const)("the needs SMS in %s fits two segments", (lng) => {
    const text = fillSms(smsTemplates("needs", "8.10", "8.10")[lng], { amount: 99_999, number: "L99999-999999", date: "2026-12-31" });
    expect(text).toContain("10");
    expect(countSegments(text).segments).toBeLessThanOrEqual(2);
  });
  it("the decision text names each category with its amount and the total", () => {
    const facts = {
      number: "L1-000001", decidedOn: "2026-04-27", paymentDate: "2026-05-05", kind: "holiday" as const, subject: "05-09",
      occasion: { nameRu: "День Победы", nameKk: "Жеңіс күні" }, act: { titleRu: "решение № 159", titleKk: "№ 159 шешім" },
      office: { nameRu: "Отдел", nameKk: "Бөлім" }, lines: [{ nameRu: "Узники", nameKk: "Тұтқындар", amountTenge: 200000 }, { nameRu: "Тыл", nameKk: "Тыл", amountTenge: 100000 }],
      totalTenge: 300000, signer: { name: "Бекмуханов Нурлан", at: "2026-04-27T05:00:00Z" },
      verification: { code: "7KQ2MX9PTA", url: "https://komek.example.kz/verify" },
    };
    const ru = renderGrantNotice(facts, "ru");
    expect(ru.title).toBe("Решение № L1-000001 об оказании социальной помощи");
    expect(ru.lines.join("\n")).toContain("Узники: 200\u00a0000 тг");
    expect(ru.lines.join("\n")).toContain("Итого: 300\u00a0000 тг");
    expect(renderGrantNotice(facts, "kk").lines.join("\n")).toContain("Жеңіс күні");
    // The printed code and where to check it (ADR 024), in both languages.
    expect(ru.lines.at(-1)).toBe("Код проверки: 7KQ2M-X9PTA. Проверить решение № L1-000001: https://komek.example.kz/verify");
    expect(renderGrantNotice(facts, "kk").lines.at(-1)).toBe("Тексеру коды: 7KQ2M-X9PTA. № L1-000001 шешімді тексеру: https://komek.example.kz/verify");
    expect(ru.verify).toEqual({ number: "L1-000001", code: "7KQ2M-X9PTA", href: "/verify?number=L1-000001&code=7KQ2MX9PTA" });
  });
});
