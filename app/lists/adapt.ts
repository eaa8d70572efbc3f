/**
 * The district act (app/services/local/rule-set.ts) as list generation reads it: the by-list
 * categories with a registry condition, their names, and what a percentage is of. Pure.
 */
import type { RuleSet } from "../services/local/rule-set";
import type { ListRules } from "./rules";

const dmy = (iso: string) => iso.split("-").reverse().join(".");

/**
 * A PERCENT amount's base as a registry fact: 8.7 "50 % of the parents' fees" reads the monthly fee
 * (person_facts kind 'preschool_fee', value in tenge) × 6 months of the half-year.
 */
const PERCENT_BASE: Record<string, { fact: string; times: number }> = {
  preschool_fee: { fact: "preschool_fee", times: 6 },
};

export function toListRules(rs: RuleSet): ListRules {
  const a = rs.act;
  return {
    act: {
      id: `${a.kato}-${a.decision.number}-${a.decision.date}`,
      kato: a.kato,
      titleRu: `решения № ${a.decision.number} от ${dmy(a.decision.date)} (${a.body.ru})`,
      titleKk: `${a.body.kk} ${dmy(a.decision.date)} № ${a.decision.number} шешімі`,
    },
    occasions: rs.occasions.map((o) => ({ date: o.date, nameRu: o.name.ru, nameKk: o.name.kk })),
    categories: rs.categories
      .filter((c) => c.byList && c.eligibility !== null && !c.amount.upTo && (c.amount.unit !== "PERCENT" || (c.amount.of && PERCENT_BASE[c.amount.of])))
      .map((c) => ({
        code: c.code,
        kind: c.kind,
        occasion: c.occasion,
        nameRu: c.name.ru,
        nameKk: c.name.kk,
        amount: { unit: c.amount.unit, value: c.amount.value, upTo: c.amount.upTo },
        byList: c.byList,
        periodicity: c.periodicity,
        eligibility: c.eligibility!,
        ...(c.amount.unit === "PERCENT" && c.amount.of ? { percentOf: PERCENT_BASE[c.amount.of] } : {}),
      })),
  };
}
