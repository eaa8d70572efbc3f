import { describe, expect, it } from "vitest";
import { yearlyParameterRows } from "../../../db/seed/parameters";
import { readActFile } from "./acts.server";
import {
  addMonths, amountInTenge, checkCommissionAmount, incomeThresholdTenge, incomeWithinThreshold, limitProblem,
  terminationApplies, terminationEffectiveDate, valuationYear, withinWindow, type ValuationParameters,
} from "./amounts";
import { categoryOf, type RuleSet } from "./rule-set";

const read = readActFile("app/services/local/acts/355200000-159-2025-04-29.json");
if (!read.ok) throw new Error("the Nura file must be valid");
const nura: RuleSet = read.ruleSet;
const cat = (code: string) => {
  const c = categoryOf(nura, code);
  if (!c) throw new Error(`no category ${code}`);
  return c;
};
/** МРП and ПМ from the yearly parameters the database is seeded with (db/seed/parameters.ts). */
const params = (year: number): ValuationParameters => {
  const row = yearlyParameterRows.find((r) => r.year === year && r.regionKato === "000000000");
  if (!row) throw new Error(`no parameters for ${year}`);
  return { year, mrp: row.mrp, subsistenceMinimum: row.subsistenceMinimum };
};
const P2025 = params(2025); // МРП 3 932, ПМ 46 228
const P2026 = params(2026); // МРП 4 325, ПМ 50 851

describe("valuation date: the year of the decision on the case", () => {
  it.each([
    ["2025-10-01", 2025],
    ["2025-12-31", 2025],
    ["2026-01-05", 2026],
  ])("decided on %s → parameters of %i", (day, year) => {
    expect(valuationYear(nura, day)).toBe(year);
  });
});

describe("amounts in tenge", () => {
  it.each([
    ["7.1.1", P2025, 200_000, "200 000 tenge"],
    ["7.5.2", P2025, 50_000, "50 000 tenge"],
    ["7.9.1", P2025, 400_000, "400 000 tenge"],
    ["8.1", P2025, 15 * 3932, "15 МРП of 2025"],
    ["8.1", P2026, 15 * 4325, "15 МРП of 2026: the same category, a later decision"],
    ["8.2", P2025, 100 * 3932, "up to 100 МРП: the ceiling"],
    ["8.3.1", P2025, 7 * 3932, "7 МРП"],
    ["8.3.2", P2025, 10 * 3932, "operation: 10 МРП"],
    ["8.3.3", P2025, 14 * 3932, "14 МРП"],
    ["8.3.4", P2025, 2 * 46228, "2 ПМ monthly"],
    ["8.4", P2025, 150_000, "burial: 150 000 tenge"],
    ["8.8", P2025, 16 * 3932, "solid fuel: 16 МРП"],
    ["8.10", P2025, 12 * 3932, "utilities: 12 МРП"],
  ])("%s → %i (%s)", (code, p, tenge) => {
    expect(amountInTenge(cat(code).amount, p)).toBe(tenge);
  });

  it.each([
    ["8.5", { sanatorium_guaranteed_sum: 180_000 }, 126_000, "70 % of the guaranteed sum"],
    ["8.7", { preschool_fee: 25_001 }, 12_501, "50 % of the fee, rounded half up"],
    ["8.9", { sanatorium_guaranteed_sum: 180_000 }, 180_000, "up to the guaranteed sum"],
  ])("%s with its base → %i (%s)", (code, bases, tenge, _why: string) => {
    expect(amountInTenge(cat(code).amount, P2025, bases)).toBe(tenge);
  });

  it("a percentage without its base is an error, not zero", () => {
    expect(() => amountInTenge(cat("8.5").amount, P2025)).toThrow(/sanatorium_guaranteed_sum/);
  });
});

describe("the special commission's amount within the category's limit (clause 9)", () => {
  it.each([
    ["8.2", 393_200, { ok: true, tenge: 393_200 }, "exactly the ceiling of 100 МРП"],
    ["8.2", 150_000, { ok: true, tenge: 150_000 }, "below the ceiling"],
    ["8.2", 393_201, { ok: false, reason: "above_limit", limit: 393_200 }, "one tenge above"],
    ["8.2", 0, { ok: false, reason: "not_positive", limit: 393_200 }, "nothing"],
    ["8.3.2", 39_320, { ok: true, tenge: 39_320 }, "a fixed amount: exactly 10 МРП"],
    ["8.3.2", 30_000, { ok: false, reason: "not_the_fixed_amount", limit: 39_320 }, "a fixed amount cannot be lowered"],
    ["8.3.2", 39_320.5, { ok: false, reason: "not_positive", limit: 39_320 }, "whole tenge only"],
  ])("%s: %d → %o (%s)", (code, proposed, expected, _why: string) => {
    expect(checkCommissionAmount(cat(code), proposed, P2025)).toEqual(expected);
  });
});

