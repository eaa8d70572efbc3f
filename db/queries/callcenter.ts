/** Verbs for the 1414 console: the one-round-trip look-up, the look-up log and the data-access log. */
import { and, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";
import type { OfferRow } from "../../app/callcenter/summary";
import {
  applicationMembers, callcenterLookups, dataAccessLog, staffAccounts,
  type CallcenterLookup, type DataAccessEntry, type StaffRole,
} from "../schema";

export type LookupQuery = { kind: "iin"; iin: string } | { kind: "registration_number"; registrationNumber: string };

export type FoundForCall = {
  subjectIin: string;
  person: {
    firstRu: string | null; patronymicRu: string | null; lastRu: string | null;
    firstKk: string | null; patronymicKk: string | null; lastKk: string | null;
  } | null;
  applications: {
    registrationNumber: string | null;
    status: string;
    channel: string;
    applicationDate: string | null;
    dueDate: string | null;
    accountTail: string | null;
    service: string;
    /** Local assistance (issue 14): the district, act and category the case was filed under. */
    local: { districtKato: string; actNumber: string; categoryCode: string } | null;
  }[];
  offers: OfferRow[];
};

/**
 * Everything the console shows about one person, in one statement (one round trip): the person is
 * found by IIN, through a registration number or through a list decision's number (issue 14); then their applications, their proactive offers with
 * the delivery status of each offer SMS, and their name's first letters. Only the columns the agent
 * may see leave the database — first letters of names, last four characters of accounts — never
 * drafts, incomes, addresses or family members. Null when the query matches no one.
 */
export async function findForCall(db: Tx, query: LookupQuery): Promise<FoundForCall | null> {
  const [row] = await db
    .select({
      subjectIin: sql<string>`s.iin`,
      person: sql<unknown>`(SELECT json_build_object(
          'firstRu', left(p.first_name_ru, 1), 'patronymicRu', left(p.patronymic_ru, 1), 'lastRu', left(p.last_name_ru, 1),
          'firstKk', left(p.first_name_kk, 1), 'patronymicKk', left(p.patronymic_kk, 1), 'lastKk', left(p.last_name_kk, 1))
        FROM registry.persons p WHERE p.iin = s.iin)`,
      applications: sql<unknown>`coalesce((SELECT json_agg(json_build_object(
          'registrationNumber', a.registration_number,
          'status', a.status,
          'channel', a.channel,
          'applicationDate', a.application_date,
          'dueDate', a.due_date,
          'accountTail', right(a.draft -> 'payment' ->> 'iban', 4),
          'service', a.service,
          'local', CASE WHEN lc.application_id IS NULL THEN NULL
                   ELSE json_build_object('districtKato', lc.district_kato, 'actNumber', lc.act_number, 'categoryCode', lc.category_code) END
        ) ORDER BY a.created_at DESC)
        FROM applications a LEFT JOIN local_cases lc ON lc.application_id = a.id
        WHERE a.applicant_iin = s.iin), '[]'::json)`,
      offers: sql<unknown>`coalesce((SELECT json_agg(json_build_object(
          'sentAt', o.sent_at,
          'stage', o.stage,
          'expiresAt', o.expires_at,
          'declinedAt', o.state ->> 'declinedAt',
          'consentAt', o.state ->> 'consentAt',
          'declineRevocableHours', (o.state -> 'policy' ->> 'declineRevocableHours')::numeric,
          'delivery', d.status,
          'registrationNumber', coalesce(oa.registration_number, o.state -> 'registration' ->> 'number'),
          'accountTail', CASE o.state -> 'payment' ->> 'kind'
              WHEN 'account_on_file' THEN o.state -> 'payment' ->> 'last4'
              WHEN 'iban' THEN right(o.state -> 'payment' ->> 'iban', 4)
              WHEN 'organisation' THEN NULL
              ELSE o.state ->> 'accountLast4' END
        ) ORDER BY o.sent_at DESC)
        FROM proactive_offers o
        LEFT JOIN applications oa ON oa.id = o.application_id
        LEFT JOIN LATERAL (
          SELECT m.status FROM sms_messages m
          WHERE m.offer_id = o.id AND m.direction = 'out' AND m.purpose = 'offer'
          ORDER BY m.id DESC LIMIT 1
        ) d ON true
        WHERE o.recipient_iin = s.iin), '[]'::json)`,
    })
    .from(sql`(
      SELECT iin FROM (
        SELECT ${sql.placeholder("iin")}::char(12) AS iin WHERE ${sql.placeholder("iin")}::text IS NOT NULL
        UNION ALL
        SELECT applicant_iin FROM applications WHERE registration_number = ${sql.placeholder("number")}::text
        UNION ALL
        SELECT iin FROM local_decisions WHERE number = ${sql.placeholder("number")}::text
      ) found LIMIT 1
    ) s`)
    // Prepared, so PostgreSQL plans this statement once per connection rather than on every call.
    .prepare("callcenter_find_for_call")
    .execute({
      iin: query.kind === "iin" ? query.iin : null,
      number: query.kind === "registration_number" ? query.registrationNumber : null,
    });
  if (!row) return null;
  return {
    subjectIin: row.subjectIin.trim(),
    person: json(row.person) as FoundForCall["person"],
    applications: json(row.applications) as FoundForCall["applications"],
    offers: json(row.offers) as FoundForCall["offers"],
  };
}


/** A holiday or by-list decision as 1414 tells it: number, dates, amounts per category, and where its names are. */
export type GrantForCall = {
  number: string;
  decidedOn: string;
  paymentDate: string;
  totalTenge: number;
  kind: "holiday" | "needs";
  subject: string;
  actId: string;
  lines: { code: string; amount: number }[];
};

/** The person's decisions of approved lists (issue 14, ADR 017), newest first, or the one numbered; never anyone else's line. */
export async function grantsForCall(db: Tx, iin: string, onlyNumber: string | null = null): Promise<GrantForCall[]> {
  const result = await db.execute(sql`
    SELECT d.number, d.decided_on::text AS "decidedOn", d.payment_date::text AS "paymentDate", d.total_tenge AS "totalTenge",
           l.kind, l.subject, l.act_id AS "actId",
           (SELECT json_agg(json_build_object('code', g.category_code, 'amount', g.amount_tenge) ORDER BY g.category_code)
              FROM local_grants g WHERE g.decision_id = d.id) AS lines
    FROM local_decisions d JOIN local_lists l ON l.id = d.list_id
    WHERE d.iin = ${iin} AND (${onlyNumber}::text IS NULL OR d.number = ${onlyNumber}::text)
    ORDER BY d.decided_on DESC, d.id DESC
    LIMIT 20`);
  return rowsOf<GrantForCall>(result).map((g) => ({ ...g, totalTenge: Number(g.totalTenge), lines: (json(g.lines) as GrantForCall["lines"]) ?? [] }));
}

const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);

