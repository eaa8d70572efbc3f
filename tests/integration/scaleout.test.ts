import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import twilio from "twilio";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedReferenceData, loadPopulation } from "../../db/seed/load";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import { runProactiveScan } from "../../sms/scan";
import { kzDate } from "../../app/domain/kz-time";
import { resetEnv } from "../../app/env.server";
import { installBenchPki, prepareSubmissions, type PreparedSubmission } from "../../bench/workloads/submit";
import { startPortal, type Server } from "../../bench/http";
import { sessionCookie, csrfFor } from "../support/session";
import { eventually, startFakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, TEST_SERVICE_SID, type FakeTwilio } from "./sms-fake-twilio";

/** The address Twilio and browsers use: the load balancer in front of both processes. */
const PUBLIC = "https://komek.example.kz";
/** Shared by both processes and this test (which signs the citizens' session cookies). */
const SESSION_SECRET = "komek-scaleout-session-secret-0123456789";
const PORTS = [Number(process.env.SCALEOUT_PORT ?? 3310), Number(process.env.SCALEOUT_PORT ?? 3310) + 1];

/**
 * Two `komek serve` processes, each with its SMS worker (SMS_WORKER=1), on one fresh PostgreSQL
 * database — the way a deployment scales out behind a load balancer. The test plays the balancer:
 * it spreads requests over both, and sends some to both at once.
 */
