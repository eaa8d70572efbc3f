import { describe, expect, it } from "vitest";
import { assignmentPeriod, validateDecision, type Decision, type DecisionContext } from "./decision";
import { REFUSAL_GROUND_CODES, type GroundEvents, type RefusalGroundCode } from "./refusal";

const assignment = (amountTiyn: number, from = "2025-05", to = "2025-06"): Decision => ({ kind: "assignment", amountTiyn, period: { from, to } });
const refusal = (...grounds: string[]): Decision => ({ kind: "refusal", grounds: grounds as RefusalGroundCode[] });
/** A refusal with the events its six-month grounds need. */
const refusalWith = (events: GroundEvents, ...grounds: string[]): Decision => ({ kind: "refusal", grounds: grounds as RefusalGroundCode[], events });
const EVENTS: GroundEvents = {
  refused_employment_measures: { date: "2025-04-10", memberIin: "850101300001" },
  social_contract_broken: { date: "2025-03-01" },
  false_information: { date: "2025-05-14" },
};

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

describe("an assignment needs a positive amount and a period of whole months", () => {
  it.each<[string, Decision, object[]]>([
    ["a positive amount for May–June is valid", assignment(1_300_000), []],
    ["a whole quarter is valid", assignment(1, "2025-04", "2025-06"), []],
    ["a single month is valid", assignment(1, "2025-06", "2025-06"), []],
    ["an amount of zero is refused", assignment(0), [{ code: "amount_not_positive" }]],
    ["a negative amount is refused", assignment(-500), [{ code: "amount_not_positive" }]],
    ["an amount that is not a number is refused", assignment(Number.NaN), [{ code: "amount_not_positive" }]],
    ["a fraction of a tiyn is refused", assignment(100.5), [{ code: "amount_not_whole_tiyn" }]],
    ["a period ending before it starts is refused", assignment(100, "2025-06", "2025-05"), [{ code: "period_reversed" }]],
    // Defect 6: the one-quarter cap came from seed 004, repealed in 2013 (ADR 011).
    ["a period across two quarters is valid", assignment(100, "2025-06", "2025-07"), []],
    ["a period across the new year is valid", assignment(100, "2025-12", "2026-01"), []],
    ["a period of six months is valid", assignment(100, "2025-01", "2025-06"), []],
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
  it.each(REFUSAL_GROUND_CODES)("a refusal on the single ground %s (with its event) is valid", (ground) => {
    expect(validateDecision(refusalWith(EVENTS, ground))).toEqual({ ok: true });
  });

  it.each<[string, Decision, object[]]>([
    ["several different grounds are valid", refusalWith(EVENTS, "refused_employment_measures", "false_information"), []],
    ["no ground is refused", refusal(), [{ code: "no_grounds" }]],
    ["a missing list of grounds is refused", { kind: "refusal" } as unknown as Decision, [{ code: "no_grounds" }]],
    ["the same ground twice is refused", refusalWith(EVENTS, "false_information", "false_information"), [{ code: "duplicate_ground", ground: "false_information" }]],
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
    // Defect 4: a family exactly at the line is low-income; 9.1 would state a false ground.
    ["'not low-income' for a family exactly at the line (owed nothing) is refused", refusal("not_low_income"), { lowIncome: true, computedAmountTiyn: 0 }, [{ code: "not_low_income_contradicts_calculation" }]],
    ["a six-month bar ground does not depend on income", refusalWith(EVENTS, "false_information"), { computedAmountTiyn: 500, lowIncome: true }, []],
  ])("%s", (_name, decision, ctx, errors) => {
    expect(validateDecision(decision, ctx)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});

describe("a family exactly at the poverty line is assigned 0 ₸ (defect 4, ADR 016)", () => {
  it.each<[string, Decision, DecisionContext, object[]]>([
    ["an assignment of 0 ₸ matching a calculation of 0 for a low-income family is valid", assignment(0), { lowIncome: true, computedAmountTiyn: 0 }, []],
    ["0 ₸ when the calculation owes money is refused", assignment(0), { lowIncome: true, computedAmountTiyn: 500 }, [{ code: "amount_not_positive" }]],
    ["0 ₸ above the line is refused", assignment(0), { lowIncome: false, computedAmountTiyn: 0 }, [{ code: "amount_not_positive" }, { code: "assignment_above_poverty_line" }]],
    ["0 ₸ without a calculation is refused", assignment(0), {}, [{ code: "amount_not_positive" }]],
  ])("%s", (_name, decision, ctx, errors) => {
    expect(validateDecision(decision, ctx)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});

describe("grounds 2–4 bar only within six months of their own event (defect 3)", () => {
  const ctx: DecisionContext = { applicationDate: "2025-05-14", decidedOn: "2025-06-02" };
  it.each<[string, Decision, object[]]>([
    ["each ground with its own event inside its window is valid", refusalWith(EVENTS, "refused_employment_measures", "social_contract_broken", "false_information"), []],
    ["a six-month ground without its event date is refused", refusal("false_information"), [{ code: "ground_event_missing", ground: "false_information" }]],
    [
      "one ground's date does not stand in for another's",
      refusalWith({ false_information: { date: "2025-05-14" } }, "false_information", "social_contract_broken"),
      [{ code: "ground_event_missing", ground: "social_contract_broken" }],
    ],
    ["a breach of contract six months to the day before the application still bars", refusalWith({ social_contract_broken: { date: "2024-11-14" } }, "social_contract_broken"), []],
    ["a breach of contract longer ago than six months is refused", refusalWith({ social_contract_broken: { date: "2024-11-13" } }, "social_contract_broken"), [{ code: "ground_outside_bar", ground: "social_contract_broken" }]],
    ["a breach of contract after the application is refused (9.3: before the application)", refusalWith({ social_contract_broken: { date: "2025-05-20" } }, "social_contract_broken"), [{ code: "ground_event_after_application", ground: "social_contract_broken" }]],
    ["false information given with the application bars", refusalWith({ false_information: { date: "2025-05-14" } }, "false_information"), []],
    ["false information given while the case is open bars", refusalWith({ false_information: { date: "2025-05-30" } }, "false_information"), []],
    ["false information given a year ago no longer bars", refusalWith({ false_information: { date: "2024-05-13" } }, "false_information"), [{ code: "ground_outside_bar", ground: "false_information" }]],
    ["an event after the day of the decision is refused", refusalWith({ false_information: { date: "2025-06-03" } }, "false_information"), [{ code: "ground_event_in_future", ground: "false_information" }]],
    [
      "a refusal of employment measures seven months before the application no longer bars",
      refusalWith({ refused_employment_measures: { date: "2024-10-01", memberIin: "850101300001" } }, "refused_employment_measures"),
      [{ code: "ground_outside_bar", ground: "refused_employment_measures" }],
    ],
  ])("%s", (_name, decision, errors) => {
    expect(validateDecision(decision, ctx)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});

describe("ground 2 never rests on a member exempt under article 2 item 6 of the Law (defect 5)", () => {
  const members = [
    { iin: "850101300001", exemption: null },
    { iin: "900101400002", exemption: "disability" as const },
    { iin: "030101500003", exemption: "full_time_study" as const },
  ];
  const refused = (memberIin?: string) => refusalWith({ refused_employment_measures: { date: "2025-05-20", ...(memberIin ? { memberIin } : {}) } }, "refused_employment_measures");
  const ctx: DecisionContext = { applicationDate: "2025-05-14", decidedOn: "2025-06-02", members };
  it.each<[string, Decision, object[]]>([
    ["an able-bodied member who refused: valid", refused("850101300001"), []],
    ["a member with a disability: refused", refused("900101400002"), [{ code: "ground_member_exempt", reason: "disability" }]],
    ["a full-time student: refused", refused("030101500003"), [{ code: "ground_member_exempt", reason: "full_time_study" }]],
    ["someone outside the family: refused", refused("770101300009"), [{ code: "ground_member_not_in_family" }]],
    ["no member named: refused", refused(), [{ code: "ground_member_missing" }]],
  ])("%s", (_name, decision, errors) => {
    expect(validateDecision(decision, ctx)).toEqual(errors.length ? { ok: false, errors } : { ok: true });
  });
});