/**
 * Serialises one agent's look-ups until the caller's transaction ends, so two simultaneous requests
 * cannot both slip under the per-minute limit.
 */
export async function lockAgentLookups(db: Tx, agentId: number) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('callcenter_lookups'), ${agentId}::int)`);
}

/**
 * Look-ups that answered in the window, and the oldest of them (when it leaves the window a new
 * look-up is allowed). Refusals do not count, or a refused agent could never get back in.
 */
export async function answeredLookupsBetween(db: Tx, agentId: number, since: Date, until: Date): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${callcenterLookups.at})` })
    .from(callcenterLookups)
    .where(
      and(
        eq(callcenterLookups.agentId, sql.placeholder("agentId")),
        gte(callcenterLookups.at, sql.placeholder("since")),
        lte(callcenterLookups.at, sql.placeholder("until")),
        sql`${callcenterLookups.outcome} <> 'rate_limited'`,
      ),
    )
    .prepare("callcenter_answered_lookups")
    .execute({ agentId, since: since.toISOString(), until: until.toISOString() });
  return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest) : null };
}

export async function insertLookup(db: Tx, row: typeof callcenterLookups.$inferInsert): Promise<number> {
  const [inserted] = await db.insert(callcenterLookups).values(row).returning({ id: callcenterLookups.id });
  return inserted.id;
}

/**
 * A look-up that answered, and — when it resolved to a person — the matching row of that person's
 * data-access log, in one statement: the hot path of the console saves a round trip.
 */
export async function recordAnsweredLookup(
  db: Tx,
  row: Omit<typeof callcenterLookups.$inferInsert, "id" | "outcome" | "shown"> & { outcome: "found" | "not_found"; shown: unknown },
  actorRole: StaffRole,
): Promise<number> {
  const at = row.at.toISOString();
  const result = await db.execute(sql`
    WITH lookup AS (
      INSERT INTO callcenter_lookups (agent_id, at, call_reference, query_kind, query, subject_iin, language, outcome, shown)
      VALUES (${row.agentId}, ${at}::timestamptz, ${row.callReference}, ${row.queryKind}, ${row.query}, ${row.subjectIin ?? null}::char(12),
              ${row.language}, ${row.outcome}, ${JSON.stringify(row.shown)}::jsonb)
      RETURNING id
    ), access AS (
      INSERT INTO data_access_log (subject_iin, at, actor_role, actor_id, purpose, reference, shown)
      SELECT ${row.subjectIin ?? null}::char(12), ${at}::timestamptz, ${actorRole}::staff_role, ${row.agentId}, 'callcenter_lookup',
             ${row.callReference.slice(0, 64)}, jsonb_build_object('lookupId', lookup.id)
      FROM lookup WHERE ${row.subjectIin ?? null}::text IS NOT NULL
    )
    SELECT id FROM lookup
  `);
  return Number(rowsOf<{ id: number | string }>(result)[0].id);
}

