/** Verbs over proactive offers: the set-based scan that creates them, and the dialogue's reads and writes. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";
import { OPEN_OFFER_STAGES, proactiveOffers, type ProactiveOffer } from "../schema";
import { personsWithPriorAssistanceSql, type PriorSource } from "./prior-assistance";


export type ScanInput = {
  /** The service offered and where the registry records its prior assistance (ADR 012). */
  service: string;
  priorSource: PriorSource;
  /** Kazakhstan date of the scan: registrations and prior-assistance records in force on it, adults by it. */
  today: string;
  /** First days of the first and the last month of the assessed quarter, and its label (2026-Q3). */
  quarterFrom: string;
  quarterTo: string;
  quarterLabel: string;
  /** Whose poverty line applies. */
  year: number;
  /** Only families whose settlement's KATO code starts with this ('' for the whole country). */
  katoPrefix: string;
  /** A family offered at or after this instant is not offered again. */
  cooldownSince: Date;
  dryRun: boolean;
  now: Date;
  remindAt: Date;
  expiresAt: Date;
  /** The machine's initial state and the offer text per language; `accountLast4` is filled per family. */
  initialState: { ru: unknown; kk: unknown };
  offerText: { ru: string; kk: string };
};

export type ScanSummary = { scanned: number; eligible: number; withoutPhone: number; alreadyOffered: number; offersCreated: number };

/**
 * One statement: families that meet the service's requirements on registry data (seed 000, clause 6), the
 * adult member to ask, and — unless a dry run — the offers and their queued SMS, all from set
 * operations, so a million persons are one pass over each table.
 *
 * - a family is the persons of one registry household, living;
 * - one settlement: some settlement every member is registered in (permanently or temporarily) today;
 * - income: the members' incomes over the quarter's three months ÷ 3 ÷ members, at or below the
 *   poverty line of `year` (the region's own line when it has one), compared in whole tenge × 3 × size;
 * - no prior assistance of the service for any member (the same rule as every other channel:
 *   db/queries/prior-assistance.ts, the twin of app/domain/prior-assistance.ts), nor a live Komek case;
 * - recipient: the adult (18+) with a verified mobile number who has not opted out — the head first;
 * - not offered within the cooldown and no open offer (the partial unique index decides races).
 */
export async function scanAndCreateOffers(db: Tx, input: ScanInput): Promise<ScanSummary> {
  const adultBorn = addYears(input.today, -18);
  const result = await db.execute(sql`
    with
    members as materialized (
      select p.household_id, p.iin, p.birth_date, p.household_role, p.preferred_language::text as language
      from registry.persons p
      where p.household_id is not null and p.death_date is null
    ),
    sizes as (
      select household_id, count(*)::int as size from members group by household_id
    ),
    member_settlements as materialized (
      select distinct m.household_id, m.iin, coalesce(k.settlement_code, r.kato_code) as settlement
      from members m
      join registry.registrations r on r.iin = m.iin
        and r.valid_from <= ${input.today}::date and (r.valid_to is null or r.valid_to >= ${input.today}::date)
      join registry.kato k on k.code = r.kato_code
    ),
    scope as (
      select distinct household_id from member_settlements where settlement like ${input.katoPrefix + "%"}
    ),
    settled as (
      select s.household_id, s.size, min(ms.settlement) as settlement
      from sizes s
      join (select household_id, settlement, count(*)::int as n from member_settlements group by household_id, settlement) ms
        on ms.household_id = s.household_id and ms.n = s.size
      where ms.settlement like ${input.katoPrefix + "%"}
      group by s.household_id, s.size
    ),
    income as (
      select m.household_id, sum(i.amount)::bigint as total
      from members m
      join registry.incomes i on i.iin = m.iin and i.month between ${input.quarterFrom}::date and ${input.quarterTo}::date
      where m.household_id in (select household_id from settled)
      group by m.household_id
    ),
    prior as (
      select distinct m.household_id from members m
      join (${personsWithPriorAssistanceSql(input.service, input.priorSource, input.today)}) x on x.iin = m.iin
    ),
    eligible as materialized (
      select s.household_id, s.size, s.settlement, coalesce(inc.total, 0) as total,
             coalesce(regional.poverty_line, national.poverty_line) as poverty_line
      from settled s
      left join income inc on inc.household_id = s.household_id
      join yearly_parameters national on national.year = ${input.year}::int and national.region_kato = '000000000'
      left join yearly_parameters regional on regional.year = ${input.year}::int and regional.region_kato = left(s.settlement, 2) || '0000000'
      where coalesce(inc.total, 0) <= coalesce(regional.poverty_line, national.poverty_line)::bigint * 3 * s.size
        and not exists (select 1 from prior h where h.household_id = s.household_id)
    ),
    recipients as materialized (
      select distinct on (m.household_id) m.household_id, m.iin, mn.phone, m.language
      from eligible e
      join members m on m.household_id = e.household_id
      join registry.mobile_numbers mn on mn.iin = m.iin
      where m.birth_date <= ${adultBorn}::date
        and not exists (select 1 from sms_opt_outs o where o.phone = mn.phone)
      order by m.household_id,
        case m.household_role when 'head' then 0 when 'spouse' then 1 when 'parent' then 2 else 3 end, m.birth_date, m.iin
    ),
    offered as (
      select distinct o.household_id from proactive_offers o
      where o.service = ${input.service} and o.household_id in (select household_id from recipients)
        and (o.created_at >= ${input.cooldownSince.toISOString()}::timestamptz or o.stage in ('offered', 'awaiting_payment', 'awaiting_iban', 'awaiting_bank'))
    ),
    candidates as (
      select r.household_id, r.iin, r.phone, case when r.language = 'kk' then 'kk' else 'ru' end as language,
             e.settlement, e.poverty_line, (e.total / 3 / e.size)::int as per_capita,
             (select right(b.iban, 4) from registry.bank_accounts b
               where b.iin = r.iin and b.closed_at is null order by b.opened_at desc, b.id desc limit 1) as last4
      from recipients r
      join eligible e on e.household_id = r.household_id
      where not exists (select 1 from offered o where o.household_id = r.household_id)
    ),
    created as (
      insert into proactive_offers (service, household_id, recipient_iin, phone, language, kato_code, per_capita_income, poverty_line,
        income_quarter, stage, state, sent_at, remind_at, expires_at, created_at, updated_at)
      select ${input.service}, c.household_id, c.iin, c.phone, c.language, c.settlement, c.per_capita, c.poverty_line, ${input.quarterLabel}, 'offered',
        jsonb_set(case when c.language = 'kk' then ${JSON.stringify(input.initialState.kk)}::jsonb else ${JSON.stringify(input.initialState.ru)}::jsonb end,
          '{accountLast4}', coalesce(to_jsonb(c.last4), 'null'::jsonb)),
        ${input.now.toISOString()}::timestamptz, ${input.remindAt.toISOString()}::timestamptz, ${input.expiresAt.toISOString()}::timestamptz, ${input.now.toISOString()}::timestamptz, ${input.now.toISOString()}::timestamptz
      from candidates c
      where not ${input.dryRun}::boolean
      order by c.household_id
      on conflict do nothing
      returning id, recipient_iin, phone, language
    ),
    queued as (
      insert into sms_messages (direction, phone, iin, language, body, purpose, status, offer_id, created_at, updated_at)
      select 'out', c.phone, c.recipient_iin, c.language,
        case when c.language = 'kk' then ${input.offerText.kk} else ${input.offerText.ru} end,
        'offer', 'queued', c.id, ${input.now.toISOString()}::timestamptz, ${input.now.toISOString()}::timestamptz
      from created c
      returning 1
    )
    select
      (select count(*) from scope)::int as scanned,
      (select count(*) from eligible)::int as eligible,
      ((select count(*) from eligible) - (select count(*) from recipients))::int as "withoutPhone",
      (select count(*) from offered)::int as "alreadyOffered",
      (select count(*) from queued)::int as "offersCreated"
  `);
  const [row] = rowsOf<ScanSummary>(result);
  return {
    scanned: Number(row.scanned),
    eligible: Number(row.eligible),
    withoutPhone: Number(row.withoutPhone),
    alreadyOffered: Number(row.alreadyOffered),
    offersCreated: Number(row.offersCreated),
  };
}