describe.skipIf(!process.env.DATABASE_URL)("two portal processes and two SMS workers on one PostgreSQL", () => {
  let fresh: FreshDb;
  let fake: FakeTwilio;
  let dataDir: string;
  let servers: Server[] = [];
  let prepared: PreparedSubmission[];
  let offers = 0;

  beforeAll(async () => {
    process.env.SESSION_SECRET = SESSION_SECRET;
    resetEnv();
    if (!fs.existsSync(path.resolve("build/index.js"))) {
      const built = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "ignore" });
      if (built.status !== 0) throw new Error("remix build failed");
    }
    fresh = await createFreshDb({ prefix: "komek_scaleout" });
    setDb(fresh);
    fake = await startFakeTwilio();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-scaleout-"));
    const ca = await installBenchPki(dataDir);

    // Offers are queued before the processes start, so both sweepers find the same outbox full.
    const now = new Date();
    await seedReferenceData(fresh.db);
    await loadPopulation(fresh, { seed: 11, persons: 3_000, referenceDate: kzDate(now) });
    offers = (await runProactiveScan(fresh.db, { now, cooldownDays: 90 })).offersCreated;
    expect(offers).toBeGreaterThanOrEqual(30);
    prepared = await prepareSubmissions(fresh, ca, 24, now);
    expect(prepared.length).toBe(24);

    servers = await Promise.all(
      PORTS.map((port) =>
        startPortal(port, fresh.url!, {
          SMS_WORKER: "1",
          TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
          TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
          TWILIO_MESSAGING_SERVICE_SID: TEST_SERVICE_SID,
          TWILIO_API_BASE_URL: fake.url,
          SMS_RATE_PER_SECOND: "100",
          PUBLIC_BASE_URL: PUBLIC,
          SESSION_SECRET,
          KOMEK_DATA_DIR: dataDir,
         
        }),
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await fake?.close();
    await fresh?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("sends every offer exactly once, though both workers sweep the same outbox", async () => {
    await eventually(async () => {
      const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where purpose = 'offer' and status = 'sent'`);
      return n === offers;
    }, 60_000);
    // Give a duplicate every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const perPhone = new Map<string, number>();
    for (const r of fake.requests) perPhone.set(r.form.To, (perPhone.get(r.form.To) ?? 0) + 1);
    const phones = (await fresh.query<{ phone: string }>(`select trim(phone) as phone from proactive_offers`)).map((o) => o.phone);
    expect(phones.filter((p) => perPhone.get(p) !== 1)).toEqual([]);
    expect(fake.requests).toHaveLength(offers);
  }, 90_000);

  async function submitTo(server: Server, p: PreparedSubmission) {
    await ensureCitizenAccount(fresh.db, p.application.applicantIin);
    const session = await sessionCookie({ kind: "citizen", iin: p.application.applicantIin }, PUBLIC);
    const csrf = await csrfFor(session, PUBLIC);
    const response = await fetch(`${server.url}/applications/${p.application.id}/review`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: csrf.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ payload: p.postedPayload, signature: p.jws, csrf: csrf.token }),
    });
    return { status: response.status, location: response.headers.get("Location") };
  }

  it("checks and registers each submission once, even when the same one reaches both processes at once", async () => {
    // Sixteen spread over the two processes; eight sent to both at the same moment (a double click
    // that the balancer split, or a client retrying on the other node).
    const spread = prepared.slice(0, 16);
    const doubled = prepared.slice(16);
    const answers = await Promise.all([
      ...spread.map((p, i) => submitTo(servers[i % 2], p)),
      ...doubled.flatMap((p) => servers.map((s) => submitTo(s, p))),
    ]);
    // Each answer sends the citizen to the application's page (its talon), never an error.
    if (answers.some((a) => a.status >= 500)) console.info(servers.map((s) => s.output()).join("\n---\n").slice(-6000));
    expect(answers.filter((a) => a.status !== 302 || !a.location?.startsWith("/applications/"))).toEqual([]);

    const rows = await fresh.query<{ id: string; status: string; journal: number; registered: number; rejected: number; failures: unknown }>(
      `select a.id, a.status::text, a.check_failures as failures,
              (select count(*)::int from registration_journal j where j.application_id = a.id) as journal,
              (select count(*)::int from application_events e where e.application_id = a.id and e.status = 'registered') as registered,
              (select count(*)::int from application_events e where e.application_id = a.id and e.status = 'rejected_at_check') as rejected
         from applications a where a.id = any($1::uuid[])`,
      [prepared.map((p) => p.application.id)],
    );
    expect(rows).toHaveLength(prepared.length);
    // Registered once, and the timeline shows no refusal from the copy that lost the race.
    expect(rows.filter((r) => r.status !== "registered" || r.journal !== 1 || r.registered !== 1 || r.rejected !== 0 || r.failures !== null)).toEqual([]);
    const [numbers] = await fresh.query<{ distinct: number; total: number }>(`select count(distinct registration_number)::int as distinct, count(*)::int as total from registration_journal`);
    expect(numbers.distinct).toBe(numbers.total);
  }, 60_000);

  it("applies a reply once when the provider's retry of the same MessageSid lands on the other process", async () => {
    const [offer] = await fresh.query<{ id: number; phone: string }>(`select id::int, trim(phone) as phone from proactive_offers where stage = 'offered' order by id limit 1`);
    const params = { MessageSid: `SM${randomBytes(16).toString("hex")}`, AccountSid: TEST_ACCOUNT_SID, From: offer.phone, To: "1414", Body: "Да" };
    const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${PUBLIC}/sms/inbound`, params);
    const post = (server: Server) =>
      fetch(`${server.url}/sms/inbound`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature },
        body: new URLSearchParams(params),
      });
    const responses = await Promise.all([post(servers[0]), post(servers[1]), post(servers[0]), post(servers[1])]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const [state] = await fresh.query<{ stage: string; inbound: number; replies: number }>(
      `select o.stage,
              (select count(*)::int from sms_messages m where m.provider_sid = $2) as inbound,
              (select count(*)::int from sms_messages m where m.offer_id = o.id and m.direction = 'out' and m.purpose <> 'offer') as replies
         from proactive_offers o where o.id = $1`,
      [offer.id, params.MessageSid],
    );
    expect(state).toEqual({ stage: "awaiting_payment", inbound: 1, replies: 1 });
  });
});
