/**
 * What 1414 tells the caller to do next, as a pure function of everything the look-up shows (issue 16).
 * One offer's advice depends on the rest of the person's file: an offer that lapsed, was declined or
 * was stopped says nothing about applying again when an application is registered — through the offer,
 * the portal, the Centre or the akim — or when the recipient had already answered it.
 */
import { isFinal } from "../domain/workflow";
import { kzDate } from "../domain/kz-time";
import { complaintOverdue } from "../domain/complaints";
import { applicationNextSteps, grantNextStep, offerNextStep, type Message, type ShownApplication, type ShownComplaint, type ShownOffer, type ShownSummary } from "./summary";

export type SummaryAdvice = {
  /** Per application, in the summary's order. */
  applications: Message[][];
  /** Per offer, in the summary's order. */
  offers: Message[];
  /** Per complaint, in the summary's order. */
  complaints: Message[];
  /** Per holiday or by-list decision (issue 14), in the summary's order. */
  grants: Message[];
};

const NOT_REGISTERED = new Set(["draft", "rejected_at_check"]);

/** The registered application still open (not yet decided and delivered), newest first, if any. */
export function openRegisteredApplication(applications: readonly ShownApplication[]): ShownApplication | null {
  return applications.find((a) => a.number && !NOT_REGISTERED.has(a.status) && !isFinal(a.status)) ?? null;
}

/** Stages whose own advice would send the caller to apply (portal, Centre) or to answer the SMS. */
const WOULD_SEND_TO_APPLY = new Set(["offered", "declined", "expired", "opted_out", "not_registered"]);

export function offerAdvice(o: ShownOffer, applications: readonly ShownApplication[]): Message {
  if (WOULD_SEND_TO_APPLY.has(o.stage)) {
    // The offer's own registration first (a STOP after registration), then any open application.
    const number = o.registrationNumber ?? openRegisteredApplication(applications)?.number ?? null;
    if (number) return { key: "complaints:advice.offer_covered", params: { number } };
    if (o.stage === "opted_out" && o.consented) return { key: "complaints:advice.opted_out_answered" };
  }
  return offerNextStep(o);
}

export function summaryAdvice(summary: ShownSummary): SummaryAdvice {
  return {
    applications: summary.applications.map((a) => {
      const extension = extensionAdvice(a);
      return extension ? [extension, ...applicationNextSteps(a)] : applicationNextSteps(a);
    }),
    offers: summary.offers.map((o) => offerAdvice(o, summary.applications)),
    complaints: (summary.complaints ?? []).map(complaintAdvice),
    grants: (summary.grants ?? []).map(grantNextStep),
  };
}

export type ComplaintRow = {
  number: string;
  registrationNumber: string | null;
  channel: ShownComplaint["channel"];
  status: ShownComplaint["status"];
  registeredOn: string;
  answerDue: string;
  answeredAt: Date | string | null;
  answer?: string | null;
};

/** The summary with the person's complaints and each application's extension (issue 16). Pure. */
export function withComplaints(summary: ShownSummary, complaints: readonly ComplaintRow[], extensions: readonly { registrationNumber: string | null; days: number }[], now: Date): ShownSummary {
  const today = kzDate(now);
  const days = new Map(extensions.map((e) => [e.registrationNumber, Number(e.days)]));
  return {
    ...summary,
    applications: summary.applications.map((a) => (a.number && days.get(a.number) ? { ...a, extendedDays: days.get(a.number)! } : a)),
    complaints: complaints.map((c) => ({
      number: c.number,
      registrationNumber: c.registrationNumber,
      channel: c.channel,
      status: c.status,
      registeredOn: c.registeredOn,
      answerDue: c.answerDue,
      overdue: complaintOverdue(c.status, c.answerDue, today),
      answeredAt: c.answeredAt ? new Date(c.answeredAt).toISOString() : null,
      answer: c.answer ?? null,
    })),
  };
}

/** What the agent says about a complaint: when the answer is due, that it is late, or that it is answered. */
export function complaintAdvice(c: ShownComplaint): Message {
  if (c.status === "answered") return { key: "complaints:advice.complaint_answered", params: { number: c.number, date: c.answeredAt ?? "" } };
  if (c.overdue) return { key: "complaints:advice.complaint_overdue", params: { number: c.number, due: c.answerDue } };
  return { key: `complaints:advice.complaint_${c.status}`, params: { number: c.number, due: c.answerDue } };
}

/** The extension, when there is one, before the status's own advice. */
export function extensionAdvice(a: ShownApplication): Message | null {
  return a.extendedDays && a.dueDate ? { key: "complaints:advice.extended", params: { days: String(a.extendedDays), dueDate: a.dueDate } } : null;
}
