/**
 * Per-capita income and the monthly ASP amount (SPEC "Deciding"): family income for the quarter
 * before the quarter of application ÷ 3 ÷ members; ASP = (poverty line − per-capita) × members.
 *
 * Money is integers only, so no float drift:
 * - incomes, corrections and the poverty line come in whole tenge (as the registry keeps them);
 * - the per-capita income is computed once, in tiyn (1/100 tenge), from the exact quarterly total:
 *   floor(total × 100 / (3 × members)). It is rounded down, so rounding can never lift a family
 *   over the line; the loss is under one tiyn. Every later step uses this rounded figure, so the
 *   steps shown to staff and citizens can be redone by hand and give the same result;
 * - the ASP amount is then exact in tiyn: (line × 100 − per-capita) × members.
 */
import { isIsoDate, type IsoDate } from "./kz-time";

/** 'YYYY-MM-01', the first day of a month, as the registry stores income months. */
export type MonthStart = string;

export type Quarter = { from: MonthStart; to: MonthStart; months: [MonthStart, MonthStart, MonthStart] };

/** The calendar quarter that contains `date`. */
export function quarterOf(date: IsoDate): Quarter {
  const { year, month } = parseDate(date);
  const first = month - ((month - 1) % 3);
  const months = [0, 1, 2].map((i) => monthStart(year, first + i)) as Quarter["months"];
  return { from: months[0], to: months[2], months };
}

/** The quarter before the quarter of application (an application in January → October–December). */
export function quarterBefore(applicationDate: IsoDate): Quarter {
  const { year, month } = parseDate(applicationDate);
  const firstOfQuarter = month - ((month - 1) % 3);
  const prev = firstOfQuarter === 1 ? monthStart(year - 1, 10) : monthStart(year, firstOfQuarter - 3);
  return quarterOf(prev);
}

/** "2026-Q3": how a quarter is named in logs, offers and the scan's summary. */
export function quarterLabel(quarter: Quarter): string {
  return `${quarter.from.slice(0, 4)}-Q${(Number(quarter.from.slice(5, 7)) - 1) / 3 + 1}`;
}

export type IncomeRecord = { iin: string; month: MonthStart; amount: number; source?: string };

/**
 * A staff correction, with the reason on record. `delta` adds (or, negative, removes) tenge at the
 * scope given: member and month, member over the quarter, a month of the family, or the family.
 * `replaceWith` sets a member's month (optionally one source of it) to an amount, superseding the
 * registry lines there; it needs both iin and month.
 */
export type IncomeCorrection = { iin?: string; month?: MonthStart; source?: string; reason: string } & (
  | { delta: number; replaceWith?: never }
  | { replaceWith: number; delta?: never }
);

export type IncomeInput = {
  incomes: readonly IncomeRecord[];
  members: readonly string[];
  quarter: Quarter;
  corrections?: readonly IncomeCorrection[];
};

export type IncomeLine = {
  kind: "registry" | "correction";
  iin?: string;
  month?: MonthStart;
  source?: string;
  amount: number;
  reason?: string;
  /** Index into `corrections` for correction lines, and for registry lines a replacement superseded. */
  correction?: number;
  /** False when a replacement superseded it: shown struck through, not counted. */
  counted: boolean;
};

export type IncomeBreakdown = {
  quarter: Quarter;
  memberCount: number;
  /** Family income over the three months, whole tenge. */
  totalTenge: number;
  perCapitaTiyn: number;
  byMember: { iin: string; months: Record<MonthStart, number>; otherTenge: number; totalTenge: number }[];
  byMonth: { month: MonthStart; totalTenge: number }[];
  /** Family-level corrections not tied to a member (e.g. the commission found an undeclared income). */
  familyTenge: number;
  bySource: { source: string; totalTenge: number }[];
  lines: IncomeLine[];
  /** Registry records left out, and why (another period, or a person outside the family). */
  excluded: { record: IncomeRecord; reason: "outside_quarter" | "not_a_member" }[];
};

export type IncomeError =
  | { code: "no_members" }
  | { code: "duplicate_member"; iin: string }
  | { code: "invalid_quarter" }
  | { code: "invalid_amount"; income: number }
  | { code: "correction_reason_required"; correction: number }
  | { code: "correction_amount_invalid"; correction: number }
  | { code: "correction_unknown_member"; correction: number }
  | { code: "correction_outside_quarter"; correction: number }
  | { code: "replacement_needs_member_and_month"; correction: number }
  | { code: "overlapping_replacements"; correction: number }
  | { code: "negative_income"; iin?: string; month?: MonthStart };

