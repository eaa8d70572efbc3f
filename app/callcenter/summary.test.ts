import { describe, expect, it } from "vitest";
import { WORKFLOW_STATES } from "../domain/workflow";
import ruCallcenter from "../../locales/ru/callcenter.json";
import kkCallcenter from "../../locales/kk/callcenter.json";
import {
  buildShownApplication, buildShownGrant, grantNextStep,
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

describe("local assistance and list decisions at 1414 (issue 14)", () => {
  const row = { registrationNumber: "LSA25-000007", status: "registered" as const, channel: "portal" as const, applicationDate: "2025-10-01", dueDate: "2025-10-13", accountTail: null };
  const now = new Date("2025-10-02T06:00:00Z");

  it("a local case carries its service and category; an ASP row stays as it was", () => {
    const local = buildShownApplication({ ...row, service: "local", local: { code: "8.3.2", name: { ru: "Операция", kk: "Операция" } } }, now);
    expect(local).toMatchObject({ service: "local", local: { code: "8.3.2" } });
    const asp = buildShownApplication({ ...row, registrationNumber: "ASP25-000007", service: "asp", local: null }, now);
    expect(asp).not.toHaveProperty("service");
    expect(asp).not.toHaveProperty("local");
  });

  it.each(WORKFLOW_STATES.map((s) => [s]))("a local case in status %s gets the local advice, worded in ru and kk", (status) => {
    const shown = buildShownApplication({ ...row, status, service: "local" }, now);
    const [last] = applicationNextSteps(shown).slice(-1);
    expect(last.key).toBe(`callcenter:next.local.${status}`);
    expect((ruCallcenter.next.local as Record<string, string>)[status]).toBeTruthy();
    expect((kkCallcenter.next.local as Record<string, string>)[status]).toMatch(/[әғқңөұүһі]/i);
  });

  const act = {
    occasions: [{ date: "05-09", nameRu: "День Победы", nameKk: "Жеңіс күні" }],
    categories: [{ code: "7.5.5", nameRu: "Блокада", nameKk: "Қоршау" }],
  };
  const grant = { number: "L3-000002", decidedOn: "2026-04-27", paymentDate: "2026-05-05", totalTenge: 200000, kind: "holiday" as const, subject: "05-09", lines: [{ code: "7.5.5", amount: 200000 }] };

  it.each([
    ["Monday 4 May, the day before the payment date: nothing to do", "2026-05-04T06:00:00Z", false, "callcenter:next.grant.awaiting"],
    ["Tuesday 5 May, the payment date itself: still nothing to do", "2026-05-05T06:00:00Z", false, "callcenter:next.grant.awaiting"],
    ["Wednesday 6 May, after the payment date: where to ask", "2026-05-06T06:00:00Z", true, "callcenter:next.grant.due_passed"],
  ])("%s", (_case, at, duePassed, key) => {
    const shown = buildShownGrant(grant, act, new Date(at));
    expect(shown).toMatchObject({ what: { ru: "День Победы", kk: "Жеңіс күні" }, lines: [{ name: { ru: "Блокада", kk: "Қоршау" }, amountTenge: 200000 }], duePassed });
    expect(grantNextStep(shown)).toEqual({ key, params: { date: "2026-05-05" } });
  });

  it("without the act's file the codes stand in for the names", () => {
    expect(buildShownGrant(grant, null, now)).toMatchObject({ what: { ru: "05-09", kk: "05-09" }, lines: [{ name: { ru: "7.5.5", kk: "7.5.5" } }] });
  });
});
