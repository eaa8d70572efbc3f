/**
 * Holiday and by-list payments (seed 003 clauses 5, 7, 8.7, 8.10, 10, 17–21; ADR 017): the pure rules —
 * which list a category belongs to and for which period, the amount in tenge on the valuation date,
 * the payment date, decision numbers — with table tests beside them (rules.test.ts).
 */
import { addWorkingDays, kzCalendar } from "../domain/workdays";
import type { Condition } from "./eligibility";

export type AmountUnit = "KZT" | "MRP" | "PM" | "PERCENT";
export type Amount = { unit: AmountUnit; value: number; upTo: boolean };

/** What list generation needs of one category of the district's act. */
export type ListCategory = {
  code: string;
  kind: "holiday" | "needs";
  /** 'MM-DD' of a holiday category. */
  occasion: string | null;
  nameRu: string;
  nameKk: string;
  amount: Amount;
  byList: boolean;
  periodicity: string;
  eligibility: Condition;
  /** For a PERCENT amount: the registry fact whose numeric value the percentage is of, and how many times. */
  percentOf?: { fact: string; times: number };
};

export type ListOccasion = { date: string; nameRu: string; nameKk: string };

/** The part of a district's act in force that list generation reads. */
export type ListRules = {
  act: { id: string; kato: string; titleRu: string; titleKk: string };
  occasions: ListOccasion[];
  categories: ListCategory[];
};

export type ListKind = "holiday" | "needs";
export type ListTarget = { kind: ListKind; subject: string; period: string; referenceDay: string };

/** The by-list categories of a list: every holiday category of the occasion, or the one needs category. */
export function categoriesOfList(rules: ListRules, kind: ListKind, subject: string): ListCategory[] {
  return rules.categories.filter((c) => c.byList && c.kind === kind && (kind === "holiday" ? c.occasion === subject : c.code === subject));
}

/** The by-list needs categories of the act (8.7, 8.10 in Nura). */
export const byListNeeds = (rules: ListRules) => rules.categories.filter((c) => c.byList && c.kind === "needs");

/**
 * The list's period and the day the registry facts are read for:
 * - a holiday: the occasion's year, read on the occasion's date (age 70 "on 1 October");
 * - a half-yearly needs category (8.7, "один раз в полугодие"): '2026-H1' from 1 January, '2026-H2' from 1 July;
 * - a heating-season category (8.10, "на отопительный сезон в октябре месяце"): '2026/2027' from 1 October;
 * - any other yearly needs category: the year, from 1 January.
 * `half` picks the half-year (1 or 2) for a half-yearly category; ignored otherwise.
 */
export function listTarget(category: Pick<ListCategory, "kind" | "occasion" | "code" | "periodicity"> | null, kind: ListKind, subject: string, year: number, half: 1 | 2 = 1): ListTarget {
  if (kind === "holiday") return { kind, subject, period: String(year), referenceDay: `${year}-${subject}` };
  const periodicity = category?.periodicity ?? "yearly";
  if (periodicity === "half_yearly" || periodicity === "half-yearly") return { kind, subject, period: `${year}-H${half}`, referenceDay: `${year}-${half === 1 ? "01" : "07"}-01` };
  if (periodicity === "heating_season" || periodicity === "per_heating_season") return { kind, subject, period: `${year}/${year + 1}`, referenceDay: `${year}-10-01` };
  return { kind, subject, period: String(year), referenceDay: `${year}-01-01` };
}

export type YearParameters = { mrp: number; subsistenceMinimum: number };

/**
 * The amount in whole tenge on the valuation date — the decision date (issue 14): KZT as written,
 * MRP and PM times the year's МРП / ПМ. "Up to" amounts are set by the special commission case by
 * case (clause 9) and are never paid by list. PERCENT needs a base (percentOf) and is resolved in SQL.
 */
export function amountInTenge(amount: Amount, params: YearParameters): number {
  if (amount.upTo) throw new Error("an 'up to' amount is set by the special commission, not by a list");
  switch (amount.unit) {
    case "KZT":
      return Math.round(amount.value);
    case "MRP":
      return Math.round(amount.value * params.mrp);
    case "PM":
      return Math.round(amount.value * params.subsistenceMinimum);
    case "PERCENT":
      throw new Error("a percentage is of a registry fact; see percentOf");
  }
}

/**
 * When a grant is paid: seed 003 clauses 19–21 at their longest — the State Corporation forms the
 * demand for one-off payments daily (19), sends it within one working day (20), the district
 * transfers within two working days (20), and the Corporation pays within two working days (21):
 * five working days after the decision.
 */
export const PAYMENT_WORKING_DAYS = 1 + 2 + 2;
export function paymentDate(decidedOn: string): string {
  return addWorkingDays(decidedOn, PAYMENT_WORKING_DAYS, kzCalendar);
}

/** 'L12-000034': the list's id and the recipient's place in it (by IIN). */
export function decisionNumber(listId: number, n: number): string {
  return `L${listId}-${String(n).padStart(6, "0")}`;
}

/**
 * Two categories of one occasion (ADR 017). Seed 003 clause 7, last paragraph: "К праздничным дням и
 * памятным датам размер социальной помощи для отдельно взятой категории получателей устанавливается
 * в едином размере". The amount belongs to the category and is the same for everyone in it; the act
 * has no rule limiting a person to one category of an occasion. So a person in two categories of the
 * same occasion is granted each category's amount in full (one decision, one grant per category);
 * paying them less in either would break "в едином размере" for that category. Never twice in the
 * same category: the unique index local_grants_once_uq.
 */
export const TWO_CATEGORY_RULE = "each_category_in_full" as const;

/** The decision's total under TWO_CATEGORY_RULE: the sum of the person's categories. */
export function decisionTotal(amounts: number[]): number {
  return amounts.reduce((a, b) => a + b, 0);
}

/** "200 000" — tenge with a narrow no-break space between thousands, as the SMS and pages print them. */
/** A list decision's number, L<list>-<nnnnnn> (approveList in lists.server.ts): printed, sent by SMS, checked at /verify and 1414. */
export const LIST_DECISION_NUMBER = /^L\d{1,12}-\d{6}$/;

export function formatTenge(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}
