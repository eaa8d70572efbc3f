import { describe, expect, it } from "vitest";
import { assignmentPeriod, validateDecision, type Decision, type DecisionContext } from "./decision";
import { REFUSAL_GROUND_CODES, type RefusalGroundCode } from "./refusal";

const assignment = (amountTiyn: number, from = "2025-05", to = "2025-06"): Decision => ({ kind: "assignment", amountTiyn, period: { from, to } });
const refusal = (...grounds: string[]): Decision => ({ kind: "refusal", grounds: grounds as RefusalGroundCode[] });

describe("assignmentPeriod: from the month of application to the end of its quarter", () => {
  it.each([
    ["Wednesday 2025-05-14 → May–June 2025", "2025-05-14", { from: "2025-05", to: "2025-06" }],
    ["Wednesday 2025-01-15 → January–March 2025", "2025-01-15", { from: "2025-01", to: "2025-03" }],
    ["Monday 2025-03-31 → March 2025 only", "2025-03-31", { from: "2025-03", to: "2025-03" }],
    ["Wednesday 2025-10-01 → October–December 2025", "2025-10-01", { from: "2025-10", to: "2025-12" }],
    ["Friday 2025-12-12 → December 2025 only", "2025-12-12", { from: "2025-12", to: "2025-12" }],
  ])("%s", (_name, date, period) => {
    expect(assignmentPeriod(date)).toEqual(period);
    expect(validateDecision(assignment(100, period.from, period.to), { applicationDate: date })).toEqual({ ok: true });
  });
});

describe("an assignment needs a positive amount and a period inside one quarter", () => {
  it.each<[string, Decision, object[]]>([
    ["a positive amount for May–June is valid", assignment(1_300_000), []],
    ["a whole quarter is valid", assignment(1, "2025-04", "2025-06"), []],
    ["a single month is valid", assignment(1, "2025-06", "2025-06"), []],
    ["an amount of zero is refused", assignment(0), [{ code: "amount_not_positive" }]],
    ["a negative amount is refused", assignment(-500), [{ code: "amount_not_positive" }]],
    ["an amount that is not a number is refused", assignment(Number.NaN), [{ code: "amount_not_positive" }]],
    ["a fraction of a tiyn is refused", assignment(100.5), [{ code: "amount_not_whole_tiyn" }]],
    ["a period ending before it starts is refused", assignment(100, "2025-06", "2025-05"), [{ code: "period_reversed" }]],
    ["a period across two quarters is refused", assignment(100, "2025-06", "2025-07"), [{ code: "period_crosses_quarter" }]],
    ["a period across the new year is refused", assignment(100, "2025-12", "2026-01"), [{ code: "period_crosses_quarter" }]],
    ["a period of four months is refused", assignment(100, "2025-01", "2025-04"), [{ code: "period_crosses_quarter" }]],
    ["month 13 is refused", assignment(100, "2025-13", "2025-13"), [{ code: "period_invalid" }]],
    ["a full date instead of a month is refused", assignment(100, "2025-05-01", "2025-06"), [{ code: "period_invalid" }]],
    ["a missing period is refused", { kind: "assignment", amountTiyn: 100 } as unknown as Decision, [{ code: "period_invalid" }]],
    ["both problems at once are both reported", assignment(0, "2025-06", "2025-05"), [{ code: "amount_not_positive" }, { code: "period_reversed" }]],
  ])("%s", (_name, decision, errors) => {
    expect(validateDecision(decision)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});

describe("an assignment must agree with the file", () => {
  it.each<[string, Decision, DecisionContext, object[]]>([
    ["matching the calculation is valid", assignment(2_000_001), { computedAmountTiyn: 2_000_001, lowIncome: true, commissionConclusion: "needy" }, []],
    ["an amount other than the calculation is refused", assignment(2_000_000), { computedAmountTiyn: 2_000_001 }, [{ code: "amount_differs_from_calculation", expectedTiyn: 2_000_001 }]],
    ["a period starting before the month of application is refused", assignment(100, "2025-04", "2025-06"), { applicationDate: "2025-05-14" }, [{ code: "period_before_application" }]],
    ["a commission's 'not needy' forbids an assignment", assignment(100), { commissionConclusion: "not_needy" }, [{ code: "assignment_contradicts_commission" }]],
    ["an income above the poverty line forbids an assignment", assignment(100), { lowIncome: false }, [{ code: "assignment_above_poverty_line" }]],
  ])("%s", (_name, decision, ctx, errors) => {
    expect(validateDecision(decision, ctx)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});

describe("a refusal needs at least one ground and each ground once", () => {
  it.each(REFUSAL_GROUND_CODES)("a refusal on the single ground %s is valid", (ground) => {
    expect(validateDecision(refusal(ground))).toEqual({ ok: true });
  });

  it.each<[string, Decision, object[]]>([
    ["several different grounds are valid", refusal("refused_employment_measures", "false_information"), []],
    ["no ground is refused", refusal(), [{ code: "no_grounds" }]],
    ["a missing list of grounds is refused", { kind: "refusal" } as unknown as Decision, [{ code: "no_grounds" }]],
    ["the same ground twice is refused", refusal("false_information", "false_information"), [{ code: "duplicate_ground", ground: "false_information" }]],
    ["a ground not in Annex 12 is refused", refusal("too_rich"), [{ code: "unknown_ground", ground: "too_rich" }]],
    ["an unknown kind of decision is refused", { kind: "postponed" } as unknown as Decision, [{ code: "unknown_kind" }]],
  ])("%s", (_name, decision, errors) => {
    expect(validateDecision(decision)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});

describe("a refusal must agree with the file", () => {
  it.each<[string, Decision, DecisionContext, object[]]>([
    ["a commission's 'not needy' is cited: valid", refusal("commission_found_no_need"), { commissionConclusion: "not_needy" }, []],
    ["a commission's 'not needy' with an income ground too: valid", refusal("not_low_income", "commission_found_no_need"), { commissionConclusion: "not_needy", computedAmountTiyn: 0 }, []],
    ["a commission's 'not needy' not cited is refused", refusal("not_low_income"), { commissionConclusion: "not_needy" }, [{ code: "commission_ground_missing" }]],
    ["'not low-income' when the calculation owes money is refused", refusal("not_low_income"), { computedAmountTiyn: 500 }, [{ code: "not_low_income_contradicts_calculation" }]],
    ["'not low-income' for a family exactly at the line (owed nothing) is accepted", refusal("not_low_income"), { lowIncome: true, computedAmountTiyn: 0 }, []],
    ["a six-month bar ground does not depend on income", refusal("false_information"), { computedAmountTiyn: 500, lowIncome: true }, []],
  ])("%s", (_name, decision, ctx, errors) => {
    expect(validateDecision(decision, ctx)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});
