/** Complaints about a case (migration 0018, ADR 019): numbering, the talon's facts, the events, the answer. */
import { and, asc, desc, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";
import { applications, complaintEvents, complaints, offices, otherAgencyRequests, type Complaint, type ComplaintChannel, type ComplaintStatus } from "../schema";

export type NewComplaint = {
  applicationId: string;
  applicantIin: string;
  channel: ComplaintChannel;
  text: string;
  language: "ru" | "kk";
  registeredAt: Date;
  registeredOn: string;
  answerDue: string;
  ruleSource: string;
  acceptedBy: number | null;
  acceptedByNameRu: string;
  acceptedByNameKk: string;
  officeCode: string | null;
  submitKey: string | null;
  numberPrefix: string;
};

export type ComplaintActor = { label: string; role: string };

/**
 * Numbers and inserts a complaint in one statement: the yearly counter is one atomic upsert (as
 * registration_counters), and a form already submitted with the same key takes no number and inserts
 * nothing. Returns null for such a repeat; the caller then reads the complaint the key made.
 */
export async function insertComplaint(tx: Tx, c: NewComplaint): Promise<{ id: string; number: string } | null> {
  const year = Number(c.registeredOn.slice(0, 4));
  const rows = await tx.execute(sql`
    with repeat as (
      select 1 from complaints where applicant_iin = ${c.applicantIin} and submit_key = ${c.submitKey}::varchar
    ), counter as (
      insert into complaint_counters (year, last) select ${year}::int, 1 where not exists (select 1 from repeat)
      on conflict (year) do update set last = complaint_counters.last + 1
      returning ${c.numberPrefix}::text || lpad((year % 100)::text, 2, '0') || '-' || lpad(last::text, 6, '0') as number
    )
    insert into complaints (number, application_id, applicant_iin, channel, text, language, registered_at, registered_on, answer_due, rule_source,
      accepted_by, accepted_by_name_ru, accepted_by_name_kk, office_code, submit_key)
    select counter.number, ${c.applicationId}::uuid, ${c.applicantIin}, ${c.channel}::complaint_channel, ${c.text}, ${c.language},
      ${c.registeredAt.toISOString()}::timestamptz, ${c.registeredOn}::date, ${c.answerDue}::date, ${c.ruleSource},
      ${c.acceptedBy}::bigint, ${c.acceptedByNameRu}, ${c.acceptedByNameKk}, ${c.officeCode}::varchar, ${c.submitKey}::varchar
    from counter
    returning id, number`);
  return rowsOf<{ id: string; number: string }>(rows)[0] ?? null;
}

export async function complaintBySubmitKey(tx: Tx, applicantIin: string, submitKey: string) {
  const [row] = await tx.select().from(complaints).where(and(eq(complaints.applicantIin, applicantIin), eq(complaints.submitKey, submitKey)));
  return row ?? null;
}

export async function insertComplaintEvent(tx: Tx, complaintId: string, at: Date, event: string, actor: ComplaintActor, note: string | null = null) {
  await tx.insert(complaintEvents).values({ complaintId, at, event, actorLabel: actor.label.slice(0, 64), actorRole: actor.role.slice(0, 16), note });
}

/** A complaint with its case's number and district, or null. */
export async function complaintById(tx: Tx, id: string) {
  const [row] = await tx
    .select({ complaint: complaints, registrationNumber: applications.registrationNumber, katoCode: applications.katoCode, officeRu: offices.nameRu, officeKk: offices.nameKk })
    .from(complaints)
    .innerJoin(applications, eq(applications.id, complaints.applicationId))
    .leftJoin(offices, eq(offices.code, complaints.officeCode))
    .where(eq(complaints.id, id));
  return row ?? null;
}

export async function complaintEventsOf(tx: Tx, complaintId: string) {
  return tx.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(asc(complaintEvents.id));
}

/** The citizen's complaints, newest first. */
export async function complaintsOfApplicant(tx: Tx, applicantIin: string) {
  return tx
    .select({ complaint: complaints, registrationNumber: applications.registrationNumber })
    .from(complaints)
    .innerJoin(applications, eq(applications.id, complaints.applicationId))
    .where(eq(complaints.applicantIin, applicantIin))
    .orderBy(desc(complaints.registeredAt));
}

/** Complaints about cases in the given KATO prefixes (a district's list), open ones first by due date. */
export async function complaintsForKato(tx: Tx, katoPrefix: string, statuses?: ComplaintStatus[]) {
  const where = [katoPrefix ? like(applications.katoCode, `${katoPrefix}%`) : sql`true`];
  if (statuses?.length) where.push(inArray(complaints.status, statuses));
  return tx
    .select({ complaint: complaints, registrationNumber: applications.registrationNumber })
    .from(complaints)
    .innerJoin(applications, eq(applications.id, complaints.applicationId))
    .where(and(...where))
    .orderBy(sql`${complaints.status} = 'answered'`, asc(complaints.answerDue), asc(complaints.number))
    .limit(200);
}

/** Saves the draft answer and moves the complaint under review; false when it was answered meanwhile. */
export async function saveAnswerDraft(tx: Tx, id: string, text: string) {
  const rows = await tx
    .update(complaints)
    .set({ answerDraft: text, status: "under_review" })
    .where(and(eq(complaints.id, id), or(eq(complaints.status, "registered"), eq(complaints.status, "under_review"))))
    .returning({ id: complaints.id });
  return rows.length === 1;
}

export type SignedAnswer = { payload: string; signature: string; signerIin: string; signerName: string | null; signerSerial: string | null; answeredBy: number; answeredAt: Date };

/** Marks the answer signed, only if the draft is still the one signed; false otherwise. */
export async function signAnswer(tx: Tx, id: string, draft: string, s: SignedAnswer) {
  const rows = await tx
    .update(complaints)
    .set({ status: "answered", answerPayload: s.payload, answerSignature: s.signature, signerIin: s.signerIin, signerName: s.signerName, signerSerial: s.signerSerial, answeredBy: s.answeredBy, answeredAt: s.answeredAt })
    .where(and(eq(complaints.id, id), eq(complaints.status, "under_review"), eq(complaints.answerDraft, draft)))
    .returning({ id: complaints.id });
  return rows.length === 1;
}

/** Complaints of a person for 1414 (codes and dates only). */
export async function complaintsForCall(tx: Tx, applicantIin: string) {
  return tx
    .select({
      number: complaints.number,
      registrationNumber: applications.registrationNumber,
      channel: complaints.channel,
      status: complaints.status,
      registeredOn: complaints.registeredOn,
      answerDue: complaints.answerDue,
      answeredAt: complaints.answeredAt,
      answerPayload: complaints.answerPayload,
    })
    .from(complaints)
    .innerJoin(applications, eq(applications.id, complaints.applicationId))
    .where(eq(complaints.applicantIin, applicantIin))
    .orderBy(desc(complaints.registeredAt))
    .then((rows) => rows.map(({ answerPayload, ...r }) => ({ ...r, answer: answerPayload ? (JSON.parse(answerPayload) as { answer: string }).answer : null })));
}

export type { Complaint };

/** The district office serving a settlement: the longest KATO prefix that matches (never the whole country). */
export async function officeServing(tx: Tx, katoCode: string | null) {
  if (!katoCode) return null;
  const [row] = await tx
    .select()
    .from(offices)
    .where(and(sql`${offices.katoPrefix} <> ''`, sql`${katoCode} like ${offices.katoPrefix} || '%'`))
    .orderBy(desc(sql`length(${offices.katoPrefix})`))
    .limit(1);
  return row ?? null;
}

/** A registered application by its number, with its applicant (for 1414 and paper complaints). */
export async function applicationByNumber(tx: Tx, registrationNumber: string) {
  const [row] = await tx.select().from(applications).where(eq(applications.registrationNumber, registrationNumber));
  return row ?? null;
}

export type SignedExtension = { ru: string; kk: string; payload: string; signature: string; signerIin: string; signerName: string | null; signerSerial: string | null; by: number; at: Date };

/** The head's signed extension notice; false when the request was notified meanwhile. */
export async function markExtensionSigned(tx: Tx, requestId: number, applicationId: string, s: SignedExtension) {
  const rows = await tx
    .update(otherAgencyRequests)
    .set({ notifiedAt: s.at, notifiedBy: s.by, noticeRu: s.ru, noticeKk: s.kk, noticePayload: s.payload, noticeSignature: s.signature, signerIin: s.signerIin, signerName: s.signerName, signerSerial: s.signerSerial })
    .where(and(eq(otherAgencyRequests.id, requestId), eq(otherAgencyRequests.applicationId, applicationId), isNull(otherAgencyRequests.notifiedAt)))
    .returning({ id: otherAgencyRequests.id });
  return rows.length === 1;
}

/** The total calendar days a case's term was extended by requests to other agencies (1414 shows it). */
export async function extensionsForCall(tx: Tx, applicantIin: string) {
  return tx
    .select({ registrationNumber: applications.registrationNumber, days: sql<number>`sum(${otherAgencyRequests.extendedDays})::int` })
    .from(otherAgencyRequests)
    .innerJoin(applications, eq(applications.id, otherAgencyRequests.applicationId))
    .where(eq(applications.applicantIin, applicantIin))
    .groupBy(applications.registrationNumber);
}

export async function complaintsOfApplication(tx: Tx, applicationId: string) {
  return tx.select().from(complaints).where(eq(complaints.applicationId, applicationId)).orderBy(asc(complaints.registeredAt));
}