function addYears(isoDate: string, years: number) {
  const y = Number(isoDate.slice(0, 4)) + years;
  // 29 February becomes 28 February in a non-leap year: a person born on 29.02 is adult on 1 March.
  const md = isoDate.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === "02-29" && !leap ? "02-28" : md}`;
}

const isOpen = inArray(proactiveOffers.stage, [...OPEN_OFFER_STAGES]);

/** The number's latest offer, locked until the transaction ends, so replies to it are applied one at a time. */
export async function lockLatestOfferForPhone(db: Tx, phone: string): Promise<ProactiveOffer | null> {
  const [row] = await db.select().from(proactiveOffers).where(eq(proactiveOffers.phone, phone)).orderBy(desc(proactiveOffers.id)).limit(1).for("update");
  return row ?? null;
}

/** The citizen's latest offer (they are its recipient), if any. */
export async function latestOfferOfCitizen(db: Tx, iin: string): Promise<ProactiveOffer | null> {
  const [row] = await db.select().from(proactiveOffers).where(eq(proactiveOffers.recipientIin, iin)).orderBy(desc(proactiveOffers.id)).limit(1);
  return row ?? null;
}

export async function getOffer(db: Tx, id: number): Promise<ProactiveOffer | null> {
  const [row] = await db.select().from(proactiveOffers).where(eq(proactiveOffers.id, id));
  return row ?? null;
}

type SavedState = { stage: string; remindAt: string; remindedAt: string | null; expiresAt: string };

/** Stores the machine's state with the columns that mirror it. */
export async function saveOfferState(db: Tx, id: number, state: SavedState, now: Date, applicationId?: string) {
  await db
    .update(proactiveOffers)
    .set({
      state,
      stage: state.stage,
      remindAt: state.stage === "offered" && !state.remindedAt ? new Date(state.remindAt) : null,
      expiresAt: new Date(state.expiresAt),
      updatedAt: now,
      ...(applicationId ? { applicationId } : {}),
    })
    .where(eq(proactiveOffers.id, id));
}

/** Open offers due a reminder or past their deadline, locked; others working on the same batch skip them. */
export async function lockOffersDue(db: Tx, now: Date, limit: number): Promise<ProactiveOffer[]> {
  return db
    .select()
    .from(proactiveOffers)
    .where(and(isOpen, sql`(${proactiveOffers.expiresAt} <= ${now.toISOString()}::timestamptz or ${proactiveOffers.remindAt} <= ${now.toISOString()}::timestamptz)`))
    .orderBy(asc(proactiveOffers.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}
