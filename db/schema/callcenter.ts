/**
 * Accountability for looking at people's data: the 1414 look-up log (who, when, for which call,
 * what was asked and what was shown) and the general data-access log behind the citizen's "who
 * looked at my data" page. Both are append-only: a trigger (migration *_callcenter_append_only)
 * refuses UPDATE and DELETE, so a record cannot be quietly edited away.
 */
import { sql } from "drizzle-orm";
import { pgTable, bigserial, bigint, char, varchar, jsonb, timestamp, index, check } from "drizzle-orm/pg-core";
import { staffAccounts, staffRoleEnum } from "./accounts";

export const callcenterLookups = pgTable(
  "callcenter_lookups",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agentId: bigint("agent_id", { mode: "number" }).notNull().references(() => staffAccounts.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** The telephony system's reference of the call the look-up answered. */
    callReference: varchar("call_reference", { length: 40 }).notNull(),
    queryKind: varchar("query_kind", { length: 20 }).notNull(),
    /** The IIN or registration number as the agent entered it (normalised). */
    query: varchar("query", { length: 20 }).notNull(),
    /** The person the query resolved to; null when nothing was found or the look-up was refused. */
    subjectIin: char("subject_iin", { length: 12 }),
    /** The language the answer was given in. */
    language: varchar("language", { length: 2 }).notNull(),
    outcome: varchar("outcome", { length: 20 }).notNull(),
    /** The summary the agent saw (app/callcenter/summary.ts ShownSummary); null when refused. */
    shown: jsonb("shown"),
  },
  (t) => [
    // The per-minute limit and the agent's own history both read one agent's latest rows.
    index("callcenter_lookups_agent_at_idx").on(t.agentId, t.at),
    index("callcenter_lookups_at_idx").on(t.at),
    check("callcenter_lookups_query_kind", sql`${t.queryKind} in ('iin', 'registration_number')`),
    check("callcenter_lookups_outcome", sql`${t.outcome} in ('found', 'not_found', 'rate_limited')`),
    check("callcenter_lookups_language", sql`${t.language} in ('ru', 'kk')`),
    check("callcenter_lookups_shown", sql`(${t.outcome} = 'rate_limited') = (${t.shown} is null)`),
  ],
);

/** Every time someone other than the person looked at their records: 1414 agents and staff alike. */
export const dataAccessLog = pgTable(
  "data_access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subjectIin: char("subject_iin", { length: 12 }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Staff: role and id. A citizen who included the person in their family: actorIin instead. */
    actorRole: staffRoleEnum("actor_role"),
    actorId: bigint("actor_id", { mode: "number" }).references(() => staffAccounts.id),
    actorIin: char("actor_iin", { length: 12 }),
    /** Why (app/audit/access.server.ts AccessPurpose): shown to the citizen in plain words. */
    purpose: varchar("purpose", { length: 40 }).notNull(),
    /** The call reference, registration number or case the access belonged to. */
    reference: varchar("reference", { length: 64 }),
    /** What was shown, when the caller can say it briefly. */
    shown: jsonb("shown"),
  },
  (t) => [
    index("data_access_log_subject_at_idx").on(t.subjectIin, t.at),
    check(
      "data_access_log_one_actor",
      sql`(${t.actorId} IS NOT NULL AND ${t.actorRole} IS NOT NULL AND ${t.actorIin} IS NULL) OR (${t.actorId} IS NULL AND ${t.actorRole} IS NULL AND ${t.actorIin} IS NOT NULL)`,
    ),
  ],
);

export type CallcenterLookup = typeof callcenterLookups.$inferSelect;
export type DataAccessEntry = typeof dataAccessLog.$inferSelect;
