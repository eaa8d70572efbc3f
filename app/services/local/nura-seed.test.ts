/**
 * The Nura act file against the text it transcribes (seed 003, decision № 159 of 29 April 2025):
 * every amount of clauses 7 and 8 in order, the nine occasions with their dates and names, the
 * grounds of clauses 12 and 14, the act's number, dates and repeal.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readActFile } from "./acts.server";

const seed = readFileSync("tests/fixtures/seeds/003_4eadfdcd4a4e55a5.txt", "utf8").replace(/\s+/g, " ");
const read = readActFile("app/services/local/acts/355200000-159-2025-04-29.json");
if (!read.ok) throw new Error("the Nura file must be valid");
const nura = read.ruleSet;

const between = (from: string, to: string) => {
  const start = seed.indexOf(from);
  const end = seed.indexOf(to, start + 1);
  if (start < 0 || end < 0) throw new Error(`seed text moved: ${from} … ${to}`);
  return seed.slice(start, end);
};
const clause7 = between("7. Социальная помощь к праздничным дням", "8. Социальная помощь оказывается");
const clause8 = between("8. Социальная помощь оказывается", "9. Размер оказываемой");
const MONTHS: Record<string, string> = { февраля: "02", марта: "03", апреля: "04", мая: "05", августа: "08", октября: "10", декабря: "12" };

describe("Nura's file transcribes seed 003", () => {
  it("the act: decision № 159 of 29 April 2025, registration 6766-09, repeals № 107, repealed by № 236 of 24 April 2026", () => {
    expect(seed).toContain("от 29 апреля 2025 года № 159");
    expect(nura.act.decision).toEqual({ number: "159", date: "2025-04-29" });
    expect(seed).toContain("5 мая 2025 года № 6766-09");
    expect(nura.act.registration).toEqual({ number: "6766-09", date: "2025-05-05" });
    expect(seed).toContain("от 1 августа 2024 года № 107");
    expect(nura.act.repeals).toEqual([{ number: "107", date: "2024-08-01", registration: "6630-09" }]);
    expect(seed).toContain("от 24 апреля 2026 года № 236");
    expect(nura.act.repealedBy).toMatchObject({ number: "236", date: "2026-04-24" });
    expect(seed).toContain("от 30 июня 2023 года № 523");
    expect(nura.act.typicalRules).toMatchObject({ number: "523", date: "2023-06-30" });
  });

  it("nine occasions with the dates and names of clause 5", () => {
    const list = [...between("5. Перечень праздничных дней", "6. Участковые").matchAll(/(\d)\) (\d{1,2}) ([а-я]+) – ([^;.]+)[;.]/g)];
    expect(list).toHaveLength(9);
    expect(nura.occasions).toHaveLength(9);
    list.forEach((m, i) => {
      const o = nura.occasions[i];
      expect(o.item).toBe(Number(m[1]));
      expect(o.date).toBe(`${MONTHS[m[3]]}-${m[2].padStart(2, "0")}`);
      expect(o.name.ru).toBe(m[4].trim());
    });
  });

  it("clause 7: every holiday category's amount in tenge, in the order of the text", () => {
    const amounts = [...clause7.matchAll(/размере – ([\d ]+?) \(/g)].map((m) => Number(m[1].replace(/ /g, "")));
    const holiday = nura.categories.filter((c) => c.kind === "holiday");
    expect(amounts).toHaveLength(23);
    expect(holiday.map((c) => [c.amount.unit, c.amount.value])).toEqual(amounts.map((a) => ["KZT", a]));
  });

  it("clause 7: each occasion's categories sit under its sub-item", () => {
    for (const o of nura.occasions) {
      const codes = nura.categories.filter((c) => c.occasion === o.date).map((c) => c.code.split(".").slice(0, 2).join("."));
      expect(new Set(codes)).toEqual(new Set([`7.${o.item}`]));
    }
  });

  it("clause 8: the МРП amounts in order, 2 ПМ monthly, 150 000 tenge, 70 % twice, 50 %, income thresholds", () => {
    const mrp = [...clause8.matchAll(/(\d+) \([а-я]+\) месячных расчетных показателей/g)].map((m) => Number(m[1]));
    const needs = nura.categories.filter((c) => c.kind === "needs");
    expect(needs).toHaveLength(15);
    expect(needs.filter((c) => c.amount.unit === "MRP").map((c) => c.amount.value)).toEqual(mrp);
    expect(clause8).toContain("в 2 (двух) кратном размере величины прожиточного минимума");
    expect(needs.filter((c) => c.amount.unit === "PM").map((c) => [c.code, c.amount.value, c.periodicity])).toEqual([["8.3.4", 2, "monthly"]]);
    expect(clause8).toContain("в размере 150 тысяч тенге");
    expect(needs.filter((c) => c.amount.unit === "KZT").map((c) => [c.code, c.amount.value])).toEqual([["8.4", 150_000]]);
    expect([...clause8.matchAll(/в размере (\d+)%/g)].map((m) => Number(m[1]))).toEqual([70, 70, 50]);
    expect(needs.filter((c) => c.amount.unit === "PERCENT" && !c.amount.upTo).map((c) => c.amount.value)).toEqual([70, 70, 50]);
    expect(clause8).toContain("до 100 (сто) месячных расчетных показателей");
    expect(needs.filter((c) => c.amount.upTo && c.amount.unit === "MRP").map((c) => c.code)).toEqual(["8.2"]);
    // "не превышающего порога однократного / в однократном отношении к ПМ" ×4, "не превышающего 2 (два) прожиточных минимумов" ×1
    expect(clause8.match(/однократн/g)).toHaveLength(4);
    expect(needs.filter((c) => c.incomeThreshold?.value === 1).map((c) => c.code)).toEqual(["8.1", "8.3.1", "8.3.2", "8.3.6"]);
    expect(clause8).toContain("не превышающего 2 (два) прожиточных минимумов");
    expect(needs.filter((c) => c.incomeThreshold?.value === 2).map((c) => c.code)).toEqual(["8.8"]);
    expect(clause8).toContain("в течении шести месяцев");
    expect(needs.filter((c) => c.windowMonths).map((c) => [c.code, c.windowMonths])).toEqual([["8.2", 6]]);
    expect(clause8).toContain("не более 14 дней 1 раз в год");
    expect(needs.find((c) => c.code === "8.9")?.limits).toMatchObject({ timesPerYear: 1, maxDays: 14 });
    expect(needs.filter((c) => c.byList).map((c) => c.code)).toEqual(["8.7", "8.10"]);
  });

  it("clauses 12 and 14: four refusal grounds, five termination grounds with their effective dates", () => {
    const g12 = [...between("12. Отказ в оказании", "13. Финансирование").matchAll(/- (\d)\) /g)];
    expect(g12).toHaveLength(nura.refusalGrounds.length);
    const g14 = [...between("14. Социальная помощь прекращается", "Подпункт 3)").matchAll(/- (\d)\) /g)];
    expect(g14).toHaveLength(nura.terminationGrounds.length);
    expect(seed).toContain("по основаниям, указанным в подпунктах 1)-3) настоящего пункта, прекращается со следующего месяца");
    expect(seed).toContain("в подпунктах 4) и 5) настоящего пункта, прекращается с даты наступления");
    expect(nura.terminationGrounds.map((g) => [g.item, g.effectiveFrom])).toEqual([
      [1, "next_month"], [2, "next_month"], [3, "next_month"], [4, "event_date"], [5, "event_date"],
    ]);
    expect(seed).toContain("Подпункт 3) настоящего пункта не распространяется на выплату социальной помощи, назначенной по основаниям, указанным в подпунктах 1) и 2) пункта 8");
    expect(nura.terminationGrounds[2].notForCategories).toEqual(["8.1", "8.2"]);
  });
});
