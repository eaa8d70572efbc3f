import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { demoCitizens } from "../../db/seed/demo-people";
import { runProactiveScan } from "../../sms/scan";
import { handleInboundWebhook, signedWebhookRequest } from "../../sms/inbound.server";
import { runOfferTicks } from "../../sms/offers.server";
import { kzDate } from "../../app/domain/kz-time";

const TOKEN = "inbound-test-token-123";
const BASE = "https://komek.example.kz";
const URL_INBOUND = `${BASE}/sms/inbound`;
/** Monday 23 November 2026, 11:00 in Astana. */
const SCAN_AT = new Date("2026-11-23T06:00:00Z");
const later = (minutes: number) => new Date(SCAN_AT.getTime() + minutes * 60_000);

const citizen = (scenario: string) => demoCitizens.find((c) => c.scenario === scenario)!;
const ru = citizen("proactive_ru"); // Смирнов, +77015550102, Kaspi account on file
const kk = citizen("proactive_kk"); // Әбдірахманова, +77015550106
const portal = citizen("eligible_portal"); // also found by the scan: +77015550101
const stopper = citizen("eligible_portal");

const sid = () => `SM${randomBytes(16).toString("hex")}`;

describe("replies to the proactive offer on POST /sms/inbound", () => {
  let fresh: FreshDb;
  let clock = later(60);
  const ctx = () => ({ db: fresh.db, authToken: TOKEN, publicBaseUrl: BASE, now: () => clock });

  const post = (from: string, body: string, messageSid = sid(), token = TOKEN) =>
    handleInboundWebhook(signedWebhookRequest(URL_INBOUND, { MessageSid: messageSid, From: from, To: "1414", Body: body, AccountSid: "AC1" }, token), ctx());

  const offerOf = async (phone: string) =>
    (await fresh.query<{ id: number; stage: string; application_id: string | null; state: { unclearCount: number; registration?: { number: string } } }>(
      `select id::int, stage, application_id, state from proactive_offers where phone = $1 order by id desc limit 1`,
      [phone],
    ))[0];
  const outbox = async (phone: string) =>
    (await fresh.query<{ body: string; purpose: string }>(`select body, purpose from sms_messages where phone = $1 and direction = 'out' order by id`, [phone]));
  const counts = async () =>
    (await fresh.query<{ messages: number; offers: string }>(
      `select (select count(*)::int from sms_messages) as messages, (select string_agg(id || ':' || stage || ':' || md5(state::text), ',' order by id) from proactive_offers) as offers`,
    ))[0];

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_sms_inbound", max: 20 });
    await seedDemoIfEmpty(fresh.db, { referenceDate: kzDate(SCAN_AT), generatedPersons: 0 });
    const summary = await runProactiveScan(fresh.db, { now: SCAN_AT, cooldownDays: 90 });
    expect(summary.offersCreated).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("consent, then the account on file: registered in the e-journal in proactive format, and the confirmation SMS", async () => {
    clock = later(60);
    const consent = await post(ru.phone!, "Да");
    expect(consent.status).toBe(200);
    expect(consent.headers.get("Content-Type")).toContain("text/xml");
    expect(await consent.text()).toContain("<Response></Response>");
    expect((await offerOf(ru.phone!)).stage).toBe("awaiting_payment");
    const menu = (await outbox(ru.phone!)).at(-1)!;
    expect(menu.body).toMatch(/1 - на счёт \*\w{4}/);

    clock = later(70);
    await post(ru.phone!, " 1. ");
    const offer = await offerOf(ru.phone!);
    expect(offer.stage).toBe("registered");
    const [application] = await fresh.query<{ status: string; channel: string; application_date: string; due_date: string; registration_number: string; kato_code: string; members: number; registered_by: string }>(
      `select a.status, a.channel, a.application_date::text, a.due_date::text, a.registration_number, a.kato_code,
              (select count(*)::int from application_members m where m.application_id = a.id) as members, j.registered_by
         from applications a join registration_journal j on j.application_id = a.id where a.id = $1`,
      [offer.application_id],
    );
    // The application day is the day consent arrived (Monday 23.11.2026); 15 working days later is Monday 14.12.2026.
    expect(application).toEqual({
      status: "registered", channel: "proactive", application_date: "2026-11-23", due_date: "2026-12-14",
      registration_number: expect.stringMatching(/^ASP26-\d{6}$/), kato_code: "355237100", members: 4, registered_by: "system",
    });
    const confirmation = (await outbox(ru.phone!)).at(-1)!;
    expect(confirmation.purpose).toBe("confirmation");
    expect(confirmation.body).toContain(application.registration_number);
    expect(confirmation.body).toContain("14.12.2026");
    expect(offer.state.registration?.number).toBe(application.registration_number);
  });

  it("the same dialogue in Kazakh: ИӘ, the bank list, a bank → registered, confirmed in Kazakh", async () => {
    clock = later(80);
    await post(kk.phone!, "ИӘ");
    expect((await offerOf(kk.phone!)).stage).toBe("awaiting_payment");
    await post(kk.phone!, "3"); // on file / another account / the list
    expect((await offerOf(kk.phone!)).stage).toBe("awaiting_bank");
    const list = (await outbox(kk.phone!)).at(-1)!;
    expect(list.body).toMatch(/^Банк/);
    await post(kk.phone!, "2");
    expect((await offerOf(kk.phone!)).stage).toBe("registered");
    const confirmation = (await outbox(kk.phone!)).at(-1)!;
    expect(confirmation.body).toMatch(/өтініш .* тіркелді/);
  });

  it("a replayed MessageSid is answered 200 and changes nothing", async () => {
    clock = later(90);
    const messageSid = sid();
    await post(portal.phone!, "что это?", messageSid);
    const before = await counts();
    for (let i = 0; i < 3; i++) expect((await post(portal.phone!, "что это?", messageSid)).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it("ten concurrent deliveries of one MessageSid change the state once", async () => {
    clock = later(95);
    const phone = portal.phone!;
    const before = await offerOf(phone);
    const messageSid = sid();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(phone, "непонятно", messageSid)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where provider_sid = $1`, [messageSid]);
    expect(n).toBe(1);
    expect((await offerOf(phone)).state.unclearCount).toBe(before.state.unclearCount + 1);
  });

  it.each([
    ["signed with another token", (from: string) => post(from, "1", sid(), "someone-elses-token")],
    ["with no signature", (from: string) => handleInboundWebhook(new Request(URL_INBOUND, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ MessageSid: sid(), From: from, Body: "1" }) }), ctx())],
    ["with the body changed after signing", (from: string) => {
      const signed = signedWebhookRequest(URL_INBOUND, { MessageSid: sid(), From: from, Body: "2" }, TOKEN);
      return handleInboundWebhook(new Request(URL_INBOUND, { method: "POST", headers: signed.headers, body: new URLSearchParams({ MessageSid: sid(), From: from, Body: "1" }) }), ctx());
    }],
    ["signed for another URL", (from: string) => {
      const signed = signedWebhookRequest("https://evil.example/sms/inbound", { MessageSid: "SMx", From: from, Body: "1" }, TOKEN);
      return handleInboundWebhook(new Request(URL_INBOUND, { method: "POST", headers: signed.headers, body: new URLSearchParams({ MessageSid: "SMx", From: from, Body: "1" }) }), ctx());
    }],
  ])("a webhook %s is refused with 403 and changes nothing", async (_name, send) => {
    const before = await counts();
    const response = await send(portal.phone!);
    expect(response.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("a flood of 300 webhooks with bad signatures changes nothing", async () => {
    const before = await counts();
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => post(i % 2 ? portal.phone! : `+7701${String(i).padStart(7, "0")}`, "1", sid(), `forged-${i}-token`)),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([403]));
    expect(await counts()).toEqual(before);
  });

  it("a number with no offer gets one short answer a day, not one per message", async () => {
    const stranger = "+77479990011";
    await post(stranger, "1");
    await post(stranger, "ДА");
    const answers = await outbox(stranger);
    expect(answers).toHaveLength(1);
    expect(answers[0].body).toContain("нет действующих предложений");
  });

  it("STOP opts out at once and for good: one confirmation, then silence", async () => {
    clock = later(100);
    await post(stopper.phone!, "стоп");
    expect((await offerOf(stopper.phone!)).stage).toBe("opted_out");
    const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_opt_outs where phone = $1`, [stopper.phone]);
    expect(n).toBe(1);
    const after = (await outbox(stopper.phone!)).length;
    await post(stopper.phone!, "1");
    expect((await offerOf(stopper.phone!)).stage).toBe("opted_out");
    expect((await outbox(stopper.phone!)).length).toBe(after);
    // And the next scan does not write to that number again.
    const summary = await runProactiveScan(fresh.db, { now: later(200 * 24 * 60), year: 2026, cooldownDays: 90 });
    const [{ offers }] = await fresh.query<{ offers: number }>(`select count(*)::int as offers from proactive_offers where phone = $1`, [stopper.phone]);
    expect(offers).toBe(1);
    expect(summary.offersCreated).toBeGreaterThanOrEqual(0);
  });
});

describe("time passing: the reminder and the expiry", () => {
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_sms_ticks" });
    await seedDemoIfEmpty(fresh.db, { referenceDate: kzDate(SCAN_AT), generatedPersons: 0 });
    await runProactiveScan(fresh.db, { now: SCAN_AT, cooldownDays: 90 });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  const reminders = async () => (await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where purpose = 'reminder'`))[0].n;
  const offers = async () => (await fresh.query<{ n: number }>(`select count(*)::int as n from proactive_offers`))[0].n;

  it("one reminder per unanswered offer after 48 hours, however often the ticker runs", async () => {
    expect(await runOfferTicks(fresh.db, later(47 * 60))).toBe(0);
    const n = await offers();
    expect(await runOfferTicks(fresh.db, later(49 * 60))).toBe(n);
    expect(await runOfferTicks(fresh.db, later(50 * 60))).toBe(0);
    expect(await reminders()).toBe(n);
  });

  it("after 72 hours the offers expire with a message, and a late reply gets a clear answer and changes nothing", async () => {
    await runOfferTicks(fresh.db, later(73 * 60));
    const stages = await fresh.query<{ stage: string }>(`select distinct stage from proactive_offers`);
    expect(stages).toEqual([{ stage: "expired" }]);
    const response = await handleInboundWebhook(
      signedWebhookRequest(URL_INBOUND, { MessageSid: sid(), From: ru.phone!, Body: "1" }, TOKEN),
      { db: fresh.db, authToken: TOKEN, publicBaseUrl: BASE, now: () => later(80 * 60) },
    );
    expect(response.status).toBe(200);
    const [offer] = await fresh.query<{ stage: string; application_id: string | null }>(`select stage, application_id from proactive_offers where phone = $1`, [ru.phone]);
    expect(offer).toEqual({ stage: "expired", application_id: null });
    const [last] = await fresh.query<{ body: string }>(`select body from sms_messages where phone = $1 and direction = 'out' order by id desc limit 1`, [ru.phone]);
    expect(last.body).toContain("срок предложения соцпомощи истёк");
  });
});
