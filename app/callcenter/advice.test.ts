/**
 * 1414's advice for every state of a person's case and offer (issue 16): a pure function of what the
 * look-up shows. It never tells someone to apply again when an application is registered or the offer
 * was answered — not even after STOP.
 */
import { describe, expect, it } from "vitest";
import { buildShownOffer, buildSummary, offerNextStep, type ApplicationRow, type OfferRow } from "./summary";
import { summaryAdvice, withComplaints } from "./advice";

const SENT = "2026-11-23T05:00:00.000Z";
const EXPIRES = "2026-11-26T05:00:00.000Z";
const before = new Date("2026-11-24T05:00:00Z");
const after = new Date("2026-11-27T05:00:00Z");

const offer = (over: Partial<OfferRow> = {}): OfferRow => ({
  sentAt: SENT, stage: "offered", expiresAt: EXPIRES, declinedAt: null, declineRevocableHours: 24,
  delivery: "delivered", registrationNumber: null, accountTail: null, consentAt: null, ...over,
});
const application = (over: Partial<ApplicationRow> = {}): ApplicationRow => ({
  registrationNumber: "ASP26-000007", status: "registered", channel: "portal", applicationDate: "2026-11-23", dueDate: "2026-12-14", accountTail: null, ...over,
});

const APPLY_AGAIN = /next\.offer\.(not_registered|declined|expired|opted_out|not_delivered)$/;

function offerAdviceKey(offers: OfferRow[], applications: ApplicationRow[], now: Date): string {
  const summary = buildSummary({ person: null, applications, offers }, now);
  return summaryAdvice(summary).offers[0]!.key;
}

describe("1414 advice about an offer, for each state of the case", () => {
  it.each([
    // [case, offer, applications, now, expected key]
    ["open offer, nothing registered", offer(), [], before, "callcenter:next.offer.offered"],
    ["undelivered offer, nothing registered", offer({ delivery: "failed" }), [], before, "callcenter:next.offer.not_delivered"],
    ["consent waiting for the payment choice", offer({ stage: "awaiting_payment", consentAt: SENT }), [], before, "callcenter:next.offer.awaiting_payment"],
    ["registered through the offer", offer({ stage: "registered", consentAt: SENT, registrationNumber: "ASP26-000007" }), [application({ channel: "proactive" })], after, "callcenter:next.offer.registered"],
    ["STOP after registration", offer({ stage: "opted_out", consentAt: SENT, registrationNumber: "ASP26-000007" }), [application({ channel: "proactive" })], after, "complaints:advice.offer_covered"],
    ["STOP after consent, before registration", offer({ stage: "opted_out", consentAt: SENT }), [], after, "complaints:advice.opted_out_answered"],
    ["STOP with nothing answered and nothing registered", offer({ stage: "opted_out" }), [], after, "callcenter:next.offer.opted_out"],
    ["STOP while a portal application is registered", offer({ stage: "opted_out" }), [application()], after, "complaints:advice.offer_covered"],
    ["decline while a Centre application is registered", offer({ stage: "declined", declinedAt: SENT }), [application({ channel: "centre" })], after, "complaints:advice.offer_covered"],
    ["expired while an application is registered", offer({ stage: "expired" }), [application()], after, "complaints:advice.offer_covered"],
    ["expired, nothing registered", offer({ stage: "expired" }), [], after, "callcenter:next.offer.expired"],
    ["undelivered while an application is registered", offer({ delivery: "failed" }), [application()], before, "complaints:advice.offer_covered"],
    ["only a draft on the portal: the offer still asks for a reply", offer(), [application({ status: "draft", registrationNumber: null, dueDate: null })], before, "callcenter:next.offer.offered"],
    ["closed by a registration elsewhere", offer({ stage: "closed_registered" }), [application()], after, "callcenter:next.offer.closed_registered"],
    ["registration failed the checks, nothing else", offer({ stage: "not_registered", consentAt: SENT }), [], after, "callcenter:next.offer.not_registered"],
  ] as const)("%s", (_case, row, apps, now, key) => {
    expect(offerAdviceKey([row], [...apps], now)).toBe(key);
  });

  it("never says apply again when an application is registered or the offer was answered", () => {
    for (const stage of ["offered", "declined", "expired", "opted_out", "not_registered"] as const) {
      expect(offerAdviceKey([offer({ stage, delivery: "failed" })], [application()], after)).not.toMatch(APPLY_AGAIN);
      if (stage !== "offered") expect(offerAdviceKey([offer({ stage, consentAt: SENT, registrationNumber: "ASP26-000007" })], [], after)).not.toMatch(APPLY_AGAIN);
    }
    expect(offerAdviceKey([offer({ stage: "opted_out", consentAt: SENT })], [], after)).not.toMatch(APPLY_AGAIN);
  });

  it("names the registered application the offer is covered by", () => {
    const summary = buildSummary({ person: null, applications: [application({ registrationNumber: "ASP26-000042" })], offers: [offer({ stage: "opted_out" })] }, after);
    expect(summaryAdvice(summary).offers[0]).toEqual({ key: "complaints:advice.offer_covered", params: { number: "ASP26-000042" } });
  });

  it("keeps the single-offer advice for an offer alone", () => {
    expect(offerNextStep(buildShownOffer(offer({ stage: "opted_out" }), after)).key).toBe("callcenter:next.offer.opted_out");
  });
});

