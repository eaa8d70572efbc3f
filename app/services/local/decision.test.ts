import { describe, expect, it } from "vitest";
import { groundAppliesTo, localAssignmentPeriod, proposedGrounds, validateLocalDecision, type LocalDecisionFacts } from "./decision";

const GROUNDS = [
  { code: "false_information", item: 1, check: null },
  { code: "survey_refused", item: 2, check: null },
  { code: "income_above_threshold", item: 3, check: "income_threshold" as const },
  { code: "already_assigned", item: 4, check: "prior_assistance" as const },
];
const PARAMS_2026 = { year: 2026, mrp: 4325, subsistenceMinimum: 50851 };
const operation = { code: "8.3.2", amount: { unit: "MRP" as const, value: 10, upTo: false }, incomeThreshold: { unit: "PM" as const, value: 1 }, periodicity: "one_off" as const };
const fire = { code: "8.2", amount: { unit: "MRP" as const, value: 100, upTo: true }, incomeThreshold: null, periodicity: "one_off" as const };
const hiv = { code: "8.3.4", amount: { unit: "PM" as const, value: 2, upTo: false }, incomeThreshold: null, periodicity: "monthly" as const };

const facts = (over: Partial<LocalDecisionFacts> = {}): LocalDecisionFacts => ({
  category: operation,
  refusalGrounds: GROUNDS,
  decidedOn: "2026-12-03",
  params: PARAMS_2026,
  perCapitaIncome: 36_000,
  incomeNeeded: true,
  earlierOnThisGround: null,
  commissionTenge: 43_250,
  ...over,
});

describe("the period of a local assignment", () => {
  it.each([
    ["a one-off payment is the decision month (Thursday 2026-12-03)", operation, "2026-12-03", { from: "2026-12", to: "2026-12" }],
    ["a monthly category runs to December of the decision year (Wednesday 2025-10-01)", hiv, "2025-10-01", { from: "2025-10", to: "2025-12" }],
    ["a heating-season payment is one payment in the decision month (Monday 2026-01-05)", { periodicity: "heating_season" as const }, "2026-01-05", { from: "2026-01", to: "2026-01" }],
  ])("%s", (_n, category, day, period) => {
    expect(localAssignmentPeriod(category, day)).toEqual(period);
  });
});

describe("which grounds apply to a category", () => {
  it("ground 3 needs an income threshold: not for a fire (8.2), yes for an operation (8.3.2)", () => {
    expect(groundAppliesTo(GROUNDS[2], fire)).toBe(false);
    expect(groundAppliesTo(GROUNDS[2], operation)).toBe(true);
  });
  it("an act may rule a ground out for named categories", () => {
    expect(groundAppliesTo({ check: null, notForCategories: ["8.1", "8.2"] }, { code: "8.2", incomeThreshold: null })).toBe(false);
    expect(groundAppliesTo({ check: null, notForCategories: ["8.1", "8.2"] }, { code: "8.3.2", incomeThreshold: null })).toBe(true);
  });
});

describe("validateLocalDecision", () => {
  it.each<[string, Parameters<typeof validateLocalDecision>[0], Partial<LocalDecisionFacts>, unknown]>([
    ["an operation at 10 МРП of 2026 is assigned for the decision month", { kind: "assignment" }, {}, { ok: true, decision: { kind: "assignment", amountTiyn: 4_325_000, period: { from: "2026-12", to: "2026-12" } } }],
    ["income exactly 1 ПМ is not above the threshold", { kind: "assignment" }, { perCapitaIncome: 50_851 }, { ok: true }],
    ["income one tenge above 1 ПМ cannot be assigned", { kind: "assignment" }, { perCapitaIncome: 50_852 }, { ok: false, errors: ["income_above_threshold"] }],
    ["no assignment before the income is computed", { kind: "assignment" }, { perCapitaIncome: null }, { ok: false, errors: ["income_missing"] }],
    ["no assignment before the special commission's amount", { kind: "assignment" }, { commissionTenge: null }, { ok: false, errors: ["commission_missing"] }],
    ["a fixed amount valued at an older year's МРП is not the act's amount", { kind: "assignment" }, { commissionTenge: 39_320 }, { ok: false, errors: ["commission_outside_limit"] }],
    ["an earlier case on this ground rules out assignment", { kind: "assignment" }, { earlierOnThisGround: "LSA26-000001" }, { ok: false, errors: ["already_assigned"] }],
    ["a fire up to 100 МРП needs no income", { kind: "assignment" }, { category: fire, incomeNeeded: false, perCapitaIncome: null, commissionTenge: 200_000 }, { ok: true }],
    ["a refusal on ground 3 when income is above", { kind: "refusal", grounds: ["income_above_threshold"] }, { perCapitaIncome: 60_000 }, { ok: true, decision: { kind: "refusal", grounds: ["income_above_threshold"] } }],
    ["ground 3 cannot be cited when income is within the threshold", { kind: "refusal", grounds: ["income_above_threshold"] }, {}, { ok: false, errors: ["ground_not_established"] }],
    ["ground 3 is not for a category without a threshold (8.2)", { kind: "refusal", grounds: ["income_above_threshold"] }, { category: fire, incomeNeeded: false, perCapitaIncome: null }, { ok: false, errors: ["ground_not_for_category"] }],
    ["ground 4 needs an earlier case", { kind: "refusal", grounds: ["already_assigned"] }, {}, { ok: false, errors: ["ground_not_established"] }],
    ["ground 4 with one", { kind: "refusal", grounds: ["already_assigned", "false_information"] }, { earlierOnThisGround: "LSA25-000007" }, { ok: true, decision: { kind: "refusal", grounds: ["false_information", "already_assigned"] } }],
    ["a refusal needs a ground", { kind: "refusal", grounds: [] }, {}, { ok: false, errors: ["no_grounds"] }],
    ["a ground the act does not have", { kind: "refusal", grounds: ["not_low_income"] }, {}, { ok: false, errors: ["unknown_ground"] }],
    ["no decision without the year's parameters", { kind: "assignment" }, { params: null }, { ok: false, errors: ["no_parameters"] }],
  ])("%s", (_n, input, over, expected) => {
    expect(validateLocalDecision(input, facts(over))).toMatchObject(expected as object);
  });
});

describe("proposedGrounds", () => {
  it("proposes ground 3 when the income is above and ground 4 when an earlier case exists", () => {
    expect(proposedGrounds(facts())).toEqual([]);
    expect(proposedGrounds(facts({ perCapitaIncome: 150_000 }))).toEqual(["income_above_threshold"]);
    expect(proposedGrounds(facts({ perCapitaIncome: 150_000, earlierOnThisGround: "LSA26-000002" }))).toEqual(["income_above_threshold", "already_assigned"]);
    expect(proposedGrounds(facts({ category: fire, perCapitaIncome: 150_000 }))).toEqual([]);
  });
});
