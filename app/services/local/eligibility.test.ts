import { describe, expect, it } from "vitest";
import { ageOn, PORTAL_APPLICANTS, satisfies, type Fact } from "./eligibility";
import type { Condition } from "./rule-set";

const person = (facts: Fact[], birthDate = "1950-06-15") => ({ facts, birthDate });

describe("eligibility over registry facts", () => {
  it.each<[string, Condition | null, Fact[], string, boolean]>([
    ["no condition", null, [], "1950-06-15", true],
    ["disability group in 1–3", { fact: "disability_group", in: ["1", "2", "3"] }, [{ kind: "disability_group", value: "2" }], "1980-01-01", true],
    ["a child's disability is not group 1–3", { fact: "disability_group", in: ["1", "2", "3"] }, [{ kind: "disability_group", value: "child" }], "2015-01-01", false],
    ["any pension", { fact: "pension_recipient" }, [{ kind: "pension_recipient", value: "age" }], "1950-06-15", true],
    ["70+ pensioner: 70 on the day", { all: [{ fact: "pension_recipient" }, { age: { min: 70 } }] }, [{ kind: "pension_recipient", value: "age" }], "1955-10-01", true],
    ["70+ pensioner: a day short", { all: [{ fact: "pension_recipient" }, { age: { min: 70 } }] }, [{ kind: "pension_recipient", value: "age" }], "1955-10-02", false],
    ["child under 18", { age: { max: 17 } }, [], "2008-10-02", true],
    ["18 today", { age: { max: 17 } }, [], "2007-10-01", false],
    ["not IPAR", { all: [{ fact: "veteran" }, { not: { fact: "ipar_sanatorium" } }] }, [{ kind: "veteran", value: "combat" }, { kind: "ipar_sanatorium", value: null }], "1960-01-01", false],
    ["any of", { any: [{ fact: "mother_heroine" }, { fact: "multi_child" }] }, [{ kind: "multi_child", value: "4" }], "1985-01-01", true],
  ])("%s", (_name, condition, facts, birthDate, expected) => {
    expect(satisfies(condition, person(facts, birthDate), "2025-10-01")).toBe(expected);
  });

  it("the portal channel: people with disabilities or socially significant diseases only", () => {
    expect(satisfies(PORTAL_APPLICANTS, person([{ kind: "disability_group", value: "3" }]), "2025-10-01")).toBe(true);
    expect(satisfies(PORTAL_APPLICANTS, person([{ kind: "socially_significant_disease", value: "tuberculosis" }]), "2025-10-01")).toBe(true);
    expect(satisfies(PORTAL_APPLICANTS, person([{ kind: "pension_recipient", value: "age" }]), "2025-10-01")).toBe(false);
  });

  it.each([
    ["2000-02-29", "2025-02-28", 24],
    ["2000-02-29", "2025-03-01", 25],
    ["1955-10-01", "2025-10-01", 70],
  ])("born %s, on %s: %i", (b, d, age) => expect(ageOn(b, d)).toBe(age));
});