export async function findLookupOfAgent(db: Tx, id: number, agentId: number): Promise<CallcenterLookup | null> {
  const [row] = await db
    .select()
    .from(callcenterLookups)
    .where(and(eq(callcenterLookups.id, id), eq(callcenterLookups.agentId, agentId)));
  return row ?? null;
}

export type LookupFilter = { agentId?: number; agentLogin?: string; from?: Date; to?: Date; beforeId?: number; limit: number };

export type LookupWithAgent = CallcenterLookup & { agentLogin: string; agentRole: StaffRole };

/** Newest first; `beforeId` pages back. */
export async function listLookups(db: Tx, filter: LookupFilter): Promise<LookupWithAgent[]> {
  const where: SQL[] = [];
  if (filter.agentId !== undefined) where.push(eq(callcenterLookups.agentId, filter.agentId));
  if (filter.agentLogin) where.push(eq(staffAccounts.login, filter.agentLogin));
  if (filter.from) where.push(gte(callcenterLookups.at, filter.from));
  if (filter.to) where.push(lt(callcenterLookups.at, filter.to));
  if (filter.beforeId !== undefined) where.push(lt(callcenterLookups.id, filter.beforeId));
  const rows = await db
    .select({ lookup: callcenterLookups, agentLogin: staffAccounts.login, agentRole: staffAccounts.role })
    .from(callcenterLookups)
    .innerJoin(staffAccounts, eq(staffAccounts.id, callcenterLookups.agentId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(callcenterLookups.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r.lookup, agentLogin: r.agentLogin, agentRole: r.agentRole }));
}

export async function insertAccess(db: Tx, rows: (typeof dataAccessLog.$inferInsert)[]) {
  if (rows.length) await db.insert(dataAccessLog).values(rows);
}

/** A person's "who looked at my data", newest first. The actor's id stays in the database. */
export async function listAccessOf(db: Tx, subjectIin: string, limit: number): Promise<Omit<DataAccessEntry, "actorId" | "actorIin" | "shown">[]> {
  return db
    .select({
      id: dataAccessLog.id,
      subjectIin: dataAccessLog.subjectIin,
      at: dataAccessLog.at,
      actorRole: dataAccessLog.actorRole,
      purpose: dataAccessLog.purpose,
      reference: dataAccessLog.reference,
    })
    .from(dataAccessLog)
    .where(eq(dataAccessLog.subjectIin, subjectIin))
    .orderBy(desc(dataAccessLog.at), desc(dataAccessLog.id))
    .limit(limit);
}

/** Everyone whose data a case page shows: the applicant and the family members of the application. */
export async function caseSubjects(db: Tx, applicationId: string, applicantIin: string): Promise<string[]> {
  const members = await db.select({ iin: applicationMembers.iin }).from(applicationMembers).where(eq(applicationMembers.applicationId, applicationId));
  return [...new Set([applicantIin, ...members.map((m) => m.iin)])];
}

/**
 * Demo and test data only: generated household heads (not `exclude`, typically the demo people, whose
 * scenarios other tests play) with a current registration and at least one other member, in no
 * Komek case and never offered; `withPhone` asks for a verified mobile number as well.
 */
export async function lookupDemoCandidates(db: Tx, options: { exclude: readonly string[]; withPhone: boolean; limit: number }): Promise<string[]> {
  const exclude = options.exclude.length ? options.exclude : ["000000000000"];
  const result = await db.execute(sql`
    SELECT p.iin FROM registry.persons p
    WHERE p.household_role = 'head' AND p.death_date IS NULL
      AND p.iin NOT IN (${sql.join(exclude.map((i) => sql`${i}`), sql`, `)})
      AND EXISTS (SELECT 1 FROM registry.registrations r WHERE r.iin = p.iin AND r.valid_to IS NULL)
      AND EXISTS (SELECT 1 FROM registry.persons m WHERE m.household_id = p.household_id AND m.iin <> p.iin)
      AND NOT EXISTS (SELECT 1 FROM registry.persons m JOIN active_case_members c ON c.iin = m.iin WHERE m.household_id = p.household_id)
      AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.applicant_iin = p.iin)
      AND NOT EXISTS (SELECT 1 FROM proactive_offers o WHERE o.household_id = p.household_id)
      AND (${!options.withPhone}::boolean OR EXISTS (SELECT 1 FROM registry.mobile_numbers n WHERE n.iin = p.iin))
    ORDER BY p.iin
    LIMIT ${options.limit}
  `);
  return rowsOf<{ iin: string }>(result).map((r) => r.iin.trim());
}
