/**
 * Complaints about a case (issue 16, ADR 019): filed in the cabinet, through a 1414 agent or on paper at
 * the office; registered with a talon; answered by a draft and the head's ЭЦП. Routes call these.
 */
import { getDb, type Tx } from "../db.server";
import { gatewayIn } from "../gateway.server";
import { queueSms } from "../sms.server";
import { verifyForRequest } from "../signature/trust.server";
import { servesKato, type StaffUser } from "../session.server";
import * as q from "../../db/queries/complaints";
import { listApplicationsOf } from "../../db/queries/applications";
import { findCase } from "../../db/queries/cases";
import type { Application, ComplaintChannel, ComplaintStatus } from "../../db/schema";
import { checkComplaintText, complaintAnswerDue, complaintOverdue, complaintRules, complaintTransition } from "../domain/complaints";
import { kzDate } from "../domain/kz-time";
import { kzCalendar } from "../domain/workdays";
import { answerPayload, complaintsT, type AnswerFacts } from "./text";
import type { Language } from "../../locales";

export const COMPLAINT_TEXT_MAX = complaintRules.text.maxLength;

export type FileInput = {
  application: Application;
  channel: ComplaintChannel;
  text: string;
  language: Language;
  submitKey: string | null;
  /** The staff member who accepted it (1414 agent, office specialist); null for the cabinet. */
  acceptedBy: StaffUser | null;
  /** What the event log records beside the actor (e.g. the call's reference). */
  note?: string | null;
  now: Date;
};

export type FileOutcome = { ok: true; id: string; number: string; repeat: boolean } | { ok: false; errors: Record<string, string> };

/** Registers a complaint and its first event; the same form sent twice makes one complaint. */
export async function fileComplaint(input: FileInput): Promise<FileOutcome> {
  const checked = checkComplaintText(input.text);
  if (!checked.ok) return { ok: false, errors: { text: checked.error === "empty" ? "complaints:errors.textEmpty" : `complaints:errors.textTooLong|${JSON.stringify({ max: COMPLAINT_TEXT_MAX })}` } };
  const { application: app, now } = input;
  if (!app.registrationNumber) return { ok: false, errors: { case: "complaints:errors.case" } };
  const { db } = await getDb();
  const registeredOn = kzDate(now);
  const staff = input.acceptedBy?.staff ?? null;
  const actor = staff ? { label: staff.login, role: staff.role } : { label: app.applicantIin, role: "applicant" };
  const run = () =>
    db.transaction(async (tx) => {
      const office = await q.officeServing(tx, app.katoCode);
      const made = await q.insertComplaint(tx, {
        applicationId: app.id,
        applicantIin: app.applicantIin,
        channel: input.channel,
        text: checked.text,
        language: input.language,
        registeredAt: now,
        registeredOn,
        answerDue: complaintAnswerDue(registeredOn, kzCalendar),
        ruleSource: complaintRules.answer.source.ru,
        acceptedBy: staff?.id ?? null,
        acceptedByNameRu: staff?.fullNameRu ?? complaintsT("ru")("acceptedSelf"),
        acceptedByNameKk: staff?.fullNameKk ?? complaintsT("kk")("acceptedSelf"),
        officeCode: office?.code ?? null,
        submitKey: input.submitKey,
        numberPrefix: complaintRules.numberPrefix,
      });
      if (!made) return null;
      await q.insertComplaintEvent(tx, made.id, now, "registered", actor, input.note ?? null);
      // Told by phone, the talon also comes in writing: an SMS with the number and the answer date.
      if (input.channel === "callcenter") {
        const due = complaintAnswerDue(registeredOn, kzCalendar).split("-").reverse().join(".");
        await smsCitizen(tx, app.applicantIin, input.language, complaintsT(input.language)("sms.registered", { number: made.number, due }), now);
      }
      return made;
    });
  let made: { id: string; number: string } | null;
  try {
    made = await run();
  } catch (error) {
    // Two copies of one form raced past the repeat check: the unique key kept one.
    if (!isUniqueViolation(error) || !input.submitKey) throw error;
    made = null;
  }
  if (made) return { ok: true, ...made, repeat: false };
  const earlier = input.submitKey ? await q.complaintBySubmitKey(db, app.applicantIin, input.submitKey) : null;
  if (!earlier) throw new Error("complaint neither made nor found");
  return { ok: true, id: earlier.id, number: earlier.number, repeat: true };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown };
  return e?.code === "23505" || (e?.cause !== undefined && isUniqueViolation(e.cause));
}

