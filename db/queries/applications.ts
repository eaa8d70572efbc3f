/** Verbs over applications of every service and the e-registration journal. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { rowsOf } from "../rows";
import {
  activeCaseMembers, applicationEvents, applicationMembers, applications,
  type ApplicationStatus, type Channel,
} from "../schema";

/** What registration needs to know of the service (app/services/definition.ts). */
export type RegistrationService = { key: string; numberPrefix: string };

/** Open offers of the family are closed when it registers by any channel, with this SMS (ru/kk). */
export type OfferClosing = { text: { ru: string; kk: string }; exceptOfferId?: number };

export type RegistrationInput = {
  service: RegistrationService;
  closeOffers: OfferClosing;
  /** An existing draft to register; omitted for channels without a draft (proactive). */
  applicationId?: string;
  applicantIin: string;
  channel: Channel;
  members: { iin: string; relation: string }[];
  katoCode: string;
  /** Kazakhstan date of the application day and the legal due date (working-day calendar). */
  applicationDate: string;
  dueDate: string;
  registeredBy: string;
  now: Date;
  draft?: unknown;
  signedPayload?: string | null;
  signature?: string | null;
  signerSerial?: string | null;
  /** The language the person chose when applying; decision SMS go in it (null keeps what the row has). */
  smsLanguage?: "ru" | "kk" | null;
  /** A staff member registering a paper application (Centre, akim): named in the audit row the database writes. */
  actor?: { staffId: number; login: string; role: string };
};

export type RegistrationOutcome =
  | { ok: true; applicationId: string; registrationNumber: string }
  | { ok: false; reason: "member_in_active_case"; iins: string[] };

/** The application left draft while we waited: another submission of it (a double click, another node) won. */
class NotOpen extends Error {}

class MemberConflict extends Error {
  constructor(readonly iins: string[]) {
    super("member_in_active_case");
  }
}

/**
 * Registers an application in one transaction. Clause 7-1 check 2 holds under concurrency because
 * every member is claimed in active_case_members, whose primary key admits one live case per person:
 * of two racing submissions that share a member, the second finds the row and rolls back.
 */
export async function registerApplication(db: Db, input: RegistrationInput): Promise<RegistrationOutcome> {
  try {
    return await db.transaction(async (tx) => {
      let applicationId = input.applicationId;
      if (!applicationId) {
        // Channels without a draft (proactive) get one here, so that every registration is the same
        // audited draft → registered change. It cannot collide with the citizen's own portal draft:
        // the one-draft rule is per portal channel.
        const [row] = await tx
          .insert(applications)
          .values({ service: input.service.key, applicantIin: input.applicantIin, channel: input.channel, status: "draft", draft: input.draft ?? {}, createdAt: input.now, updatedAt: input.now })
          .returning({ id: applications.id });
        applicationId = row.id;
      }
      // Lock order, the same for every registration, so none can deadlock: the application's own row,
      // then the family's open offers, then its members in IIN order, then the yearly counter last.
      // (A reply to an offer locks that offer first and registers with it excepted.)
      const open = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.id, applicationId), eq(applications.service, input.service.key), inArray(applications.status, ["draft", "rejected_at_check"])))
        .for("update");
      if (open.length !== 1) throw new NotOpen(`application ${applicationId} is not open for registration`);
      await closeOpenOffersOfFamily(tx, input.service.key, input.members.map((m) => m.iin), input.closeOffers, input.now);
      const claimed = await tx
        .insert(activeCaseMembers)
        .values([...input.members].sort((a, b) => a.iin.localeCompare(b.iin)).map((m) => ({ service: input.service.key, iin: m.iin, applicationId: applicationId!, since: input.now })))
        .onConflictDoNothing()
        .returning({ iin: activeCaseMembers.iin });
      if (claimed.length !== input.members.length) {
        const got = new Set(claimed.map((c) => c.iin));
        throw new MemberConflict(input.members.map((m) => m.iin).filter((i) => !got.has(i)));
      }
      await tx.delete(applicationMembers).where(eq(applicationMembers.applicationId, applicationId));
      await tx.insert(applicationMembers).values(input.members.map((m) => ({ applicationId: applicationId!, iin: m.iin, relation: m.relation })));
      await tx.insert(applicationEvents).values({ applicationId, at: input.now, status: "registered" });
      if (input.actor) {
        // The status trigger (migration 0003) writes the audit row from these transaction-local settings.
        await tx.execute(sql`select set_config('komek.actor_kind', 'staff', true), set_config('komek.actor_staff_id', ${String(input.actor.staffId)}, true),
          set_config('komek.actor_label', ${input.actor.login}, true), set_config('komek.actor_role', ${input.actor.role}, true)`);
      }
      const registrationNumber = await numberAndRegister(tx, applicationId, input);
      return { ok: true as const, applicationId, registrationNumber };
    });
  } catch (error) {
    if (error instanceof MemberConflict) return { ok: false, reason: "member_in_active_case", iins: error.iins };
    // Registering is idempotent: the same application registered by a concurrent submission gets its
    // number (the rollback above returned our counter value, so the journal has no gap).
    if (error instanceof NotOpen && input.applicationId) {
      const [row] = await db.select({ number: applications.registrationNumber }).from(applications).where(eq(applications.id, input.applicationId));
      if (row?.number) return { ok: true, applicationId: input.applicationId, registrationNumber: row.number };
    }
    // A unique violation on active_case_members from a concurrent insert that won the race.
    if (isUniqueViolation(error)) return { ok: false, reason: "member_in_active_case", iins: [] };
    throw error;
  }
}

