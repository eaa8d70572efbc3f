import { describe, expect, it } from "vitest";
import {
  aspMonthlyAmount,
  formatTiyn,
  perCapitaIncome,
  quarterBefore,
  quarterLabel,
  quarterOf,
  type IncomeBreakdown,
  type IncomeCorrection,
  type IncomeInput,
  type IncomeRecord,
} from "./income";

const MOTHER = "850315400123";
const FATHER = "830101300456";
const CHILD = "150601500789";
const STRANGER = "700101300999";

// An application in May 2025 looks at January–March 2025.
const Q1 = quarterBefore("2025-05-14");
const [JAN, FEB, MAR] = Q1.months;

/** The same wage in each month of the quarter. */
const monthly = (iin: string, amount: number, source = "wage"): IncomeRecord[] => Q1.months.map((month) => ({ iin, month, amount, source }));

function compute(input: Partial<IncomeInput>): IncomeBreakdown {
  const result = perCapitaIncome({ incomes: [], members: [MOTHER], quarter: Q1, ...input });
  if (!result.ok) throw new Error(`expected a result, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe("quarterBefore: the quarter before the quarter of application", () => {
  it.each([
    ["Wednesday 2025-01-15 → October–December 2024 (across the year boundary)", "2025-01-15", ["2024-10-01", "2024-11-01", "2024-12-01"]],
    ["Wednesday 2025-01-01, New Year's Day → October–December 2024", "2025-01-01", ["2024-10-01", "2024-11-01", "2024-12-01"]],
    ["Monday 2025-03-31 → October–December 2024", "2025-03-31", ["2024-10-01", "2024-11-01", "2024-12-01"]],
    ["Tuesday 2025-04-01 → January–March 2025", "2025-04-01", ["2025-01-01", "2025-02-01", "2025-03-01"]],
    ["Wednesday 2025-05-14 → January–March 2025", "2025-05-14", ["2025-01-01", "2025-02-01", "2025-03-01"]],
    ["Thursday 2024-02-29, a leap day → October–December 2023", "2024-02-29", ["2023-10-01", "2023-11-01", "2023-12-01"]],
    ["Monday 2025-07-07 → April–June 2025", "2025-07-07", ["2025-04-01", "2025-05-01", "2025-06-01"]],
    ["Wednesday 2025-12-31 → July–September 2025", "2025-12-31", ["2025-07-01", "2025-08-01", "2025-09-01"]],
  ])("%s", (_name, date, months) => {
    expect(quarterBefore(date)).toEqual({ from: months[0], to: months[2], months });
  });

  it.each(["2025-02-30", "2025-1-5", "15.01.2025", ""])("refuses a date that is not YYYY-MM-DD: %o", (date) => {
    expect(() => quarterBefore(date)).toThrow(RangeError);
  });

  it("quarterOf gives the quarter that contains the date", () => {
    expect(quarterOf("2025-08-20").months).toEqual(["2025-07-01", "2025-08-01", "2025-09-01"]);
  });
});

describe("perCapitaIncome = family income over the quarter ÷ 3 ÷ members, in tiyn rounded down", () => {
  it.each<[string, Partial<IncomeInput>, number, number]>([
    ["a family with no income at all has 0", { members: [MOTHER, CHILD], incomes: [] }, 0, 0],
    ["one member earning 90 000 a month has 90 000,00", { members: [MOTHER], incomes: monthly(MOTHER, 90_000) }, 270_000, 9_000_000],
    [
      "two parents and a child on one wage of 100 000 have 33 333,33 (rounded down)",
      { members: [MOTHER, FATHER, CHILD], incomes: monthly(FATHER, 100_000) },
      300_000,
      3_333_333,
    ],
    [
      "a total of 200 000 over 3 months for 1 person is 66 666,66, not 66 666,67",
      { members: [MOTHER], incomes: [{ iin: MOTHER, month: JAN, amount: 200_000 }] },
      200_000,
      6_666_666,
    ],
    [
      "a big family of eight on a wage and a benefit",
      {
        members: [MOTHER, FATHER, CHILD, "160101600001", "170101500002", "180101600003", "190101500004", "200101600005"],
        incomes: [...monthly(FATHER, 150_000), ...monthly(MOTHER, 42_000, "benefit")],
      },
      576_000,
      2_400_000,
    ],
    [
      "a month with several sources adds them up",
      { members: [MOTHER], incomes: [{ iin: MOTHER, month: FEB, amount: 30_000, source: "wage" }, { iin: MOTHER, month: FEB, amount: 15_000, source: "alimony" }] },
      45_000,
      1_500_000,
    ],
  ])("%s", (_name, input, totalTenge, perCapitaTiyn) => {
    const result = compute(input);
    expect(result.totalTenge).toBe(totalTenge);
    expect(result.perCapitaTiyn).toBe(perCapitaTiyn);
  });

  it("gives the breakdown per member, per month and per source", () => {
    const result = compute({
      members: [MOTHER, FATHER],
      incomes: [...monthly(FATHER, 100_000), { iin: MOTHER, month: MAR, amount: 21_000, source: "benefit" }],
    });
    expect(result.byMember).toEqual([
      { iin: MOTHER, months: { [JAN]: 0, [FEB]: 0, [MAR]: 21_000 }, otherTenge: 0, totalTenge: 21_000 },
      { iin: FATHER, months: { [JAN]: 100_000, [FEB]: 100_000, [MAR]: 100_000 }, otherTenge: 0, totalTenge: 300_000 },
    ]);
    expect(result.byMonth).toEqual([
      { month: JAN, totalTenge: 100_000 },
      { month: FEB, totalTenge: 100_000 },
      { month: MAR, totalTenge: 121_000 },
    ]);
    expect(result.bySource).toEqual([
      { source: "benefit", totalTenge: 21_000 },
      { source: "wage", totalTenge: 300_000 },
    ]);
    expect(result.memberCount).toBe(2);
  });

  it("leaves out incomes of other quarters and of people outside the family, and says why", () => {
    const december = { iin: MOTHER, month: "2024-12-01", amount: 500_000 };
    const stranger = { iin: STRANGER, month: JAN, amount: 400_000 };
    const result = compute({ members: [MOTHER], incomes: [december, stranger, { iin: MOTHER, month: JAN, amount: 30_000 }] });
    expect(result.totalTenge).toBe(30_000);
    expect(result.excluded).toEqual([
      { record: december, reason: "outside_quarter" },
      { record: stranger, reason: "not_a_member" },
    ]);
  });

  it("adds 300 incomes exactly, with no float drift", () => {
    const incomes = Array.from({ length: 300 }, (_, i) => ({ iin: MOTHER, month: Q1.months[i % 3], amount: 33_333, source: `s${i}` }));
    expect(compute({ incomes }).perCapitaTiyn).toBe(333_330_000);
  });
});

describe("corrections by staff", () => {
  const base = { members: [MOTHER, FATHER], incomes: monthly(FATHER, 100_000) };

  it.each<[string, IncomeCorrection[], number]>([
    ["a correction up adds an income the registry missed", [{ iin: MOTHER, month: JAN, delta: 60_000, reason: "Справка о доходах от работодателя" }], 360_000],
    ["a correction down removes an income counted twice", [{ iin: FATHER, month: FEB, delta: -40_000, reason: "Премия учтена дважды" }], 260_000],
    ["a replacement sets a month to the confirmed figure", [{ iin: FATHER, month: MAR, replaceWith: 70_000, reason: "Уточнённая справка" }], 270_000],
    [
      "a replacement and a delta on the same month: the delta adds to the replaced figure, in either order",
      [
        { iin: FATHER, month: MAR, delta: 5_000, reason: "Подработка" },
        { iin: FATHER, month: MAR, replaceWith: 70_000, reason: "Уточнённая справка" },
      ],
      275_000,
    ],
    ["a family-level correction: the commission found income from a subsidiary farm", [{ delta: 45_000, reason: "Личное подсобное хозяйство, акт обследования" }], 345_000],
    ["a member-level correction over the whole quarter", [{ iin: MOTHER, delta: 9_000, reason: "Доход от аренды" }], 309_000],
  ])("%s", (_name, corrections, totalTenge) => {
    expect(compute({ ...base, corrections }).totalTenge).toBe(totalTenge);
  });

  it("shows the replaced registry line as not counted, and the correction with its reason", () => {
    const result = compute({ ...base, corrections: [{ iin: FATHER, month: MAR, replaceWith: 70_000, reason: "  Уточнённая справка " }] });
    expect(result.lines.filter((l) => l.month === MAR)).toEqual([
      { kind: "registry", iin: FATHER, month: MAR, source: "wage", amount: 100_000, counted: false, correction: 0 },
      { kind: "correction", iin: FATHER, month: MAR, source: undefined, amount: 70_000, reason: "Уточнённая справка", correction: 0, counted: true },
    ]);
    expect(result.bySource).toEqual([
      { source: "correction", totalTenge: 70_000 },
      { source: "wage", totalTenge: 200_000 },
    ]);
  });

  it("a replacement of one source leaves the others of that month alone", () => {
    const incomes = [...monthly(FATHER, 100_000), { iin: FATHER, month: JAN, amount: 20_000, source: "alimony" }];
    const result = compute({ members: [FATHER], incomes, corrections: [{ iin: FATHER, month: JAN, source: "wage", replaceWith: 80_000, reason: "Справка" }] });
    expect(result.byMember[0].months[JAN]).toBe(100_000);
    expect(result.totalTenge).toBe(300_000);
  });

  it("family-level corrections are shown apart from the members", () => {
    const result = compute({ ...base, corrections: [{ delta: 45_000, reason: "ЛПХ" }] });
    expect(result.familyTenge).toBe(45_000);
    expect(result.byMember.map((m) => m.totalTenge)).toEqual([0, 300_000]);
  });

  it.each<[string, IncomeCorrection[], object[]]>([
    ["a correction without a reason is refused", [{ iin: FATHER, month: JAN, delta: -10_000, reason: "" }], [{ code: "correction_reason_required", correction: 0 }]],
    ["a reason of spaces is no reason", [{ iin: FATHER, month: JAN, delta: 10_000, reason: "   " }], [{ code: "correction_reason_required", correction: 0 }]],
    ["a delta of zero is refused", [{ iin: FATHER, month: JAN, delta: 0, reason: "x" }], [{ code: "correction_amount_invalid", correction: 0 }]],
    ["tiyn in a correction are refused (whole tenge only)", [{ iin: FATHER, month: JAN, delta: 10.5, reason: "x" }], [{ code: "correction_amount_invalid", correction: 0 }]],
    ["a negative replacement is refused", [{ iin: FATHER, month: JAN, replaceWith: -1, reason: "x" }], [{ code: "correction_amount_invalid", correction: 0 }]],
    ["a correction for someone outside the family is refused", [{ iin: STRANGER, month: JAN, delta: 1_000, reason: "x" }], [{ code: "correction_unknown_member", correction: 0 }]],
    ["a correction for a month outside the quarter is refused", [{ iin: FATHER, month: "2025-04-01", delta: 1_000, reason: "x" }], [{ code: "correction_outside_quarter", correction: 0 }]],
    ["a replacement without a month is refused", [{ iin: FATHER, replaceWith: 1_000, reason: "x" }], [{ code: "replacement_needs_member_and_month", correction: 0 }]],
    [
      "two replacements of the same month are refused",
      [
        { iin: FATHER, month: JAN, replaceWith: 1_000, reason: "x" },
        { iin: FATHER, month: JAN, source: "wage", replaceWith: 2_000, reason: "y" },
      ],
      [{ code: "overlapping_replacements", correction: 1 }],
    ],
    [
      "a correction down below zero is refused",
      [{ iin: FATHER, month: FEB, delta: -100_001, reason: "x" }],
      [{ code: "negative_income", iin: FATHER, month: FEB }, { code: "negative_income", month: FEB }],
    ],
    ["a family-level correction below zero is refused", [{ delta: -300_001, reason: "x" }], [{ code: "negative_income" }]],
    [
      "every problem is reported at once",
      [
        { iin: STRANGER, month: "2024-01-01", delta: 1_000, reason: "" },
        { iin: FATHER, month: JAN, delta: 0, reason: "ok" },
      ],
      [
        { code: "correction_reason_required", correction: 0 },
        { code: "correction_unknown_member", correction: 0 },
        { code: "correction_outside_quarter", correction: 0 },
        { code: "correction_amount_invalid", correction: 1 },
      ],
    ],
  ])("%s", (_name, corrections, errors) => {
    expect(perCapitaIncome({ ...base, quarter: Q1, corrections })).toEqual({ ok: false, errors });
  });
});

describe("perCapitaIncome refuses bad input", () => {
  it.each<[string, Partial<IncomeInput>, object[]]>([
    ["a family of nobody", { members: [] }, [{ code: "no_members" }]],
    ["the same person twice", { members: [MOTHER, MOTHER] }, [{ code: "duplicate_member", iin: MOTHER }]],
    ["a period that is not a calendar quarter", { quarter: { from: "2025-02-01", to: "2025-04-01", months: ["2025-02-01", "2025-03-01", "2025-04-01"] } }, [{ code: "invalid_quarter" }]],
    ["a negative registry income", { incomes: [{ iin: MOTHER, month: JAN, amount: -5 }] }, [{ code: "invalid_amount", income: 0 }]],
    ["an income in tiyn", { incomes: [{ iin: MOTHER, month: JAN, amount: 0.1 }] }, [{ code: "invalid_amount", income: 0 }]],
  ])("%s", (_name, input, errors) => {
    expect(perCapitaIncome({ incomes: [], members: [MOTHER], quarter: Q1, ...input })).toEqual({ ok: false, errors });
  });
});

describe("aspMonthlyAmount = (poverty line − per-capita) × members, when positive", () => {
  const LINE = 33_000; // tenge, an illustrative poverty line
  it.each<[string, number, number, boolean, number]>([
    ["zero income: the whole line for each member of a family of 3", 0, 3, true, 9_900_000],
    ["income below the line: 20 000,00 per person in a family of 4 is owed 13 000 × 4", 2_000_000, 4, true, 5_200_000],
    ["income exactly at the line: low-income, but nothing to pay", 3_300_000, 2, true, 0],
    ["income above the line: not low-income, nothing to pay", 3_300_001, 2, false, 0],
    ["33 333,33 per capita is above a line of 33 000: nothing to pay", 3_333_333, 1, false, 0],
    ["one member just under the line gets the difference in tiyn", 3_299_999, 1, true, 1],
    ["a big family of 8 at 12 345,67 per capita", 1_234_567, 8, true, (3_300_000 - 1_234_567) * 8],
  ])("%s", (_name, perCapitaTiyn, members, lowIncome, amountTiyn) => {
    const result = aspMonthlyAmount({ povertyLineTenge: LINE, perCapitaTiyn, members });
    expect(result.lowIncome).toBe(lowIncome);
    expect(result.amountTiyn).toBe(amountTiyn);
    expect(result.steps).toEqual({
      povertyLineTiyn: 3_300_000,
      perCapitaTiyn,
      differenceTiyn: Math.max(0, 3_300_000 - perCapitaTiyn),
      members,
      amountTiyn,
    });
  });

  it("chains with perCapitaIncome: a family of 3 on 100 000 a month under a line of 40 000", () => {
    const income = compute({ members: [MOTHER, FATHER, CHILD], incomes: monthly(FATHER, 100_000) });
    const asp = aspMonthlyAmount({ povertyLineTenge: 40_000, perCapitaTiyn: income.perCapitaTiyn, members: income.memberCount });
    // 33 333,33 per person; (40 000,00 − 33 333,33) × 3 = 20 000,01 — the displayed steps redo exactly.
    expect(asp.amountTiyn).toBe(2_000_001);
    expect(formatTiyn(asp.amountTiyn)).toBe("20\u00a0000,01");
  });

  it.each<[string, { povertyLineTenge: number; perCapitaTiyn: number; members: number }]>([
    ["no members", { povertyLineTenge: LINE, perCapitaTiyn: 0, members: 0 }],
    ["a fractional per-capita income", { povertyLineTenge: LINE, perCapitaTiyn: 0.5, members: 1 }],
    ["a missing poverty line", { povertyLineTenge: 0, perCapitaTiyn: 0, members: 1 }],
  ])("refuses %s", (_name, input) => {
    expect(() => aspMonthlyAmount(input)).toThrow(RangeError);
  });
});

describe("formatTiyn writes tiyn as tenge", () => {
  it.each([
    [0, "0,00"],
    [5, "0,05"],
    [100, "1,00"],
    [1_234_567, "12\u00a0345,67"],
    [123_456_789_00, "123\u00a0456\u00a0789,00"],
    [-250, "−2,50"],
  ])("%i → %s", (tiyn, text) => {
    expect(formatTiyn(tiyn)).toBe(text);
  });
});

describe("quarterLabel names the quarter the scan and the offers record", () => {
  it.each([
    ["Monday 23 November 2026", "2026-11-23", "2026-Q3"],
    ["Thursday 1 January 2026", "2026-01-01", "2025-Q4"],
    ["Wednesday 1 April 2026", "2026-04-01", "2026-Q1"],
  ])("an application on %s is assessed on %s's last full quarter, %s", (_day, date, label) => {
    expect(quarterLabel(quarterBefore(date))).toBe(label);
  });
});