export type ComplaintView = Awaited<ReturnType<typeof complaintView>>;

/** Everything the talon and the complaint's page show (the draft answer only to staff). */
async function complaintView(db: Tx, id: string, forStaff: boolean) {
  const found = await q.complaintById(db, id);
  if (!found) return null;
  const c = found.complaint;
  const events = await q.complaintEventsOf(db, c.id);
  const signed = c.answerPayload ? (JSON.parse(c.answerPayload) as AnswerFacts) : null;
  return {
    id: c.id,
    number: c.number,
    applicationId: c.applicationId,
    applicantIin: c.applicantIin,
    registrationNumber: found.registrationNumber,
    katoCode: found.katoCode,
    channel: c.channel,
    status: c.status as ComplaintStatus,
    text: c.text,
    registeredAt: c.registeredAt.toISOString(),
    answerDue: c.answerDue,
    overdue: complaintOverdue(c.status, c.answerDue, kzDate(new Date())),
    ruleSource: { ru: complaintRules.answer.source.ru === c.ruleSource ? complaintRules.answer.source.ru : c.ruleSource, kk: complaintRules.answer.source.ru === c.ruleSource ? complaintRules.answer.source.kk : c.ruleSource },
    acceptedBy: { ru: c.acceptedByNameRu, kk: c.acceptedByNameKk },
    office: { ru: found.officeRu ?? "", kk: found.officeKk ?? "" },
    events: events.map((e) => ({ id: e.id, at: e.at.toISOString(), event: e.event, ...(forStaff ? { actor: e.actorLabel } : {}) })),
    answer: signed ? { text: signed.answer, signerName: c.signerName, answeredAt: c.answeredAt!.toISOString() } : null,
    draft: forStaff ? c.answerDraft : null,
  };
}

/** The citizen's own complaint; another person's reads as not found. */
export async function citizenComplaint(iin: string, id: string) {
  const { db } = await getDb();
  if (!isUuid(id)) return null;
  const view = await complaintView(db, id, false);
  return view && view.applicantIin === iin ? view : null;
}

export async function citizenComplaints(iin: string) {
  const { db } = await getDb();
  return (await q.complaintsOfApplicant(db, iin)).map(({ complaint: c, registrationNumber }) => ({
    id: c.id, number: c.number, registrationNumber, status: c.status, answerDue: c.answerDue, registeredAt: c.registeredAt.toISOString(),
  }));
}

/** A complaint about a case in the staff member's district; anything else reads as not found. */
export async function staffComplaint(user: StaffUser, id: string) {
  const { db } = await getDb();
  if (!isUuid(id)) return null;
  const view = await complaintView(db, id, true);
  return view && view.katoCode && servesKato(user, view.katoCode) ? view : null;
}

export async function districtComplaints(user: StaffUser) {
  const { db } = await getDb();
  const today = kzDate(new Date());
  return (await q.complaintsForKato(db, user.office.katoPrefix)).map(({ complaint: c, registrationNumber }) => ({
    id: c.id, number: c.number, registrationNumber, status: c.status, channel: c.channel, answerDue: c.answerDue, overdue: complaintOverdue(c.status, c.answerDue, today),
  }));
}

export type StepResult = { ok: true } | { ok: false; errors: Record<string, string> };

/** The specialist or the head saves the answer's draft: the complaint is now under review. */
export async function draftAnswer(user: StaffUser, id: string, raw: string, now: Date): Promise<StepResult> {
  const view = await staffComplaint(user, id);
  if (!view) throw new Response("Not found", { status: 404 });
  if (!complaintTransition(view.status, "draft_answer")) return { ok: false, errors: { form: "complaints:errors.stale" } };
  const checked = checkComplaintText(raw);
  if (!checked.ok) return { ok: false, errors: { answer: checked.error === "empty" ? "complaints:errors.answerEmpty" : `complaints:errors.answerTooLong|${JSON.stringify({ max: COMPLAINT_TEXT_MAX })}` } };
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    if (!(await q.saveAnswerDraft(tx, id, checked.text))) return { ok: false as const, errors: { form: "complaints:errors.stale" } };
    await q.insertComplaintEvent(tx, id, now, "answer_drafted", { label: user.staff.login, role: user.staff.role });
    return { ok: true as const };
  });
}

