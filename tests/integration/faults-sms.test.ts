import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import twilio from "twilio";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { seedReferenceData, loadPopulation } from "../../db/seed/load";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { demoCitizens } from "../../db/seed/demo-people";
import { runProactiveScan } from "../../sms/scan";
import { handleInboundWebhook, signedWebhookRequest } from "../../sms/inbound.server";
import { kzDate } from "../../app/domain/kz-time";
import { eventually, startFakeTwilio, startRecoveryWorker, type FakeTwilio } from "./sms-fake-twilio";

// Extends sms-worker-crash.test.ts (queued messages, one crash) to real offers from the scan and two
// crashes in a row, each with a different message in flight.
describe.skipIf(!process.env.DATABASE_URL)("the SMS worker killed twice mid-batch while offers go out (PostgreSQL)", () => {
  let fresh: FreshDb;
  let fake: FakeTwilio;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_faults_sms" });
    fake = await startFakeTwilio();
  });
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await fake.close();
    await fresh.drop();
  });

  /** Starts a worker process and kills it with SIGKILL while its `killAt`-th request is with the provider. */
  function workerKilledAt(killAt: number): Promise<string> {
    const first = fake.requests.length;
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/integration/sms-worker-child.ts")], {
        env: { ...process.env, DATABASE_URL: fresh.url, FAKE_TWILIO_URL: fake.url },
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
      fake.onRequest = (request) => {
        if (fake.requests.length - first !== killAt) return;
        fake.onRequest = null;
        fake.script({ hang: true });
        child.once("exit", () => resolve(request.form.To));
        child.kill("SIGKILL");
      };
    });
  }

  it("loses no offer, and the only offers sent twice are the two that were in flight at each death", async () => {
    const now = new Date();
    await seedReferenceData(fresh.db);
    await loadPopulation(fresh, { seed: 7, persons: 3_000, referenceDate: kzDate(now) });
    const scan = await runProactiveScan(fresh.db, { now, cooldownDays: 90 });
    expect(scan.offersCreated).toBeGreaterThanOrEqual(30);

    const inFlight = [await workerKilledAt(9), await workerKilledAt(6)];

    // A third worker picks up: the dead workers' jobs expire after 3 s and come back.
    const worker = await startRecoveryWorker(fresh, fake, 200);
    try {
      await eventually(async () => {
        const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where purpose = 'offer' and status <> 'sent'`);
        return n === 0;
      }, 60_000);
    } finally {
      await worker.stop();
    }

    const offers = await fresh.query<{ id: number; phone: string }>(`select id::int, trim(phone) as phone from proactive_offers order by id`);
    const sends = new Map<string, number>();
    for (const r of fake.requests) sends.set(r.form.To, (sends.get(r.form.To) ?? 0) + 1);
    const twice = offers.filter((o) => (sends.get(o.phone) ?? 0) > 1);
    console.info(
      `crash test with offers: ${offers.length} offers, ${fake.requests.length} requests to the provider; sent twice: ` +
        (twice.map((o) => `offer ${o.id} to ${o.phone}`).join(", ") || "none"),
    );
    expect(offers.filter((o) => !sends.has(o.phone))).toEqual([]);
    expect(twice.map((o) => o.phone).sort()).toEqual([...new Set(inFlight)].sort());
    for (const o of offers) expect(sends.get(o.phone)).toBe(1 + inFlight.filter((p) => p === o.phone).length);
  }, 120_000);
});

describe("a flood of webhooks with bad signatures", () => {
  const TOKEN = "flood-test-token-123";
  const BASE = "https://komek.example.kz";
  const INBOUND = `${BASE}/sms/inbound`;
  const SCAN_AT = new Date("2026-11-23T06:00:00Z");
  let fresh: FreshDb;
  const ctx = () => ({ db: fresh.db, authToken: TOKEN, publicBaseUrl: BASE, now: () => new Date(SCAN_AT.getTime() + 3_600_000) });
  const phone = demoCitizens.find((c) => c.scenario === "proactive_ru")!.phone!;
  const snapshot = async () =>
    (await fresh.query<Record<string, string | number>>(
      `select (select count(*)::int from sms_messages) as messages,
              (select count(*)::int from sms_opt_outs) as opt_outs,
              (select count(*)::int from applications) as applications,
              (select string_agg(id || ':' || stage || ':' || md5(state::text), ',' order by id) from proactive_offers) as offers`,
    ))[0];

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_faults_flood", max: 20 });
    await seedDemoIfEmpty(fresh.db, { referenceDate: kzDate(SCAN_AT), generatedPersons: 0 });
    expect((await runProactiveScan(fresh.db, { now: SCAN_AT, cooldownDays: 90 })).offersCreated).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  /** Ways to get the signature wrong, each with a reply that would change the offer if it were believed. */
  const forgeries: [string, (i: number) => Request][] = [
    ["signed with another token", (i) => signedWebhookRequest(INBOUND, params(i, "Да"), "not-the-token-000")],
    ["signed for another URL", (i) => withSignature(params(i, "Да"), twilio.getExpectedTwilioSignature(TOKEN, `${BASE}/sms/other`, params(i, "Да")))],
    ["body changed after signing", (i) => withSignature(params(i, "STOP"), twilio.getExpectedTwilioSignature(TOKEN, INBOUND, params(i, "Да")))],
    ["no signature header", (i) => new Request(INBOUND, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params(i, "Да")) })],
    ["garbage signature", (i) => withSignature(params(i, "1"), "x".repeat(28))],
    ["empty signature", (i) => withSignature(params(i, "Да"), "")],
    ["JSON instead of a form", (i) => new Request(INBOUND, { method: "POST", headers: { "Content-Type": "application/json", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(TOKEN, INBOUND, params(i, "Да")) }, body: JSON.stringify(params(i, "Да")) })],
  ];
  function params(i: number, body: string) {
    return { MessageSid: `SMflood${String(i).padStart(26, "0")}`, From: phone, To: "1414", Body: body, AccountSid: "AC1" };
  }
  function withSignature(p: Record<string, string>, signature: string) {
    return new Request(INBOUND, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature }, body: new URLSearchParams(p) });
  }

  it("answers every forged request 403 and changes nothing; a genuine reply afterwards still works", async () => {
    const before = await snapshot();
    const statuses = new Map<string, number[]>();
    for (let round = 0; round < 15; round++) {
      const responses = await Promise.all(forgeries.map(async ([name, make], k) => [name, (await handleInboundWebhook(make(round * 10 + k), ctx())).status] as const));
      for (const [name, status] of responses) statuses.set(name, [...(statuses.get(name) ?? []), status]);
    }
    for (const [name, list] of statuses) expect({ name, statuses: [...new Set(list)] }).toEqual({ name, statuses: [403] });
    expect(await snapshot()).toEqual(before);

    const genuine = await handleInboundWebhook(signedWebhookRequest(INBOUND, params(9999, "Да"), TOKEN), ctx());
    expect(genuine.status).toBe(200);
    expect(genuine.outcome).toMatchObject({ kind: "applied", stage: "awaiting_payment" });
  });
});