describe("income thresholds: per-capita income not above 1 or 2 ПМ", () => {
  it.each([
    ["8.3.2", 46_228, true, "exactly 1 ПМ of 2025 is within"],
    ["8.3.2", 46_229, false, "one tenge above: refusal ground 3"],
    ["8.1", 0, true, "no income"],
    ["8.8", 92_456, true, "fuel: exactly 2 ПМ"],
    ["8.8", 92_457, false, "fuel: above 2 ПМ"],
    ["8.2", 10_000_000, null, "fire: income is not considered"],
    ["8.3.3", 10_000_000, null, "tuberculosis in-patient: income is not considered"],
  ])("%s at %d → %s (%s)", (code, income, expected, _why: string) => {
    expect(incomeWithinThreshold(cat(code), income, P2025)).toBe(expected);
  });

  it("the threshold in tenge follows the valuation year", () => {
    expect(incomeThresholdTenge(cat("8.8"), P2025)).toBe(92_456);
    expect(incomeThresholdTenge(cat("8.8"), P2026)).toBe(101_702);
    expect(incomeThresholdTenge(cat("8.2"), P2026)).toBeNull();
  });
});

describe("time windows: within six months of a fire or natural disaster (8.2)", () => {
  it.each([
    ["2025-06-10", "2025-06-10", true, "the same day"],
    ["2025-06-10", "2025-12-10", true, "the last day, six months on"],
    ["2025-06-10", "2025-12-11", false, "a day late"],
    ["2025-08-31", "2026-02-28", true, "31 August + 6 months = 28 February"],
    ["2025-08-31", "2026-03-01", false, "and not 3 March"],
    ["2025-06-10", "2025-06-09", false, "before the event"],
  ])("event %s, applied %s → %s (%s)", (event, applied, expected) => {
    expect(withinWindow(cat("8.2"), event, applied)).toBe(expected);
  });

  it("a category without a window accepts any day", () => {
    expect(withinWindow(cat("8.3.2"), "2020-01-01", "2025-10-01")).toBe(true);
  });

  it.each([
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2025-10-15", 3, "2026-01-15"],
  ])("addMonths(%s, %i) = %s", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe("limits: sanatorium once a year, at most 14 days (8.9)", () => {
  it.each([
    [{ timesThisYear: 0, days: 14 }, null],
    [{ timesThisYear: 0, days: 15 }, "max_days"],
    [{ timesThisYear: 1, days: 10 }, "times_per_year"],
  ])("%o → %s", (usage, expected) => {
    expect(limitProblem(cat("8.9"), usage)).toBe(expected);
  });
  it("a category without limits", () => expect(limitProblem(cat("8.3.2"), { timesThisYear: 5 })).toBeNull());
});

describe("termination (clause 14): effective dates and the ground-3 exception", () => {
  const ground = (code: string) => nura.terminationGrounds.find((g) => g.code === code)!;
  it.each([
    ["death", "2025-10-17", "2025-11-01", "grounds 1–3: from the next month"],
    ["moved_away", "2025-12-05", "2026-01-01", "across the new year"],
    ["medical_social_institution", "2025-10-01", "2025-11-01", "even on the first of a month"],
    ["false_information", "2025-10-17", "2025-10-17", "grounds 4–5: from the event's date"],
    ["grounds_lost", "2026-02-28", "2026-02-28", "ground 5"],
  ])("%s on %s → payments stop from %s (%s)", (code, event, expected) => {
    expect(terminationEffectiveDate(ground(code), event)).toBe(expected);
  });

  it.each([
    ["8.1", false],
    ["8.2", false],
    ["8.3.2", true],
    ["7.6", true],
  ])("ground 3 (medical-social institution) applies to %s: %s", (code, expected) => {
    expect(terminationApplies(ground("medical_social_institution"), code)).toBe(expected);
    expect(terminationApplies(ground("death"), code)).toBe(true);
  });
});