/** What the head signs: the facts of the answer as drafted, dated today. */
export function answerFactsOf(view: NonNullable<ComplaintView>, now: Date): AnswerFacts | null {
  if (view.status !== "under_review" || !view.draft || !view.registrationNumber) return null;
  return {
    complaintId: view.id,
    complaintNumber: view.number,
    registrationNumber: view.registrationNumber,
    registeredOn: kzDate(new Date(view.registeredAt)),
    answer: view.draft,
    answeredOn: kzDate(now),
  };
}

export type SignResult = { ok: true } | { ok: false; errors: Record<string, string> };

/** The head signs the answer: it is then final, in the cabinet and in 1414, and the applicant gets an SMS. */
export async function signComplaintAnswer(user: StaffUser, id: string, input: { payload: string; jws: string }, now: Date): Promise<SignResult> {
  const view = await staffComplaint(user, id);
  if (!view) throw new Response("Not found", { status: 404 });
  const facts = answerFactsOf(view, now);
  if (!facts || answerPayload(facts) !== input.payload) return { ok: false, errors: { form: "complaints:errors.stale" } };
  const signature = await verifyForRequest({ jws: input.jws, expectedIin: user.staff.iin, expectedPayload: input.payload });
  if (!signature.valid) return { ok: false, errors: { "sign-keyfile": `signature:reasons.${signature.reason}` } };
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const done = await q.signAnswer(tx, id, facts.answer, {
      payload: input.payload, signature: input.jws, signerIin: signature.iin, signerName: signature.commonName ?? null, signerSerial: signature.serialNumber ?? null, answeredBy: user.staff.id, answeredAt: now,
    });
    if (!done) return { ok: false as const, errors: { form: "complaints:errors.stale" } };
    await q.insertComplaintEvent(tx, id, now, "answered", { label: user.staff.login, role: user.staff.role }, signature.serialNumber ?? null);
    const found = await q.complaintById(tx, id);
    const lng = (found?.complaint.language ?? "ru") as Language;
    await smsCitizen(tx, view.applicantIin, lng, complaintsT(lng)("sms.answered", { number: view.number }), now);
    return { ok: true as const };
  });
}

/** Queues an SMS to the person's number in the mobile-citizens registry; none without a number. */
export async function smsCitizen(tx: Tx, iin: string, language: Language, body: string, now: Date) {
  const mobile = await gatewayIn(tx).getMobileNumber(iin);
  if (!mobile) return null;
  return queueSms(tx, { to: mobile.phone, body, purpose: "notice", iin, language, now });
}

export function isUuid(value: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** The citizen's registered applications, the ones a complaint can be about. */
export async function citizenCases(iin: string) {
  const { db } = await getDb();
  return (await listApplicationsOf(db, iin))
    .filter((a) => a.registrationNumber && a.status !== "draft")
    .map((a) => ({ id: a.id, registrationNumber: a.registrationNumber!, status: a.status, dueDate: a.dueDate }));
}

/** The citizen's own registered application by id; someone else's, or none, is null. */
export async function citizenCase(iin: string, id: string) {
  if (!isUuid(id)) return null;
  const { db } = await getDb();
  const app = await findCase(db, id);
  return app && app.applicantIin === iin && app.registrationNumber && app.status !== "draft" ? app : null;
}

/** A registered application by its number (1414 and paper complaints). */
export async function caseByNumber(registrationNumber: string) {
  const { db } = await getDb();
  const app = await q.applicationByNumber(db, registrationNumber);
  return app && app.status !== "draft" ? app : null;
}

/** The registration facts of a complaint just filed (the agent reads them out). */
export async function staffViewOfFiled(id: string) {
  const { db } = await getDb();
  const found = await q.complaintById(db, id);
  if (!found) throw new Error(`complaint ${id} vanished`);
  return { registeredAt: found.complaint.registeredAt.toISOString(), answerDue: found.complaint.answerDue };
}

/** The complaints about one case, for its staff page (access to the case is checked by the caller). */
export async function caseComplaints(applicationId: string) {
  const { db } = await getDb();
  const today = kzDate(new Date());
  return (await q.complaintsOfApplication(db, applicationId)).map((c) => ({
    id: c.id, number: c.number, status: c.status, answerDue: c.answerDue, overdue: complaintOverdue(c.status, c.answerDue, today),
  }));
}
