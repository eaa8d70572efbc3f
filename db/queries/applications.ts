/** Verbs over ASP applications and the e-registration journal. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { rowsOf } from "../rows";
import {
  activeCaseMembers, applicationEvents, applicationMembers, applications,
  type ApplicationStatus, type Channel,
} from "../schema";

export type RegistrationInput = {
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
          .values({ applicantIin: input.applicantIin, channel: input.channel, status: "draft", draft: input.draft ?? {}, createdAt: input.now, updatedAt: input.now })
          .returning({ id: applications.id });
        applicationId = row.id;
      }
      // Lock order, the same for every registration, so none can deadlock: the application's own row,
      // then its members in IIN order, then the yearly counter last.
      const open = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.id, applicationId), inArray(applications.status, ["draft", "rejected_at_check"])))
        .for("update");
      if (open.length !== 1) throw new NotOpen(`application ${applicationId} is not open for registration`);
      const claimed = await tx
        .insert(activeCaseMembers)
        .values([...input.members].sort((a, b) => a.iin.localeCompare(b.iin)).map((m) => ({ iin: m.iin, applicationId: applicationId!, since: input.now })))
        .onConflictDoNothing()
        .returning({ iin: activeCaseMembers.iin });
      if (claimed.length !== input.members.length) {
        const got = new Set(claimed.map((c) => c.iin));
        throw new MemberConflict(input.members.map((m) => m.iin).filter((i) => !got.has(i)));
      }
      await tx.delete(applicationMembers).where(eq(applicationMembers.applicationId, applicationId));
      await tx.insert(applicationMembers).values(input.members.map((m) => ({ applicationId: applicationId!, iin: m.iin, relation: m.relation })));
      await tx.insert(applicationEvents).values({ applicationId, at: input.now, status: "registered" });
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
 * The yearly counter, the application's registration and its journal row, as one statement and the
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
      -- ASP26-000123: the service, the application day's two-digit year, the yearly counter.
      insert into registration_counters (year, last) values (${year}::int, 1)
      on conflict (year) do update set last = registration_counters.last + 1
      returning 'ASP' || lpad((year % 100)::text, 2, '0') || '-' || lpad(last::text, 6, '0') as number
    ), registered as (
      update applications set
        status = 'registered', channel = ${input.channel}::channel, kato_code = ${input.katoCode},
        registration_number = counter.number, registered_at = ${at}::timestamptz, application_date = ${input.applicationDate}::date,
        due_date = ${input.dueDate}::date, submitted_at = ${at}::timestamptz, signed_payload = ${input.signedPayload ?? null}::text,
        signature = ${input.signature ?? null}::text, signer_serial = ${input.signerSerial ?? null}::varchar, check_failures = null,
        updated_at = ${at}::timestamptz${setDraft}
      from counter where applications.id = ${applicationId}::uuid
      returning applications.registration_number
    ), journal as (
      insert into registration_journal (registration_number, application_id, registered_at, applicant_iin, channel, service, due_date, registered_by)
      select number, ${applicationId}::uuid, ${at}::timestamptz, ${input.applicantIin}::char(12), ${input.channel}::channel, 'asp'::service,
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

/** Members of live Komek cases among these people. */
export async function findActiveCaseMembers(db: Tx, iins: string[]) {
  if (!iins.length) return [];
  return db
    .select({ iin: activeCaseMembers.iin, registrationNumber: applications.registrationNumber })
    .from(activeCaseMembers)
    .innerJoin(applications, eq(applications.id, activeCaseMembers.applicationId))
    .where(inArray(activeCaseMembers.iin, iins));
}

/** The citizen's open draft (or rejected submission they may correct), creating a draft if none. */
export async function getOrCreateDraft(db: Tx, applicantIin: string, now: Date) {
  const [open] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.applicantIin, applicantIin), eq(applications.channel, "portal"), inArray(applications.status, ["draft", "rejected_at_check"])))
    .orderBy(desc(applications.updatedAt))
    .limit(1);
  if (open) return open;
  const [created] = await db
    .insert(applications)
    .values({ applicantIin, channel: "portal", status: "draft", draft: {}, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [again] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.applicantIin, applicantIin), eq(applications.channel, "portal"), eq(applications.status, "draft")));
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
