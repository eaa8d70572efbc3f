/**
 * The decision on an ASP application: an assignment (amount and period) or a refusal (grounds of
 * Annex 12 item 9), and the checks a draft must pass before the head can sign it.
 *
 * The period of an assignment: whole months, not before the month of application. The rules in
 * force (seed 000) set no cap on its length; the one-quarter cap came from seed 004 (repealed in
 * 2013) and is gone (ADR 011). assignmentPeriod only suggests the usual period to the specialist.
 *
 * A family whose per-capita income equals the poverty line is low-income (ground 1 does not apply)
 * and owed nothing: the lawful outcome is an assignment of 0 ₸ (ADR 016), not a refusal.
 */
import { isIsoDate, type IsoDate } from "./kz-time";
import {
  groundWindowError,
  hasBar,
  isRefusalGroundCode,
  type ExemptionReason,
  type GroundEvents,
  type GroundWindowError,
  type RefusalGroundCode,
} from "./refusal";

/** 'YYYY-MM'. */
export type Month = string;

export type AssignmentDecision = { kind: "assignment"; amountTiyn: number; period: { from: Month; to: Month } };
export type RefusalDecision = { kind: "refusal"; grounds: readonly RefusalGroundCode[]; events?: GroundEvents };
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
  /** The day of the decision, for the six-month windows (with applicationDate). */
  decidedOn?: IsoDate;
  /** The case's members with their article 2 item 6 exemption, for ground 2. */
  members?: readonly { iin: string; exemption: ExemptionReason | null }[];
};

export type DecisionError =
  | { code: "unknown_kind" }
  | { code: "amount_not_positive" }
  | { code: "amount_not_whole_tiyn" }
  | { code: "amount_differs_from_calculation"; expectedTiyn: number }
  | { code: "period_invalid" }
  | { code: "period_reversed" }
  | { code: "period_before_application" }
  | { code: "assignment_contradicts_commission" }
  | { code: "assignment_above_poverty_line" }
  | { code: "no_grounds" }
  | { code: "unknown_ground"; ground: string }
  | { code: "duplicate_ground"; ground: RefusalGroundCode }
  | { code: "commission_ground_missing" }
  | { code: "not_low_income_contradicts_calculation" }
  | { code: "ground_event_missing"; ground: RefusalGroundCode }
  | { code: `ground_${GroundWindowError}`; ground: RefusalGroundCode }
  | { code: "ground_member_missing" }
  | { code: "ground_member_not_in_family" }
  | { code: "ground_member_exempt"; reason: ExemptionReason };

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
  // Zero only for a family at the line, which the calculation says is owed nothing (ADR 016).
  const zeroOwed = ctx.computedAmountTiyn === 0 && ctx.lowIncome !== false;
  if (!Number.isFinite(d.amountTiyn) || d.amountTiyn < 0 || (d.amountTiyn === 0 && !zeroOwed)) errors.push({ code: "amount_not_positive" });
  else if (!Number.isSafeInteger(d.amountTiyn)) errors.push({ code: "amount_not_whole_tiyn" });
  else if (ctx.computedAmountTiyn !== undefined && d.amountTiyn !== ctx.computedAmountTiyn) {
    errors.push({ code: "amount_differs_from_calculation", expectedTiyn: ctx.computedAmountTiyn });
  }
  const from = parseMonth(d.period?.from);
  const to = parseMonth(d.period?.to);
  if (!from || !to) errors.push({ code: "period_invalid" });
  else if (to.index < from.index) errors.push({ code: "period_reversed" });
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
  // A family at or below the line is low-income: item 9.1 is false for it, even when it is owed
  // nothing (exactly at the line: an assignment of 0 ₸, ADR 016).
  if ((ctx.lowIncome === true || (ctx.computedAmountTiyn ?? 0) > 0) && seen.has("not_low_income")) {
    errors.push({ code: "not_low_income_contradicts_calculation" });
  }
  // Grounds 2–4 bar only within six months of their own event.
  for (const g of seen) {
    if (!isRefusalGroundCode(g) || !hasBar(g)) continue;
    const event = d.events?.[g];
    if (!event?.date || !isIsoDate(event.date)) {
      errors.push({ code: "ground_event_missing", ground: g });
      continue;
    }
    if (ctx.applicationDate && ctx.decidedOn) {
      const window = groundWindowError(g, event.date, ctx.applicationDate, ctx.decidedOn);
      if (window) errors.push({ code: `ground_${window}`, ground: g });
    }
  }
  // Ground 2 rests on an able-bodied member who refused, never on one article 2 item 6 exempts.
  if (seen.has("refused_employment_measures")) {
    const iin = d.events?.refused_employment_measures?.memberIin;
    if (!iin) errors.push({ code: "ground_member_missing" });
    else if (ctx.members) {
      const member = ctx.members.find((m) => m.iin === iin);
      if (!member) errors.push({ code: "ground_member_not_in_family" });
      else if (member.exemption) errors.push({ code: "ground_member_exempt", reason: member.exemption });
    }
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
