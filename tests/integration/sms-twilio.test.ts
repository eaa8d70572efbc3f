import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import twilio from "twilio";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { queueSms } from "../../db/queries/sms";
import { startSmsWorker, type SmsWorker } from "../../sms/worker.server";
import { createTwilioTransport } from "../../sms/transports";
import { handleStatusWebhook, signedWebhookRequest } from "../../sms/inbound.server";
import { eventually, startFakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, TEST_SERVICE_SID, type FakeTwilio } from "./sms-fake-twilio";

const CALLBACK = "https://komek.example.kz/sms/status";

describe("sending SMS through Twilio from the outbox", () => {
  let fresh: FreshDb;
  let fake: FakeTwilio;
  let worker: SmsWorker | null = null;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_sms_twilio" });
    fake = await startFakeTwilio();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    fake.requests.length = 0;
    fake.onRequest = null;
  });
  afterAll(async () => {
    await fake.close();
    await fresh.drop();
  });

  const start = (overrides: Partial<Parameters<typeof startSmsWorker>[1]> = {}) =>
    startSmsWorker(fresh, {
      transport: createTwilioTransport({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN, messagingServiceSid: TEST_SERVICE_SID, apiBaseUrl: fake.url }),
      ratePerSecond: 50,
      statusCallbackUrl: CALLBACK,
      connectionString: fresh.url,
      sweepIntervalMs: 200,
      retryDelaySeconds: 1,
      ...overrides,
    });

  const statusOf = async (id: number) => (await fresh.query<{ status: string }>(`select status from sms_messages where id = $1`, [id]))[0].status;

  it("posts To, Body, the messaging service and the status callback with the account's basic auth", async () => {
    const id = (await queueSms(fresh.db, { to: "+77015550102", body: "Код: 123456", purpose: "otp", language: "ru", iin: "820903340019" }))!;
    worker = await start();
    await eventually(async () => (await statusOf(id)) === "sent");
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      accountSid: TEST_ACCOUNT_SID,
      username: TEST_ACCOUNT_SID,
      password: TEST_AUTH_TOKEN,
      form: { To: "+77015550102", Body: "Код: 123456", MessagingServiceSid: TEST_SERVICE_SID, StatusCallback: CALLBACK },
    });
    const [row] = await fresh.query<{ provider_sid: string; attempts: number }>(`select provider_sid, attempts from sms_messages where id = $1`, [id]);
    expect(row.provider_sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(row.attempts).toBe(1);
  });

  it("a message queued in a transaction that rolls back is never sent", async () => {
    worker = await start();
    await fresh.db
      .transaction(async (tx) => {
        await queueSms(tx, { to: "+77015550109", body: "never", purpose: "notice", language: "ru" });
        throw new Error("rollback");
      })
      .catch(() => {});
    const kept = (await queueSms(fresh.db, { to: "+77015550109", body: "kept", purpose: "notice", language: "ru" }))!;
    await eventually(async () => (await statusOf(kept)) === "sent");
    expect(fake.requests.map((r) => r.form.Body)).toEqual(["kept"]);
  });

  it.each([
    ["429 Too Many Requests", 429],
    ["503 Service Unavailable", 503],
  ])("retries after %s with backoff and then sends once", async (_name, status) => {
    fake.script({ status }, { status });
    const id = (await queueSms(fresh.db, { to: "+77015550110", body: `retry ${status}`, purpose: "offer", language: "ru" }))!;
    worker = await start();
    await eventually(async () => (await statusOf(id)) === "sent", 30_000);
    const attempts = fake.requests.filter((r) => r.form.Body === `retry ${status}`);
    expect(attempts).toHaveLength(3);
    // Exponential backoff: the second wait is not shorter than the first.
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(900);
    const [row] = await fresh.query<{ attempts: number; last_error: string | null }>(`select attempts, last_error from sms_messages where id = $1`, [id]);
    expect(row).toEqual({ attempts: 3, last_error: null });
  }, 60_000);

  it("a 400 refusal is final: failed at once, no retry", async () => {
    fake.script({ status: 400, code: 21211 });
    const id = (await queueSms(fresh.db, { to: "+77015550111", body: "bad number", purpose: "offer", language: "ru" }))!;
    worker = await start();
    await eventually(async () => (await statusOf(id)) === "failed");
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.requests.filter((r) => r.form.Body === "bad number")).toHaveLength(1);
    const [row] = await fresh.query<{ last_error: string }>(`select last_error from sms_messages where id = $1`, [id]);
    expect(row.last_error).toContain("21211");
  });

  it("keeps to the configured rate: 5 per second spreads 6 messages over at least a second", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await queueSms(fresh.db, { to: `+7701555012${i}`, body: `rate ${i}`, purpose: "offer", language: "ru" }))!);
    worker = await start({ ratePerSecond: 5 });
    await eventually(async () => (await Promise.all(ids.map(statusOf))).every((s) => s === "sent"));
    const times = fake.requests.filter((r) => r.form.Body.startsWith("rate ")).map((r) => r.at);
    expect(times).toHaveLength(6);
    expect(times[5] - times[0]).toBeGreaterThanOrEqual(950);
  });

  describe("delivery reports on POST /sms/status", () => {
    const url = "https://komek.example.kz/sms/status";
    const ctx = () => ({ db: fresh.db, authToken: TEST_AUTH_TOKEN, publicBaseUrl: "https://komek.example.kz" });
    const report = (sid: string, status: string, token = TEST_AUTH_TOKEN) =>
      handleStatusWebhook(signedWebhookRequest(url, { MessageSid: sid, MessageStatus: status, AccountSid: TEST_ACCOUNT_SID }, token), ctx());

    it("records delivered, and a late 'sent' does not move it back", async () => {
      const id = (await queueSms(fresh.db, { to: "+77015550130", body: "report", purpose: "offer", language: "ru" }))!;
      worker = await start();
      await eventually(async () => (await statusOf(id)) === "sent");
      const [{ provider_sid: sid }] = await fresh.query<{ provider_sid: string }>(`select provider_sid from sms_messages where id = $1`, [id]);
      expect((await report(sid, "delivered")).status).toBe(204);
      expect(await statusOf(id)).toBe("delivered");
      await report(sid, "sent");
      expect(await statusOf(id)).toBe("delivered");
    });

    it("refuses a report signed with another token and changes nothing", async () => {
      const id = (await queueSms(fresh.db, { to: "+77015550131", body: "report 2", purpose: "offer", language: "ru" }))!;
      worker = await start();
      await eventually(async () => (await statusOf(id)) === "sent");
      const [{ provider_sid: sid }] = await fresh.query<{ provider_sid: string }>(`select provider_sid from sms_messages where id = $1`, [id]);
      expect((await report(sid, "failed", "another-token-000")).status).toBe(403);
      expect(await statusOf(id)).toBe("sent");
    });

    it("Twilio's own validator accepts what the tests sign (the signing is Twilio's, not ours)", () => {
      const params = { MessageSid: "SM1", MessageStatus: "delivered" };
      const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, params);
      expect(twilio.validateRequest(TEST_AUTH_TOKEN, signature, url, params)).toBe(true);
    });
  });
});
