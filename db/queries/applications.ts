/** Verbs over ASP applications and the e-registration journal. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import {
  activeCaseMembers, applicationEvents, applicationMembers, applications, registrationCounters, registrationJournal,
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
      // then its members in IIN order, then the yearly counter last — held only for the final writes.
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
      const year = Number(input.applicationDate.slice(0, 4));
      const [counter] = await tx
        .insert(registrationCounters)
        .values({ year, last: 1 })
        .onConflictDoUpdate({ target: registrationCounters.year, set: { last: sql`${registrationCounters.last} + 1` } })
        .returning({ last: registrationCounters.last });
      const registrationNumber = formatRegistrationNumber(year, counter.last);
      await tx
        .update(applications)
        .set({
          status: "registered",
          channel: input.channel,
          katoCode: input.katoCode,
          registrationNumber,
          registeredAt: input.now,
          applicationDate: input.applicationDate,
          dueDate: input.dueDate,
          submittedAt: input.now,
          signedPayload: input.signedPayload ?? null,
          signature: input.signature ?? null,
          signerSerial: input.signerSerial ?? null,
          checkFailures: null,
          updatedAt: input.now,
          ...(input.draft !== undefined ? { draft: input.draft } : {}),
        })
        .where(eq(applications.id, applicationId));
      await tx.delete(applicationMembers).where(eq(applicationMembers.applicationId, applicationId));
      await tx.insert(applicationMembers).values(input.members.map((m) => ({ applicationId: applicationId!, iin: m.iin, relation: m.relation })));
      await tx.insert(registrationJournal).values({
        registrationNumber,
        applicationId,
        registeredAt: input.now,
        applicantIin: input.applicantIin,
        channel: input.channel,
        service: "asp",
        dueDate: input.dueDate,
        registeredBy: input.registeredBy,
      });
      await tx.insert(applicationEvents).values({ applicationId, at: input.now, status: "registered" });
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

/** ASP26-000123: service, two-digit year, a yearly counter. */
export function formatRegistrationNumber(year: number, n: number) {
  return `ASP${String(year % 100).padStart(2, "0")}-${String(n).padStart(6, "0")}`;
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
