/**
 * 1414's advice for every state of a person's case and offer (issue 16): a pure function of what the
 * look-up shows. It never tells someone to apply again when an application is registered or the offer
 * was answered — not even after STOP.
 */
import { describe, expect, it } from "vitest";
import { buildShownOffer, buildSummary, offerNextStep, type ApplicationRow, type OfferRow } from "./summary";
import { summaryAdvice } from "./advice";

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