describe("1414 advice about an application, for each state", () => {
  const states = ["draft", "rejected_at_check", "registered", "sent_to_commission", "survey_recorded", "specialist_assigned", "income_computed", "decision_drafted", "decision_signed", "notice_delivered"] as const;
  it.each(states)("%s: the status's own next step, after the extension when the term was extended", (status) => {
    const registered = status !== "draft" && status !== "rejected_at_check";
    const row = application({ status, registrationNumber: registered ? "ASP26-000007" : null, dueDate: registered ? "2027-01-03" : null });
    const plain = summaryAdvice(buildSummary({ person: null, applications: [row], offers: [] }, before)).applications[0]!;
    expect(plain.map((m) => m.key)).toEqual([`decision:status.${status}.next`]);
    const summary = buildSummary({ person: null, applications: [row], offers: [] }, before);
    const extended = { ...summary, applications: summary.applications.map((a) => ({ ...a, extendedDays: 20 })) };
    const keys = summaryAdvice(extended).applications[0]!.map((m) => m.key);
    expect(keys).toEqual(registered ? ["complaints:advice.extended", `decision:status.${status}.next`] : [`decision:status.${status}.next`]);
  });

  it.each([
    ["registered", "2026-11-30", "2026-11-24", "complaints:advice.complaint_registered"],
    ["under_review", "2026-11-30", "2026-11-24", "complaints:advice.complaint_under_review"],
    ["under_review", "2026-11-23", "2026-11-24", "complaints:advice.complaint_overdue"],
    ["answered", "2026-11-23", "2026-11-24", "complaints:advice.complaint_answered"],
  ] as const)("a complaint %s, due %s, asked %s: %s", (status, due, today, key) => {
    const summary = withComplaints(buildSummary({ person: null, applications: [application()], offers: [] }, before), [
      { number: "CMP26-000001", registrationNumber: "ASP26-000007", channel: "cabinet", status, registeredOn: "2026-11-23", answerDue: due, answeredAt: status === "answered" ? "2026-11-24T06:00:00Z" : null, answer: status === "answered" ? "Ответ" : null },
    ], [], new Date(`${today}T06:00:00Z`));
    expect(summaryAdvice(summary).complaints[0]!.key).toBe(key);
    expect(summary.complaints![0]!.answer).toBe(status === "answered" ? "Ответ" : null);
  });
});