export type Result<T, E> = { ok: true; value: T } | { ok: false; errors: E[] };

/** Source label for registry lines that carry none, and for corrections. */
export const UNSPECIFIED_SOURCE = "unspecified";
export const CORRECTION_SOURCE = "correction";

export function perCapitaIncome(input: IncomeInput): Result<IncomeBreakdown, IncomeError> {
  const errors = validate(input);
  if (errors.length) return { ok: false, errors };
  const { quarter, members } = input;
  const corrections = input.corrections ?? [];
  const memberSet = new Set(members);
  const months = new Set<string>(quarter.months);

  const lines: IncomeLine[] = [];
  const excluded: IncomeBreakdown["excluded"] = [];
  for (const record of input.incomes) {
    if (!months.has(record.month)) excluded.push({ record, reason: "outside_quarter" });
    else if (!memberSet.has(record.iin)) excluded.push({ record, reason: "not_a_member" });
    else lines.push({ kind: "registry", iin: record.iin, month: record.month, source: record.source, amount: record.amount, counted: true });
  }
  // Replacements first, so a delta on the same month adds to the replaced figure whatever the order.
  corrections.forEach((c, i) => {
    if (c.replaceWith === undefined) return;
    for (const line of lines) {
      if (line.counted && line.iin === c.iin && line.month === c.month && (c.source === undefined || line.source === c.source)) {
        line.counted = false;
        line.correction = i;
      }
    }
    lines.push({ kind: "correction", iin: c.iin, month: c.month, source: c.source, amount: c.replaceWith, reason: c.reason.trim(), correction: i, counted: true });
  });
  corrections.forEach((c, i) => {
    if (c.delta === undefined) return;
    lines.push({ kind: "correction", iin: c.iin, month: c.month, source: c.source, amount: c.delta, reason: c.reason.trim(), correction: i, counted: true });
  });

  const counted = lines.filter((l) => l.counted);
  const sum = (ls: IncomeLine[]) => ls.reduce((acc, l) => acc + l.amount, 0);
  const byMember = members.map((iin) => {
    const mine = counted.filter((l) => l.iin === iin);
    const monthsOf = Object.fromEntries(quarter.months.map((m) => [m, sum(mine.filter((l) => l.month === m))]));
    return { iin, months: monthsOf, otherTenge: sum(mine.filter((l) => l.month === undefined)), totalTenge: sum(mine) };
  });
  const byMonth = quarter.months.map((month) => ({ month, totalTenge: sum(counted.filter((l) => l.month === month)) }));
  const sources = [...new Set(counted.map(sourceOf))].sort();
  const bySource = sources.map((source) => ({ source, totalTenge: sum(counted.filter((l) => sourceOf(l) === source)) }));
  const totalTenge = sum(counted);
  const familyTenge = sum(counted.filter((l) => l.iin === undefined));

  const negative: IncomeError[] = [];
  for (const m of byMember) {
    for (const month of quarter.months) if (m.months[month] < 0) negative.push({ code: "negative_income", iin: m.iin, month });
    if (m.totalTenge < 0) negative.push({ code: "negative_income", iin: m.iin });
  }
  for (const m of byMonth) if (m.totalTenge < 0) negative.push({ code: "negative_income", month: m.month });
  if (totalTenge < 0) negative.push({ code: "negative_income" });
  if (negative.length) return { ok: false, errors: negative };

  return {
    ok: true,
    value: {
      quarter,
      memberCount: members.length,
      totalTenge,
      perCapitaTiyn: Math.floor((totalTenge * 100) / (3 * members.length)),
      byMember,
      byMonth,
      familyTenge,
      bySource,
      lines,
      excluded,
    },
  };
}

export type AspAmountInput = { povertyLineTenge: number; perCapitaTiyn: number; members: number };
export type AspAmount = {
  /** Per-capita income does not exceed the poverty line (the law's "low-income"). */
  lowIncome: boolean;
  amountTiyn: number;
  steps: { povertyLineTiyn: number; perCapitaTiyn: number; differenceTiyn: number; members: number; amountTiyn: number };
};

/**
 * ASP per month = (poverty line − per-capita income) × members when positive, else 0. A family
 * exactly at the line is low-income but is owed nothing; what to decide then is up to the caller.
 */
