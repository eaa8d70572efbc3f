/** Verbs over the SMS outbox, the inbound log and opt-outs. Each takes a Db or Tx: the caller owns the transaction. */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";
import { smsMessages, smsOptOuts, type SmsMessage, type SmsPurpose, type SmsStatus } from "../schema";

export type OutboundSms = {
  /** E.164. */
  to: string;
  body: string;
  purpose: Exclude<SmsPurpose, "inbound">;
  language: "ru" | "kk";
  iin?: string | null;
  offerId?: number | null;
  now?: Date;
};

/** Purposes a STOP silences. A one-time code the person asked for themselves still goes out. */
const SILENCED_BY_OPT_OUT: readonly SmsPurpose[] = ["offer", "reminder", "notice"];

/**
 * The transactional outbox: stores the message as `queued` in the caller's transaction, so it is sent
 * if and only if the caller commits. The worker's sweeper hands queued rows to the job queue.
 * Returns the row id, or null when the number opted out of this kind of message.
 */
export async function queueSms(db: Tx, message: OutboundSms): Promise<number | null> {
  if (SILENCED_BY_OPT_OUT.includes(message.purpose) && (await isOptedOut(db, message.to))) return null;
  const now = message.now ?? new Date();
  const [row] = await db
    .insert(smsMessages)
    .values({
      direction: "out",
      phone: message.to,
      iin: message.iin ?? null,
      language: message.language,
      body: message.body,
      purpose: message.purpose,
      status: "queued",
      offerId: message.offerId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: smsMessages.id });
  return row.id;
}

/**
 * Records an inbound message once: the unique provider SID makes a replayed or concurrent duplicate
 * insert nothing (a concurrent one waits for the first to commit). Null means "seen already".
 */
export async function recordInbound(
  db: Tx,
  inbound: { sid: string; from: string; body: string; language: "ru" | "kk"; iin?: string | null; at: Date },
): Promise<number | null> {
  const [row] = await db
    .insert(smsMessages)
    .values({
      direction: "in",
      phone: inbound.from,
      iin: inbound.iin ?? null,
      language: inbound.language,
      body: inbound.body,
      purpose: "inbound",
      status: "received",
      providerSid: inbound.sid,
      createdAt: inbound.at,
      updatedAt: inbound.at,
    })
    .onConflictDoNothing({ target: smsMessages.providerSid })
    .returning({ id: smsMessages.id });
  return row?.id ?? null;
}

export async function linkToOffer(db: Tx, messageId: number, offerId: number) {
  await db.update(smsMessages).set({ offerId }).where(eq(smsMessages.id, messageId));
}

export async function isOptedOut(db: Tx, phone: string) {
  const [row] = await db.select({ phone: smsOptOuts.phone }).from(smsOptOuts).where(eq(smsOptOuts.phone, phone));
  return Boolean(row);
}

export async function recordOptOut(db: Tx, phone: string, at: Date) {
  await db.insert(smsOptOuts).values({ phone, at }).onConflictDoNothing();
  // Whatever was still waiting to go out about offers stops here too.
  await db
    .update(smsMessages)
    .set({ status: "failed", lastError: "opted_out", updatedAt: at })
    .where(and(eq(smsMessages.phone, phone), eq(smsMessages.status, "queued"), inArray(smsMessages.purpose, [...SILENCED_BY_OPT_OUT])));
}

/** Answers to unknown numbers are rate-limited: one per number per day, so two robots cannot chat forever. */
export async function recentNoOfferReply(db: Tx, phone: string, since: Date) {
  const [row] = await db
    .select({ id: smsMessages.id })
    .from(smsMessages)
    .where(and(eq(smsMessages.phone, phone), eq(smsMessages.direction, "out"), eq(smsMessages.purpose, "reply"), isNull(smsMessages.offerId), sql`${smsMessages.createdAt} >= ${since.toISOString()}::timestamptz`))
    .limit(1);
  return Boolean(row);
}

// ---------------------------------------------------------------------------------------------
// The worker's side

