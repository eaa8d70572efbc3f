import { describe, expect, it } from "vitest";
import { ruleSetInForce } from "../services/local/acts.server";
import { toListRules } from "./adapt";
import { categoriesOfList, listTarget } from "./rules";

describe("the Nura act as list generation reads it", () => {
  const rs = ruleSetInForce("355200000", "2026-04-27");
  it("is in force a week before 9 May 2026 and not on 3 December 2026", () => {
    expect(rs).not.toBeNull();
    expect(ruleSetInForce("355200000", "2026-12-03")).toBeNull();
  });
  const rules = toListRules(rs!);
  it("9 May: the seven categories of clause 7 sub-item 5 with their amounts", () => {
    expect(categoriesOfList(rules, "holiday", "05-09").map((c) => [c.code, c.amount.value])).toEqual([
      ["7.5.1", 100000], ["7.5.2", 50000], ["7.5.3", 200000], ["7.5.4", 50000], ["7.5.5", 200000], ["7.5.6", 100000], ["7.5.7", 100000],
    ]);
  });
  it("every occasion of clause 5 has a list; the by-list needs categories are 8.7 (half-yearly, 50 % of fees) and 8.10 (heating season, 12 МРП)", () => {
    expect(rules.occasions.map((o) => o.date).filter((d) => categoriesOfList(rules, "holiday", d).length)).toHaveLength(9);
    const needs = rules.categories.filter((c) => c.kind === "needs");
    expect(needs.map((c) => c.code)).toEqual(["8.7", "8.10"]);
    expect(needs[0].percentOf).toEqual({ fact: "preschool_fee", times: 6 });
    expect(listTarget(needs[1], "needs", "8.10", 2025)).toMatchObject({ period: "2025/2026", referenceDay: "2025-10-01" });
  });
  it("names the act in ru and kk", () => {
    expect(rules.act.titleRu).toBe("решения № 159 от 29.04.2025 (Нуринский районный маслихат)");
    expect(rules.act.titleKk).toBe("Нұра аудандық мәслихаты 29.04.2025 № 159 шешімі");
  });
});
