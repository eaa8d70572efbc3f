/**
 * Which clause 14 grounds a case's payments may be stopped on (ADR 023). A service definition that
 * lists its own termination grounds (local assistance: the five of clause 14, each with its effect)
 * offers those, by their item number; one that lists none (ASP) offers the five of clause 14. The
 * district act of a local case may exempt categories from a ground (Nura's act: placement in an
 * institution does not stop 8.1–8.2); those are left out. The stop date is `calendar.terminationStart`,
 * which must agree with the definition's `effectiveFrom` — a definition that says otherwise is refused
 * here rather than paid by a different rule.
 */
import { TERMINATION_GROUNDS, type TerminationGround } from "./calendar";

export type DefinedGround = { item: number; effectiveFrom?: "next_month" | "event_date" };
export type ActGround = { item: number; notForCategories?: string[] };

export function terminationGroundsFor(defined: readonly DefinedGround[], act: readonly ActGround[] = [], categoryCode: string | null = null): TerminationGround[] {
  const items = defined.length === 0 ? TERMINATION_GROUNDS.map((_, i) => i + 1) : defined.map((g) => g.item);
  for (const g of defined) {
    const expected = g.item <= 3 ? "next_month" : "event_date";
    if (g.item < 1 || g.item > TERMINATION_GROUNDS.length) throw new RangeError(`termination ground item ${g.item} is not one of clause 14's`);
    if (g.effectiveFrom && g.effectiveFrom !== expected) throw new RangeError(`termination ground item ${g.item}: clause 14 stops it from ${expected}, not ${g.effectiveFrom}`);
  }
  const exempt = new Set(act.filter((g) => categoryCode !== null && (g.notForCategories ?? []).includes(categoryCode)).map((g) => g.item));
  return [...new Set(items)].sort((a, b) => a - b).filter((i) => !exempt.has(i)).map((i) => TERMINATION_GROUNDS[i - 1]);
}
