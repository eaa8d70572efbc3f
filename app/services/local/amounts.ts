/**
 * The arithmetic of a district's rule set (issue 14, ADR 014): amounts in tenge at the valuation date,
 * the special commission's amount within the category's limit (clause 9), income thresholds, time
 * windows and limits, termination effective dates (clause 14). Pure functions; table tests beside.
 */
import type { Amount, Category, RuleSet, TerminationGround } from "./rule-set";

/** The yearly parameters a valuation needs (db/schema/parameters.ts yearly_parameters). */
export type ValuationParameters = { year: number; mrp: number; subsistenceMinimum: number };

/** Bases of PERCENT amounts, known only case by case (the sanatorium's guaranteed sum, the fee paid). */
export type PercentBases = { sanatorium_guaranteed_sum?: number; preschool_fee?: number };

export class ValuationError extends Error {}

/**
 * The year whose МРП / ПМ value an amount: the year of the valuation date, which is the day of the
 * decision on the case (act.valuationDate = "decision_date").
 */
export function valuationYear(rs: Pick<RuleSet, "act">, decisionDate: string): number {
  if (rs.act.valuationDate !== "decision_date") throw new ValuationError(`unknown valuation date ${String(rs.act.valuationDate)}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decisionDate)) throw new ValuationError(`not a date: ${decisionDate}`);
  return Number(decisionDate.slice(0, 4));
}

/**
 * The amount in whole tenge: the fixed sum, or the ceiling of an "up to" amount. MRP and PM amounts
 * use the parameters of the valuation year; PERCENT amounts need their base (tenge, rounded half up).
 */
export function amountInTenge(amount: Amount, params: ValuationParameters, bases: PercentBases = {}): number {
  switch (amount.unit) {
    case "KZT":
      return amount.value;
    case "MRP":
      return Math.round(amount.value * params.mrp);
    case "PM":
      return Math.round(amount.value * params.subsistenceMinimum);
    case "PERCENT": {
      const base = amount.of ? bases[amount.of] : undefined;
      if (base === undefined || !Number.isFinite(base) || base < 0) throw new ValuationError(`the ${amount.of ?? "base"} in tenge is needed for ${amount.value} %`);
      return Math.round((amount.value * base) / 100);
    }
  }
}

export type CommissionAmountCheck =
  | { ok: true; tenge: number }
  | { ok: false; reason: "above_limit" | "not_the_fixed_amount" | "not_positive"; limit: number };

/**
 * The special commission's amount (clause 9): within the category's limit for "up to" amounts, exactly
 * the fixed amount otherwise (the act sets it; the commission cannot change it).
 */
export function checkCommissionAmount(category: Pick<Category, "amount">, proposed: number, params: ValuationParameters, bases: PercentBases = {}): CommissionAmountCheck {
  const limit = amountInTenge(category.amount, params, bases);
  if (!Number.isInteger(proposed) || proposed <= 0) return { ok: false, reason: "not_positive", limit };
  if (category.amount.upTo) return proposed <= limit ? { ok: true, tenge: proposed } : { ok: false, reason: "above_limit", limit };
  return proposed === limit ? { ok: true, tenge: proposed } : { ok: false, reason: "not_the_fixed_amount", limit };
}

/**
 * Per-capita income against the category's threshold (value × ПМ of the valuation year): true within
 * it ("not above"), false above — refusal ground 3 of clause 12; null when the act does not consider
 * income for the category.
 */
export function incomeWithinThreshold(category: Pick<Category, "incomeThreshold">, perCapitaIncome: number, params: ValuationParameters): boolean | null {
  if (!category.incomeThreshold) return null;
  return perCapitaIncome <= category.incomeThreshold.value * params.subsistenceMinimum;
}

/** The threshold in tenge, or null. */
export function incomeThresholdTenge(category: Pick<Category, "incomeThreshold">, params: ValuationParameters): number | null {
  return category.incomeThreshold ? Math.round(category.incomeThreshold.value * params.subsistenceMinimum) : null;
}

/** `date` plus `months` calendar months; a day the month lacks becomes its last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * Filed within the category's window after the event (8.2: within six months of the fire or natural
 * disaster): the last day is the same day six months on. true when the category has no window.
 */
export function withinWindow(category: Pick<Category, "windowMonths">, eventDate: string, applicationDate: string): boolean {
  if (!category.windowMonths) return true;
  return eventDate <= applicationDate && applicationDate <= addMonths(eventDate, category.windowMonths);
}

/** The limits of a category (8.9: once a year, at most 14 days): what breaks them, or null. */
export function limitProblem(category: Pick<Category, "limits">, usage: { timesThisYear: number; days?: number }): "times_per_year" | "max_days" | null {
  const limits = category.limits;
  if (!limits) return null;
  if (limits.timesPerYear !== undefined && usage.timesThisYear >= limits.timesPerYear) return "times_per_year";
  if (limits.maxDays !== undefined && usage.days !== undefined && usage.days > limits.maxDays) return "max_days";
  return null;
}

/** Whether a termination ground applies to a category (clause 14: ground 3 not for 8.1–8.2). */
export function terminationApplies(ground: Pick<TerminationGround, "notForCategories">, categoryCode: string): boolean {
  return !(ground.notForCategories ?? []).includes(categoryCode);
}

/**
 * The first day no payment is due (clause 14): grounds 1–3 from the month after the event (its first
 * day), grounds 4–5 from the event's date.
 */
export function terminationEffectiveDate(ground: Pick<TerminationGround, "effectiveFrom">, eventDate: string): string {
  if (ground.effectiveFrom === "event_date") return eventDate;
  return addMonths(`${eventDate.slice(0, 7)}-01`, 1);
}
