/**
 * The decision on a local-assistance case (issue 14, ADR 022; seed 003 clauses 9 and 12): an
 * assignment of the special commission's amount, or a refusal on the act's clause 12 grounds. Pure:
 * the caller gives the category, the act's grounds, what the income step found (valued at the
 * decision date), what the registry and Komek's own cases say about ground 4, and the parameters.
 */
import type { Category, RefusalGround } from "./rule-set";
import { checkCommissionAmount, ValuationError, type ValuationParameters } from "./amounts";

export type LocalDecisionInput = { kind: "assignment" } | { kind: "refusal"; grounds: readonly string[] };

export type LocalDecisionFacts = {
  category: Pick<Category, "code" | "amount" | "incomeThreshold" | "periodicity">;
  refusalGrounds: readonly Pick<RefusalGround, "code" | "item" | "check" | "notForCategories">[];
  /** The day of the decision (the valuation date, ADR 014). */
  decidedOn: string;
  /** МРП / ПМ of the decision year; null when the yearly parameters lack it. */
  params: ValuationParameters | null;
  /** Per-capita income in tenge from the income step, or null when the case has none. */
  perCapitaIncome: number | null;
  /** Whether the case's steps include the income (the category has a threshold). */
  incomeNeeded: boolean;
  /** The registration number of an earlier case or record on this ground (clause 12 sub-item 4), or null. */
  earlierOnThisGround: string | null;
  /** The special commission's amount in whole tenge, or null before its conclusion. */
  commissionTenge: number | null;
};

export type LocalDecisionError =
  | "no_parameters"
  | "income_missing"
  | "commission_missing"
  | "commission_outside_limit"
  | "income_above_threshold"
  | "already_assigned"
  | "no_grounds"
  | "unknown_ground"
  | "ground_not_for_category"
  | "ground_not_established";

export type LocalDecision =
  | { kind: "assignment"; amountTiyn: number; period: { from: string; to: string } }
  | { kind: "refusal"; grounds: string[] };

/** Whether a clause 12 ground can apply to the category at all (ground 3 needs an income threshold). */
export function groundAppliesTo(ground: Pick<RefusalGround, "check" | "notForCategories">, category: Pick<Category, "code" | "incomeThreshold">): boolean {
  if ((ground.notForCategories ?? []).includes(category.code)) return false;
  if (ground.check === "income_threshold") return category.incomeThreshold !== null;
  return true;
}

/** Income above the category's threshold (value × ПМ of the decision year): true, false, or null when not known. */
export function incomeAboveThreshold(facts: Pick<LocalDecisionFacts, "category" | "params" | "perCapitaIncome">): boolean | null {
  const t = facts.category.incomeThreshold;
  if (!t || facts.perCapitaIncome === null || !facts.params) return null;
  return facts.perCapitaIncome > t.value * facts.params.subsistenceMinimum;
}

/** The grounds the facts establish, proposed to the specialist: ground 3 when income is above, ground 4 when an earlier case exists. */
export function proposedGrounds(facts: LocalDecisionFacts): string[] {
  return facts.refusalGrounds
    .filter((g) => groundAppliesTo(g, facts.category))
    .filter((g) => (g.check === "income_threshold" && incomeAboveThreshold(facts) === true) || (g.check === "prior_assistance" && facts.earlierOnThisGround !== null))
    .map((g) => g.code);
}

/**
 * The months an assignment covers ('YYYY-MM'): a monthly category (8.3.4, "ежемесячно", at the ПМ
 * "set for the corresponding financial year") from the decision month to December of that year; every
 * other category — one-off, and the periodic ones paid once per period (quarterly, half-yearly,
 * yearly, per heating season) — one payment in the month of the decision.
 */
export function localAssignmentPeriod(category: Pick<Category, "periodicity">, decidedOn: string): { from: string; to: string } {
  const month = decidedOn.slice(0, 7);
  return category.periodicity === "monthly" ? { from: month, to: `${decidedOn.slice(0, 4)}-12` } : { from: month, to: month };
}

export function validateLocalDecision(input: LocalDecisionInput, facts: LocalDecisionFacts): { ok: true; decision: LocalDecision } | { ok: false; errors: LocalDecisionError[] } {
  if (!facts.params) return { ok: false, errors: ["no_parameters"] };
  const above = incomeAboveThreshold(facts);
  if (input.kind === "assignment") {
    const errors: LocalDecisionError[] = [];
    if (facts.incomeNeeded && facts.perCapitaIncome === null) errors.push("income_missing");
    if (above === true) errors.push("income_above_threshold");
    if (facts.earlierOnThisGround !== null) errors.push("already_assigned");
    let tenge: number | null = null;
    if (facts.commissionTenge === null) errors.push("commission_missing");
    else {
      try {
        const check = checkCommissionAmount(facts.category, facts.commissionTenge, facts.params);
        if (check.ok) tenge = check.tenge;
        else errors.push("commission_outside_limit");
      } catch (e) {
        // A PERCENT amount's base (the guaranteed sum, the fee) is in the documents: the commission checked it.
        if (!(e instanceof ValuationError)) throw e;
        if (Number.isInteger(facts.commissionTenge) && facts.commissionTenge > 0) tenge = facts.commissionTenge;
        else errors.push("commission_outside_limit");
      }
    }
    if (errors.length || tenge === null) return { ok: false, errors };
    return { ok: true, decision: { kind: "assignment", amountTiyn: tenge * 100, period: localAssignmentPeriod(facts.category, facts.decidedOn) } };
  }
  const grounds = [...new Set(input.grounds)];
  if (!grounds.length) return { ok: false, errors: ["no_grounds"] };
  const errors = new Set<LocalDecisionError>();
  for (const code of grounds) {
    const ground = facts.refusalGrounds.find((g) => g.code === code);
    if (!ground) errors.add("unknown_ground");
    else if (!groundAppliesTo(ground, facts.category)) errors.add("ground_not_for_category");
    // Grounds 3 and 4 rest on facts Komek holds: cited only when they are established.
    else if (ground.check === "income_threshold" && above !== true) errors.add("ground_not_established");
    else if (ground.check === "prior_assistance" && facts.earlierOnThisGround === null) errors.add("ground_not_established");
  }
  if (errors.size) return { ok: false, errors: [...errors] };
  // In the act's order, as the notice lists them.
  const ordered = facts.refusalGrounds.filter((g) => grounds.includes(g.code)).map((g) => g.code);
  return { ok: true, decision: { kind: "refusal", grounds: ordered } };
}