/**
 * Queued rows not yet given a job, oldest first, each with a job id that depends only on the row and
 * its generation: if the sweeper dies after creating jobs but before recording them, the next sweep
 * creates the same ids and the queue ignores the duplicates.
 */
export async function unsweptMessages(db: Tx, limit: number) {
  return db
    .select({ id: smsMessages.id, generation: smsMessages.generation })
    .from(smsMessages)
    .where(and(eq(smsMessages.status, "queued"), isNull(smsMessages.jobId)))
    .orderBy(asc(smsMessages.id))
    .limit(limit);
}

export async function markSwept(db: Tx, rows: { id: number; jobId: string }[]) {
  if (!rows.length) return;
  const values = sql.join(rows.map((r) => sql`(${r.id}::bigint, ${r.jobId}::uuid)`), sql`, `);
  await db.execute(sql`update sms_messages m set job_id = v.job_id from (values ${values}) as v(id, job_id) where m.id = v.id and m.job_id is null`);
}

/** Rows with a job that has not moved them for a long time: handed to a new job (a new generation). */
export async function requeueStuck(db: Tx, untouchedSince: Date, now: Date) {
  const rows = await db
    .update(smsMessages)
    .set({ status: "queued", jobId: null, generation: sql`${smsMessages.generation} + 1`, updatedAt: now })
    .where(and(inArray(smsMessages.status, ["queued", "sending"]), sql`${smsMessages.jobId} is not null`, sql`${smsMessages.updatedAt} < ${untouchedSince.toISOString()}::timestamptz`))
    .returning({ id: smsMessages.id });
  return rows.length;
}

export type Claimed = Pick<SmsMessage, "id" | "phone" | "body" | "attempts" | "status"> & { resumed: boolean };

/**
 * Takes a row for sending: only a queued one, or one left `sending` by a worker that died (its job
 * expired and came back). The status is committed before the provider is called, so a crash after
 * the call leaves evidence: a `sending` row is the one message that may go out twice.
 */
export async function claimForSending(db: Tx, id: number, now: Date): Promise<Claimed | null> {
  const rows = await db.execute(sql`
    with before as (select id, status from sms_messages where id = ${id} for update)
    update sms_messages m
       set status = 'sending', attempts = m.attempts + 1, updated_at = ${now.toISOString()}::timestamptz
      from before
     where m.id = before.id and before.status in ('queued', 'sending')
    returning m.id, m.phone, m.body, m.attempts, before.status as previous`);
  const [row] = rowsOf<{ id: number | string; phone: string; body: string; attempts: number; previous: SmsStatus }>(rows);
  if (!row) return null;
  return { id: Number(row.id), phone: row.phone, body: row.body, attempts: row.attempts, status: "sending", resumed: row.previous === "sending" };
}

export async function markSent(db: Tx, id: number, result: { sid: string; status: "sent" | "delivered" | "failed" }, now: Date) {
  await db
    .update(smsMessages)
    .set({ status: result.status, providerSid: result.sid, sentAt: now, updatedAt: now, lastError: null })
    .where(and(eq(smsMessages.id, id), eq(smsMessages.status, "sending")));
}

/** A failed attempt: back to `queued` for the next retry of its job, or `failed` after the last one. */
export async function markAttemptFailed(db: Tx, id: number, error: string, final: boolean, now: Date) {
  await db
    .update(smsMessages)
    .set({ status: final ? "failed" : "queued", lastError: error.slice(0, 500), updatedAt: now })
    .where(and(eq(smsMessages.id, id), eq(smsMessages.status, "sending")));
}

const STATUS_RANK: Record<string, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3 };

/** Maps Twilio's MessageStatus onto ours; null for values we do not track (read, canceled…). */
export function statusFromProvider(status: string): SmsStatus | null {
  switch (status) {
    case "accepted":
    case "scheduled":
    case "queued":
    case "sending":
    case "sent":
      return "sent";
    case "delivered":
    case "undelivered":
    case "failed":
      return status;
    default:
      return null;
  }
}

