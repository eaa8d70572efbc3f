/**
 * Evaluates a category's eligibility (rule-set.ts Condition) for one person from their registry facts
 * on a day — the same conditions the list generator (issue 14b) turns into set-based SQL.
 */
import type { Condition } from "./rule-set";

export type Fact = { kind: string; value: string | null };

/** Whole years of age on `day` (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function satisfies(condition: Condition | null, person: { facts: readonly Fact[]; birthDate: string }, day: string): boolean {
  if (condition === null) return true;
  if ("fact" in condition) {
    return person.facts.some((f) => f.kind === condition.fact && (!condition.in || (f.value !== null && condition.in.includes(f.value))));
  }
  if ("age" in condition) {
    const age = ageOn(person.birthDate, day);
    return (condition.age.min === undefined || age >= condition.age.min) && (condition.age.max === undefined || age <= condition.age.max);
  }
  if ("all" in condition) return condition.all.every((c) => satisfies(c, person, day));
  if ("any" in condition) return condition.any.some((c) => satisfies(c, person, day));
  return !satisfies(condition.not, person, day);
}

/**
 * Seed 001 clause 2 sub-item 3: the portal takes applications from people with disabilities and
 * people with socially significant diseases; others apply at the district office or the village akim.
 */
export const PORTAL_APPLICANTS: Condition = { any: [{ fact: "disability_group" }, { fact: "socially_significant_disease" }] };
