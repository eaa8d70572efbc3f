import { describe, expect, it, afterEach } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { clearActsCache, loadActs, readActFile, ruleSetInForce } from "./acts.server";
import { actAppliesOn, categoryOf, parseRuleSet, pickInForce, type RuleSet } from "./rule-set";

const NURA_FILE = "app/services/local/acts/355200000-159-2025-04-29.json";
const TEST_ACTS = resolve("tests/fixtures/acts");
const nura = (): RuleSet => {
  const read = readActFile(NURA_FILE);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.ruleSet;
};

afterEach(() => clearActsCache());

describe("the act in force for a district on a day", () => {
  it.each([
    ["2025-05-15", null, "before the act comes into force"],
    ["2025-05-16", "159", "its first day"],
    ["2025-10-01", "159", "inside its period"],
    ["2026-05-04", "159", "the last day before the repeal"],
    ["2026-05-05", null, "the repealing decision № 236 is in force"],
    ["2026-12-03", null, "long after the repeal"],
  ] as [string, string | null, string][])("Nura on %s → %s (%s)", (day, number) => {
    expect(ruleSetInForce("355200000", day)?.act.decision.number ?? null).toBe(number);
  });

  it("another district has no act loaded: null, never Nura's", () => {
    expect(ruleSetInForce("351000000", "2025-10-01")).toBeNull();
  });

  it("a second district's file in another directory needs no code: its act applies in its district only", () => {
    const acts = loadActs(TEST_ACTS);
    expect(acts.map((a) => a.act.kato)).toEqual(["355600000"]);
    const second = ruleSetInForce("355600000", "2026-12-03", TEST_ACTS);
    expect(second?.act.decision.number).toBe("12");
    expect(second && categoryOf(second, "8.1")?.incomeThreshold).toEqual({ unit: "PM", value: 1.5 });
    expect(ruleSetInForce("355200000", "2025-10-01", TEST_ACTS)).toBeNull();
  });

  it("two acts of one district in force on the same day is an error in the files, not a silent choice", () => {
    const a = nura();
    const b = { ...a, act: { ...a.act, decision: { ...a.act.decision, number: "999" } } };
    expect(() => pickInForce([a, b], "355200000", "2025-10-01")).toThrow(/two acts of district 355200000/);
    expect(actAppliesOn(a, "2025-10-01")).toBe(true);
  });
});

describe("validation: every problem with its path", () => {
  it("the Nura file is valid: 9 occasions, 23 holiday and 15 needs categories", () => {
    const rs = nura();
    expect(rs.occasions).toHaveLength(9);
    expect(rs.categories.filter((c) => c.kind === "holiday")).toHaveLength(23);
    expect(rs.categories.filter((c) => c.kind === "needs")).toHaveLength(15);
    expect(rs.act.repealedBy).toMatchObject({ number: "236", date: "2026-04-24" });
  });

  it("a malformed file reports each problem at its path", () => {
    const read = readActFile("tests/fixtures/acts-bad/bad.json");
    expect(read.ok).toBe(false);
    const paths = read.ok ? [] : read.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "act.kato",
        "categories[0].amount.unit",
        "categories[0].amount.value",
        "categories[5].occasion",
        "categories[20].eligibility.fact",
        "categories[30].amount.of",
      ]),
    );
  });

  it.each([
    ["a holiday category without its occasion", (rs: RuleSet) => (rs.categories[0].occasion = null), "categories[0].occasion"],
    ["an occasion the act does not list", (rs: RuleSet) => (rs.categories[0].occasion = "06-01"), "categories[0].occasion"],
    ["a holiday category paid on application", (rs: RuleSet) => (rs.categories[0].byList = false), "categories[0].byList"],
    ["two categories with one code", (rs: RuleSet) => (rs.categories[1].code = rs.categories[0].code), "categories[1].code"],
    ["until not the day before the repeal", (rs: RuleSet) => (rs.act.inForce.until = "2026-06-01"), "act.inForce.until"],
    ["an unknown benefit category", (rs: RuleSet) => (rs.categories[0].eligibility = { fact: "benefit_category", in: ["astronaut"] }), "categories[0].eligibility.in[0]"],
    ["a termination exception naming no category", (rs: RuleSet) => (rs.terminationGrounds[2].notForCategories = ["9.9"]), "terminationGrounds[2].notForCategories[0]"],
    ["an age condition with neither bound", (rs: RuleSet) => (rs.categories[19].eligibility = { age: {} }), "categories[19].eligibility.age"],
  ])("%s", (_name, spoil, path) => {
    const rs = JSON.parse(readFileSync(NURA_FILE, "utf8"));
    spoil(rs);
    const parsed = parseRuleSet(rs);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toContain(path);
  });
});