/**
 * A delivery report. Reports may arrive out of order or twice: a status never moves backwards
 * (delivered is not overwritten by a late "sent"). Returns whether the row changed.
 */
export async function recordDeliveryStatus(db: Tx, sid: string, providerStatus: string, errorCode: string | null, now: Date) {
  const status = statusFromProvider(providerStatus);
  if (!status) return false;
  const lower = Object.entries(STATUS_RANK)
    .filter(([, rank]) => rank < STATUS_RANK[status])
    .map(([s]) => s as SmsStatus);
  const updated = await db
    .update(smsMessages)
    .set({ status, updatedAt: now, ...(errorCode ? { lastError: `provider error ${errorCode}` } : {}) })
    .where(and(eq(smsMessages.providerSid, sid), eq(smsMessages.direction, "out"), inArray(smsMessages.status, lower)))
    .returning({ id: smsMessages.id });
  return updated.length > 0;
}

/**
 * Puts failed and undelivered outbound messages back in the outbox (a new generation, so a new job).
 * Opted-out numbers are left alone, and by default only offers and reminders are retried: an old
 * one-time code is useless.
 */
export async function requeueFailed(db: Tx, options: { purposes?: SmsPurpose[]; since?: Date; now: Date }) {
  const purposes = options.purposes ?? ["offer", "reminder"];
  const rows = await db
    .update(smsMessages)
    .set({ status: "queued", jobId: null, generation: sql`${smsMessages.generation} + 1`, lastError: null, updatedAt: options.now })
    .where(
      and(
        eq(smsMessages.direction, "out"),
        inArray(smsMessages.status, ["failed", "undelivered"]),
        inArray(smsMessages.purpose, purposes),
        sql`not exists (select 1 from sms_opt_outs o where o.phone = ${smsMessages.phone})`,
        options.since ? sql`${smsMessages.createdAt} >= ${options.since.toISOString()}::timestamptz` : undefined,
      ),
    )
    .returning({ id: smsMessages.id });
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Reading conversations (/dev/sms and the cabinet)

export async function conversationPhones(db: Tx, limit = 200) {
  return db
    .select({ phone: smsMessages.phone, last: sql<Date>`max(${smsMessages.createdAt})`.mapWith((v) => new Date(v)), count: sql<number>`count(*)::int` })
    .from(smsMessages)
    .groupBy(smsMessages.phone)
    .orderBy(desc(sql`max(${smsMessages.createdAt})`))
    .limit(limit);
}

export async function conversation(db: Tx, phone: string, limit = 200) {
  const rows = await db.select().from(smsMessages).where(eq(smsMessages.phone, phone)).orderBy(desc(smsMessages.id)).limit(limit);
  return rows.reverse();
}

export async function messagesOfOffer(db: Tx, offerId: number) {
  return db.select().from(smsMessages).where(eq(smsMessages.offerId, offerId)).orderBy(asc(smsMessages.id));
}

/** A citizen's SMS: those sent to them by IIN, and the conversation of their current number. */
export async function messagesOfCitizen(db: Tx, iin: string, phone: string | null, limit = 50) {
  // Two index-ordered reads merged here, not one `iin = … or phone = …`: with the OR the planner may
  // walk the whole table down the primary key looking for the newest rows of a citizen who has few.
  const newest = (where: SQL) =>
    db
      .select({ id: smsMessages.id, direction: smsMessages.direction, purpose: smsMessages.purpose, body: smsMessages.body, status: smsMessages.status, createdAt: smsMessages.createdAt })
      .from(smsMessages)
      .where(where)
      .orderBy(desc(smsMessages.id))
      .limit(limit);
  const [byIin, byPhone] = await Promise.all([newest(eq(smsMessages.iin, iin)), phone ? newest(eq(smsMessages.phone, phone)) : []]);
  const merged = new Map([...byIin, ...byPhone].map((m) => [m.id, m]));
  return [...merged.values()].sort((a, b) => b.id - a.id).slice(0, limit);
}