/**
 * Defect 8 of issue 13: a family that registers by any channel has no open offer of the same service
 * left to answer. Its open offers (the members' registry households, or offers sent to a member) are
 * closed, and each recipient gets a short SMS saying why (not to numbers that opted out). One statement.
 */
async function closeOpenOffersOfFamily(tx: Tx, service: string, iins: string[], closing: OfferClosing, now: Date) {
  if (!iins.length) return;
  const at = now.toISOString();
  const list = sql.join(iins.map((i) => sql`${i}`), sql`, `);
  await tx.execute(sql`
    with closed as (
      update proactive_offers o set
        stage = 'closed_registered', state = jsonb_set(o.state, '{stage}', '"closed_registered"'),
        remind_at = null, updated_at = ${at}::timestamptz
      where o.service = ${service}
        and (o.stage in ('offered', 'awaiting_payment', 'awaiting_iban', 'awaiting_bank')
          -- a decline the recipient may still turn into consent by replying «1» is open too
          or (o.stage = 'declined' and (o.state ->> 'declinedAt')::timestamptz
                + make_interval(hours => coalesce((o.state -> 'policy' ->> 'declineRevocableHours')::int, 0)) > ${at}::timestamptz))
        and o.id <> ${closing.exceptOfferId ?? -1}::bigint
        and (o.recipient_iin in (${list})
          or o.household_id in (select p.household_id from registry.persons p where p.iin in (${list}) and p.household_id is not null))
      returning o.id, o.phone, o.language, o.recipient_iin
    )
    insert into sms_messages (direction, phone, iin, language, body, purpose, status, offer_id, created_at, updated_at)
    select 'out', c.phone, c.recipient_iin, c.language, case when c.language = 'kk' then ${closing.text.kk} else ${closing.text.ru} end,
      'notice', 'queued', c.id, ${at}::timestamptz, ${at}::timestamptz
    from closed c
    where not exists (select 1 from sms_opt_outs x where x.phone = c.phone)`);
}

/**
 * The service's yearly counter, the application's registration and its journal row, as one statement and the
 * last of the transaction. The counter row is what keeps the journal gapless, and every registration
 * of the year waits for it from here to COMMIT; as the last statement, nothing else — no round trip
 * to a busy Node process — happens while it is held (ADR 008).
 */
