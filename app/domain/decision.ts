/**
 * The decision on an ASP application: an assignment (amount and period) or a refusal (grounds of
 * Annex 12 item 9), and the checks a draft must pass before the head can sign it.
 *
 * The period of an assignment: ASP is assigned for a quarter and the right to it is confirmed each
 * quarter (seed 004 clause 12: "ежеквартально подтверждается"), and it is paid from the month of
 * application. So a period is one to three whole months inside one calendar quarter, normally from
 * the month of application to the end of its quarter (assignmentPeriod). The seeds do not spell the
 * start month out; validateDecision therefore checks only that the period lies in one quarter and,
 * when the application date is known, does not start before the month of application.
 */
import { isIsoDate, type IsoDate } from "./kz-time";
import { isRefusalGroundCode, type RefusalGroundCode } from "./refusal";

/** 'YYYY-MM'. */
export type Month = string;

export type AssignmentDecision = { kind: "assignment"; amountTiyn: number; period: { from: Month; to: Month } };
export type RefusalDecision = { kind: "refusal"; grounds: readonly RefusalGroundCode[] };
export type Decision = AssignmentDecision | RefusalDecision;

/** What the case already knows, for checks that the decision agrees with the file. All optional. */
export type DecisionContext = {
  applicationDate?: IsoDate;
  /** The district commission's conclusion in the survey act. */
  commissionConclusion?: "needy" | "not_needy";
  /** From aspMonthlyAmount: per-capita income at or below the poverty line. */
  lowIncome?: boolean;
  /** From aspMonthlyAmount: the amount the calculation gives. */
  computedAmountTiyn?: number;
};

export type DecisionError =
  | { code: "unknown_kind" }
  | { code: "amount_not_positive" }
  | { code: "amount_not_whole_tiyn" }
  | { code: "amount_differs_from_calculation"; expectedTiyn: number }
  | { code: "period_invalid" }
  | { code: "period_reversed" }
  | { code: "period_crosses_quarter" }
  | { code: "period_before_application" }
  | { code: "assignment_contradicts_commission" }
  | { code: "assignment_above_poverty_line" }
  | { code: "no_grounds" }
  | { code: "unknown_ground"; ground: string }
  | { code: "duplicate_ground"; ground: RefusalGroundCode }
  | { code: "commission_ground_missing" }
  | { code: "not_low_income_contradicts_calculation" };

export type DecisionValidation = { ok: true } | { ok: false; errors: DecisionError[] };

/** Every problem with a draft decision, so the error summary can list them all at once. */
export function validateDecision(decision: Decision, ctx: DecisionContext = {}): DecisionValidation {
  const errors =
    decision?.kind === "assignment"
      ? assignmentErrors(decision, ctx)
      : decision?.kind === "refusal"
        ? refusalErrors(decision, ctx)
        : [{ code: "unknown_kind" } as const];
  return errors.length ? { ok: false, errors } : { ok: true };
}

/** The usual period: from the month of application to the last month of its quarter. */
export function assignmentPeriod(applicationDate: IsoDate): { from: Month; to: Month } {
  if (!isIsoDate(applicationDate)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${applicationDate}"`);
  const year = applicationDate.slice(0, 4);
  const month = Number(applicationDate.slice(5, 7));
  const last = month + 2 - ((month - 1) % 3);
  return { from: applicationDate.slice(0, 7), to: `${year}-${String(last).padStart(2, "0")}` };
}

function assignmentErrors(d: AssignmentDecision, ctx: DecisionContext): DecisionError[] {
  const errors: DecisionError[] = [];
  if (!Number.isFinite(d.amountTiyn) || d.amountTiyn <= 0) errors.push({ code: "amount_not_positive" });
  else if (!Number.isSafeInteger(d.amountTiyn)) errors.push({ code: "amount_not_whole_tiyn" });
  else if (ctx.computedAmountTiyn !== undefined && d.amountTiyn !== ctx.computedAmountTiyn) {
    errors.push({ code: "amount_differs_from_calculation", expectedTiyn: ctx.computedAmountTiyn });
  }
  const from = parseMonth(d.period?.from);
  const to = parseMonth(d.period?.to);
  if (!from || !to) errors.push({ code: "period_invalid" });
  else if (to.index < from.index) errors.push({ code: "period_reversed" });
  else if (quarterIndex(from) !== quarterIndex(to)) errors.push({ code: "period_crosses_quarter" });
  if (from && ctx.applicationDate && isIsoDate(ctx.applicationDate) && d.period.from < ctx.applicationDate.slice(0, 7)) {
    errors.push({ code: "period_before_application" });
  }
  if (ctx.commissionConclusion === "not_needy") errors.push({ code: "assignment_contradicts_commission" });
  if (ctx.lowIncome === false) errors.push({ code: "assignment_above_poverty_line" });
  return errors;
}

function refusalErrors(d: RefusalDecision, ctx: DecisionContext): DecisionError[] {
  const errors: DecisionError[] = [];
  const grounds: readonly string[] = Array.isArray(d.grounds) ? d.grounds : [];
  if (grounds.length === 0) errors.push({ code: "no_grounds" });
  const seen = new Set<string>();
  for (const g of grounds) {
    if (!isRefusalGroundCode(g)) errors.push({ code: "unknown_ground", ground: String(g) });
    else if (seen.has(g)) errors.push({ code: "duplicate_ground", ground: g });
    seen.add(g);
  }
  // The conclusion of the commission is itself a ground (item 9.5): the notice must cite it.
  if (ctx.commissionConclusion === "not_needy" && !seen.has("commission_found_no_need")) {
    errors.push({ code: "commission_ground_missing" });
  }
  // Only a positive amount contradicts item 9.1: a family exactly at the line is owed nothing, and
  // refusing on 9.1 is then the only way to close the case (no ground fits better).
  if ((ctx.computedAmountTiyn ?? 0) > 0 && seen.has("not_low_income")) {
    errors.push({ code: "not_low_income_contradicts_calculation" });
  }
  return errors;
}

function parseMonth(value: unknown): { year: number; month: number; index: number } | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year, month, index: year * 12 + month - 1 };
}

function quarterIndex(m: { year: number; month: number }): number {
  return m.year * 4 + Math.floor((m.month - 1) / 3);
}
