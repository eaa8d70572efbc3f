/**
 * The SQL twin of app/domain/prior-assistance.ts (ADR 012): the people who have prior assistance of a
 * service on a day. The proactive scan joins it; the parity test compares it with the TypeScript rule.
 */
import { sql, type SQL } from "drizzle-orm";

/** Where each registry source lives. */
const SOURCES = { registry_asp_records: sql`registry.asp_records` } as const;

export type PriorSource = keyof typeof SOURCES | null;

/** The predicate of priorRecordInForce over a registry row aliased `alias`. */
export function priorRecordInForceSql(alias: string, day: string): SQL {
  return sql`(${sql.raw(alias)}.period_to is null or ${sql.raw(alias)}.period_to >= ${day}::date)`;
}

/** `select iin …`: every person with prior assistance of `service` on `day` (duplicates possible). */
export function personsWithPriorAssistanceSql(service: string, source: PriorSource, day: string): SQL {
  const registry = source
    ? sql`select r.iin from ${SOURCES[source]} r where ${priorRecordInForceSql("r", day)} union all `
    : sql``;
  return sql`${registry}select c.iin from active_case_members c where c.service = ${service}`;
}