async function numberAndRegister(tx: Tx, applicationId: string, input: RegistrationInput): Promise<string> {
  const year = Number(input.applicationDate.slice(0, 4));
  const at = input.now.toISOString();
  const setDraft = input.draft !== undefined ? sql`, draft = ${JSON.stringify(input.draft)}::jsonb` : sql``;
  const rows = await tx.execute(sql`
    with counter as (
      -- ASP26-000123: the service's prefix, the application day's two-digit year, the service's yearly counter.
      insert into registration_counters (service, year, last) values (${input.service.key}, ${year}::int, 1)
      on conflict (service, year) do update set last = registration_counters.last + 1
      returning ${input.service.numberPrefix}::text || lpad((year % 100)::text, 2, '0') || '-' || lpad(last::text, 6, '0') as number
    ), registered as (
      update applications set
        status = 'registered', channel = ${input.channel}::channel, kato_code = ${input.katoCode},
        registration_number = counter.number, registered_at = ${at}::timestamptz, application_date = ${input.applicationDate}::date,
        due_date = ${input.dueDate}::date, submitted_at = ${at}::timestamptz, signed_payload = ${input.signedPayload ?? null}::text,
        signature = ${input.signature ?? null}::text, signer_serial = ${input.signerSerial ?? null}::varchar, check_failures = null,
        sms_language = coalesce(${input.smsLanguage ?? null}::varchar, applications.sms_language),
        updated_at = ${at}::timestamptz${setDraft}
      from counter where applications.id = ${applicationId}::uuid
      returning applications.registration_number
    ), journal as (
      insert into registration_journal (registration_number, application_id, registered_at, applicant_iin, channel, service, due_date, registered_by)
      select number, ${applicationId}::uuid, ${at}::timestamptz, ${input.applicantIin}::char(12), ${input.channel}::channel, ${input.service.key}::varchar,
             ${input.dueDate}::date, ${input.registeredBy}::varchar from counter
    )
    select registration_number as number from registered`);
  const [row] = rowsOf<{ number: string }>(rows);
  if (!row) throw new Error(`application ${applicationId} vanished while it was being registered`);
  return row.number;
}

function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export async function markRejectedAtCheck(db: Tx, applicationId: string, failures: unknown, now: Date, extra: { signedPayload?: string; signature?: string; signerSerial?: string } = {}) {
  const changed = await db
    .update(applications)
    .set({ status: "rejected_at_check", checkFailures: failures, submittedAt: now, updatedAt: now, ...extra })
    .where(and(eq(applications.id, applicationId), inArray(applications.status, ["draft", "rejected_at_check"])))
    .returning({ id: applications.id });
  // A copy of a submission that lost to a registration of the same application leaves no refusal on its timeline.
  if (changed.length) await db.insert(applicationEvents).values({ applicationId, at: now, status: "rejected_at_check" });
}

/** Members of live Komek cases of this service among these people. */
export async function findActiveCaseMembers(db: Tx, service: string, iins: string[]) {
  if (!iins.length) return [];
  return db
    .select({ iin: activeCaseMembers.iin, registrationNumber: applications.registrationNumber, applicationId: applications.id, applicantIin: applications.applicantIin })
    .from(activeCaseMembers)
    .innerJoin(applications, eq(applications.id, activeCaseMembers.applicationId))
    .where(and(eq(activeCaseMembers.service, service), inArray(activeCaseMembers.iin, iins)));
}

/** The citizen's open draft of a service (or rejected submission they may correct), creating a draft if none. */
export async function getOrCreateDraft(db: Tx, service: string, applicantIin: string, now: Date) {
  const [open] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.service, service), eq(applications.applicantIin, applicantIin), eq(applications.channel, "portal"), inArray(applications.status, ["draft", "rejected_at_check"])))
    .orderBy(desc(applications.updatedAt))
    .limit(1);
  if (open) return open;
  const [created] = await db
    .insert(applications)
    .values({ service, applicantIin, channel: "portal", status: "draft", draft: {}, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [again] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.service, service), eq(applications.applicantIin, applicantIin), eq(applications.channel, "portal"), eq(applications.status, "draft")));
  return again;
}

/** An application only if it belongs to this citizen: anyone else's id reads as "not found". */
export async function findOwnApplication(db: Tx, id: string, applicantIin: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(applications).where(and(eq(applications.id, id), eq(applications.applicantIin, applicantIin)));
  return row ?? null;
}

export async function saveDraft(db: Tx, id: string, applicantIin: string, draft: unknown, now: Date) {
  const rows = await db
    .update(applications)
    .set({ draft, updatedAt: now })
    .where(and(eq(applications.id, id), eq(applications.applicantIin, applicantIin), inArray(applications.status, ["draft", "rejected_at_check"])))
    .returning({ id: applications.id });
  return rows.length === 1;
}

export async function listApplicationsOf(db: Tx, applicantIin: string) {
  return db.select().from(applications).where(eq(applications.applicantIin, applicantIin)).orderBy(desc(applications.createdAt));
}

export async function eventsOf(db: Tx, applicationId: string) {
  return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

export async function recordEvent(db: Tx, applicationId: string, status: ApplicationStatus, now: Date, note?: string) {
  await db.insert(applicationEvents).values({ applicationId, at: now, status, note: note ?? null });
}
