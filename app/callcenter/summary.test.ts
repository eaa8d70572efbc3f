import { describe, expect, it } from "vitest";
import {
  applicationNextSteps, applicationStage, buildShownOffer, buildSummary, isOverdue, offerAnswer, offerCallStage, offerDelivery, offerNextStep,
  type OfferRow,
} from "./summary";

describe("isOverdue", () => {
  it.each([
    ["due Monday 14 Dec, asked Monday 14 Dec: still on time", "registered", "2026-12-14", "2026-12-14", false],
    ["due Monday 14 Dec, asked Tuesday 15 Dec: overdue", "registered", "2026-12-14", "2026-12-15", true],
    ["a case with the commission, past its due date: overdue", "sent_to_commission", "2026-12-14", "2027-01-04", true],
    ["a signed decision not yet delivered, past its due date: overdue", "decision_signed", "2026-12-14", "2026-12-15", true],
    ["a delivered notice is final, never overdue", "notice_delivered", "2026-12-14", "2027-03-01", false],
    ["a draft has no due date", "draft", null, "2027-03-01", false],
    ["a submission that failed the checks is not registered, so not overdue", "rejected_at_check", "2026-12-14", "2027-03-01", false],
  ] as const)("%s", (_case, status, due, today, expected) => {
    expect(isOverdue(status, due, today)).toBe(expected);
  });
});

describe("applicationStage", () => {
  it.each([
    ["registered", { step: 1, of: 8 }],
    ["sent_to_commission", { step: 2, of: 8 }],
    ["decision_signed", { step: 7, of: 8 }],
    ["notice_delivered", { step: 8, of: 8 }],
    ["draft", null],
    ["rejected_at_check", null],
  ] as const)("places %s at %j", (status, stage) => {
    expect(applicationStage(status)).toEqual(stage);
  });
});

describe("offerDelivery", () => {
  it.each([
    ["queued", "queued"],
    ["sending", "queued"],
    [null, "queued"],
    ["sent", "sent"],
    ["delivered", "delivered"],
    ["undelivered", "not_delivered"],
    ["failed", "not_delivered"],
  ] as const)("reads the SMS status %s as %s", (status, expected) => {
    expect(offerDelivery(status)).toBe(expected);
  });
});

const SENT = "2026-11-23T05:00:00.000Z"; // Monday 23 Nov, 10:00 in Astana
const EXPIRES = "2026-11-26T05:00:00.000Z"; // Thursday 26 Nov, 72 hours later
const before = new Date("2026-11-24T05:00:00Z");
const after = new Date("2026-11-26T05:00:01Z");

const offer = (over: Partial<OfferRow> = {}): OfferRow => ({
  sentAt: SENT, stage: "offered", expiresAt: EXPIRES, declinedAt: null, declineRevocableHours: 24,
  delivery: "delivered", registrationNumber: null, accountTail: "0100", ...over,
});

describe("the offer as the agent tells it", () => {
  it.each([
    ["an open offer before expiry", "offered", before, "offered", "awaiting_reply"],
    ["an open offer past expiry, before the expiry job ran", "offered", after, "expired", "expired"],
    ["a consent waiting for the payment choice", "awaiting_payment", before, "awaiting_payment", "consented"],
    ["a consent waiting for an IBAN", "awaiting_iban", before, "awaiting_payment", "consented"],
    ["a consent waiting for a bank from the list", "awaiting_bank", before, "awaiting_payment", "consented"],
    ["a registered application", "registered", after, "registered", "consented"],
    ["a consent whose registration failed the checks", "not_registered", after, "not_registered", "consented"],
    ["a decline", "declined", before, "declined", "declined"],
    ["an expired offer", "expired", after, "expired", "expired"],
    ["STOP", "opted_out", before, "opted_out", "opted_out"],
  ] as const)("%s reads as stage %s and answer %s", (_case, stage, now, callStage, answer) => {
    const s = offerCallStage({ stage, expiresAt: EXPIRES }, now);
    expect([s, offerAnswer(s)]).toEqual([callStage, answer]);
  });

  it("refuses a stage it does not know rather than guess", () => {
    expect(() => offerCallStage({ stage: "mystery", expiresAt: EXPIRES }, before)).toThrow(/unknown offer stage/);
  });

  it("gives the reply deadline of an open offer and the account only as its last four characters", () => {
    expect(buildShownOffer(offer(), before)).toEqual({
      sentAt: SENT, delivery: "delivered", answer: "awaiting_reply", stage: "offered", replyBy: EXPIRES,
      changeableUntil: null, registrationNumber: null, account: "•••• 0100",
    });
  });

  it("lets a decline be changed within its window, and says so", () => {
    const declined = offer({ stage: "declined", declinedAt: "2026-11-23T06:00:00.000Z" });
    const within = buildShownOffer(declined, new Date("2026-11-24T05:59:00Z"));
    expect(within.changeableUntil).toBe("2026-11-24T06:00:00.000Z");
    expect(offerNextStep(within)).toEqual({ key: "callcenter:next.offer.declined_changeable", params: { until: "2026-11-24T06:00:00.000Z" } });
    const later = buildShownOffer(declined, new Date("2026-11-24T06:00:01Z"));
    expect(later.changeableUntil).toBeNull();
    expect(offerNextStep(later)).toEqual({ key: "callcenter:next.offer.declined" });
  });

  it.each([
    ["an undelivered offer points to the number and the cabinet", offer({ delivery: "failed" }), "callcenter:next.offer.not_delivered"],
    ["a delivered offer asks for the reply", offer(), "callcenter:next.offer.offered"],
    ["a registered offer names the application", offer({ stage: "registered", registrationNumber: "ASP26-000004" }), "callcenter:next.offer.registered"],
    ["an expired offer points to the portal", offer({ stage: "expired" }), "callcenter:next.offer.expired"],
    ["STOP points to the portal", offer({ stage: "opted_out" }), "callcenter:next.offer.opted_out"],
    ["an offer closed by a registration elsewhere says nothing is needed", offer({ stage: "closed_registered" }), "callcenter:next.offer.closed_registered"],
  ])("%s", (_case, row, key) => {
    expect(offerNextStep(buildShownOffer(row, before)).key).toBe(key);
  });
});

describe("applicationNextSteps", () => {
  const app = { number: "ASP26-000001", status: "registered" as const, channel: "portal" as const, applicationDate: "2026-11-23", dueDate: "2026-12-14", stage: { step: 1, of: 8 }, account: null };

  it("tells the caller what the status means, with the due date", () => {
    expect(applicationNextSteps({ ...app, overdue: false })).toEqual([{ key: "decision:status.registered.next", params: { dueDate: "2026-12-14" } }]);
  });

  it("puts an overdue case first, so the agent apologises and files a complaint", () => {
    expect(applicationNextSteps({ ...app, overdue: true }).map((m) => m.key)).toEqual(["callcenter:next.overdue", "decision:status.registered.next"]);
  });
});

describe("buildSummary", () => {
  it("says nothing was found when there is no person, application or offer", () => {
    expect(buildSummary({ person: null, applications: [], offers: [] }, before)).toEqual({ version: 1, subject: null, applications: [], offers: [] });
    expect(buildSummary(null, before).subject).toBeNull();
  });

  it("names the person by initials in both languages", () => {
    const summary = buildSummary(
      { person: { firstRu: "Г", patronymicRu: "М", lastRu: "А", firstKk: "Г", patronymicKk: "М", lastKk: "Ә" }, applications: [], offers: [] },
      before,
    );
    expect(summary.subject).toEqual({ initials: { ru: "Г. М. А.", kk: "Г. М. Ә." } });
  });
});
