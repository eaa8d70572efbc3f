/**
 * Eligibility of a by-list category as a condition over registry facts (seed 003 clauses 7, 8.7,
 * 8.10, 17), compiled to ONE SQL predicate over `p` (registry.persons) for the reference day — so a
 * whole district's list of a category is one INSERT … SELECT (app/lists/lists.server.ts).
 *
 * Pure: no database here; the compiled fragment is a drizzle `sql` value with bound parameters.
 */
import { sql, type SQL } from "drizzle-orm";

/**
 * The rule set's condition (app/services/local/rule-set.ts): a registry.person_facts row of a kind
 * (and, with `in`, one of these values) valid on the day; whole years of age on the day, bounds
 * inclusive; all / any / not.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; in?: string[] }
  | { age: { min?: number; max?: number } };

/** The fact kinds a condition reads (what an entry's source facts are taken from). */
export function factKinds(c: Condition): string[] {
  if ("all" in c) return [...new Set(c.all.flatMap(factKinds))];
  if ("any" in c) return [...new Set(c.any.flatMap(factKinds))];
  if ("not" in c) return [];
  if ("fact" in c) return [c.fact];
  return [];
}

/** A fact row `f` valid on `day`. */
export const factValidOn = (day: string) => sql`f.valid_from <= ${day}::date AND (f.valid_to IS NULL OR f.valid_to >= ${day}::date)`;

/** The predicate over `p` (registry.persons) for the reference day. */
export function compileCondition(c: Condition, day: string): SQL {
  if ("all" in c) return c.all.length ? sql`(${sql.join(c.all.map((x) => compileCondition(x, day)), sql` AND `)})` : sql`TRUE`;
  if ("any" in c) return c.any.length ? sql`(${sql.join(c.any.map((x) => compileCondition(x, day)), sql` OR `)})` : sql`FALSE`;
  if ("not" in c) return sql`NOT ${compileCondition(c.not, day)}`;
  if ("fact" in c) {
    const values = c.in?.length ? sql` AND f.value IN (${sql.join(c.in.map((v) => sql`${v}`), sql`, `)})` : sql``;
    return sql`EXISTS (SELECT 1 FROM registry.person_facts f WHERE f.iin = p.iin AND f.kind = ${c.fact}${values} AND ${factValidOn(day)})`;
  }
  const parts: SQL[] = [];
  // Age ≥ min: born on or before day − min years. Age ≤ max: born after day − (max + 1) years.
  if (c.age.min !== undefined) parts.push(sql`p.birth_date <= (${day}::date - make_interval(years => ${c.age.min}::int))::date`);
  if (c.age.max !== undefined) parts.push(sql`p.birth_date > (${day}::date - make_interval(years => ${c.age.max + 1}::int))::date`);
  return parts.length ? sql`(${sql.join(parts, sql` AND `)})` : sql`TRUE`;
}

/** Plain-language check of a condition in tests and the review page: which kinds and ages it reads. */
export function describeCondition(c: Condition): string {
  if ("all" in c) return c.all.map(describeCondition).join(" и ");
  if ("any" in c) return `(${c.any.map(describeCondition).join(" или ")})`;
  if ("not" in c) return `не ${describeCondition(c.not)}`;
  if ("fact" in c) return c.in?.length ? `${c.fact}=${c.in.join("|")}` : c.fact;
  return `возраст ${c.age.min ?? 0}–${c.age.max ?? "∞"}`;
}