export function aspMonthlyAmount(input: AspAmountInput): AspAmount {
  const { povertyLineTenge, perCapitaTiyn, members } = input;
  if (!Number.isSafeInteger(povertyLineTenge) || povertyLineTenge <= 0) throw new RangeError(`poverty line must be whole tenge > 0, got ${povertyLineTenge}`);
  if (!Number.isSafeInteger(perCapitaTiyn) || perCapitaTiyn < 0) throw new RangeError(`per-capita income must be whole tiyn ≥ 0, got ${perCapitaTiyn}`);
  if (!Number.isSafeInteger(members) || members <= 0) throw new RangeError(`members must be a whole number > 0, got ${members}`);
  const povertyLineTiyn = povertyLineTenge * 100;
  const differenceTiyn = Math.max(0, povertyLineTiyn - perCapitaTiyn);
  const amountTiyn = differenceTiyn * members;
  return {
    lowIncome: perCapitaTiyn <= povertyLineTiyn,
    amountTiyn,
    steps: { povertyLineTiyn, perCapitaTiyn, differenceTiyn, members, amountTiyn },
  };
}

/** Tiyn as tenge for display: 1234567 → "12 345,67" (no-break space, decimal comma, as in ru and kk). */
export function formatTiyn(tiyn: number): string {
  if (!Number.isSafeInteger(tiyn)) throw new RangeError(`not whole tiyn: ${tiyn}`);
  const sign = tiyn < 0 ? "−" : "";
  const abs = Math.abs(tiyn);
  const tenge = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${sign}${tenge},${String(abs % 100).padStart(2, "0")}`;
}

function validate(input: IncomeInput): IncomeError[] {
  const errors: IncomeError[] = [];
  const { members, quarter } = input;
  if (members.length === 0) errors.push({ code: "no_members" });
  const seen = new Set<string>();
  for (const iin of members) {
    if (seen.has(iin)) errors.push({ code: "duplicate_member", iin });
    seen.add(iin);
  }
  if (!isQuarter(quarter)) return [...errors, { code: "invalid_quarter" }];
  input.incomes.forEach((r, i) => {
    if (!Number.isSafeInteger(r.amount) || r.amount < 0) errors.push({ code: "invalid_amount", income: i });
  });
  const months = new Set<string>(quarter.months);
  const replaced: { iin: string; month: string; source?: string }[] = [];
  (input.corrections ?? []).forEach((c, i) => {
    if (typeof c.reason !== "string" || c.reason.trim() === "") errors.push({ code: "correction_reason_required", correction: i });
    const isDelta = c.delta !== undefined;
    const amount = isDelta ? c.delta : c.replaceWith;
    const amountOk = (c.delta === undefined) !== (c.replaceWith === undefined) && Number.isSafeInteger(amount) && (isDelta ? amount !== 0 : (amount as number) >= 0);
    if (!amountOk) errors.push({ code: "correction_amount_invalid", correction: i });
    if (c.iin !== undefined && !seen.has(c.iin)) errors.push({ code: "correction_unknown_member", correction: i });
    if (c.month !== undefined && !months.has(c.month)) errors.push({ code: "correction_outside_quarter", correction: i });
    if (c.replaceWith !== undefined) {
      if (c.iin === undefined || c.month === undefined) {
        errors.push({ code: "replacement_needs_member_and_month", correction: i });
      } else {
        // Two replacements of the same figure would make the result depend on their order.
        const clash = replaced.some((r) => r.iin === c.iin && r.month === c.month && (r.source === undefined || c.source === undefined || r.source === c.source));
        if (clash) errors.push({ code: "overlapping_replacements", correction: i });
        replaced.push({ iin: c.iin, month: c.month, source: c.source });
      }
    }
  });
  return errors;
}

function sourceOf(line: IncomeLine): string {
  return line.source ?? (line.kind === "correction" ? CORRECTION_SOURCE : UNSPECIFIED_SOURCE);
}

function isQuarter(q: Quarter): boolean {
  if (!q || !Array.isArray(q.months) || q.months.length !== 3 || !isIsoDate(q.from)) return false;
  const expected = quarterOf(q.from);
  return expected.from === q.from && expected.to === q.to && expected.months.every((m, i) => m === q.months[i]);
}

function parseDate(date: IsoDate): { year: number; month: number } {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${date}"`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

function monthStart(year: number, month: number): MonthStart {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}
