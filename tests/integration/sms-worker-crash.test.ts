import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { queueSms } from "../../db/queries/sms";
import { eventually, startFakeTwilio, startRecoveryWorker, type FakeTwilio } from "./sms-fake-twilio";

const OFFERS = 40;
const KILL_AT_REQUEST = 13;

// Two processes must share the database: PGlite is in-process only, so this runs on PostgreSQL.
describe.skipIf(!process.env.DATABASE_URL)("a worker killed mid-batch (PostgreSQL)", () => {
  let fresh: FreshDb;
  let fake: FakeTwilio;
  let child: ChildProcess;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_sms_crash" });
    fake = await startFakeTwilio();
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await fake.close();
    await fresh.drop();
  });

  it("loses no offer, and at most the one message in flight goes out twice", async () => {
    for (let i = 0; i < OFFERS; i++) {
      await queueSms(fresh.db, { to: `+7701777${String(i).padStart(4, "0")}`, body: `offer ${i}`, purpose: "offer", language: "ru" });
    }
    // The provider receives request 13 and never answers: the worker dies while it is in flight.
    let killed!: () => void;
    const died = new Promise<void>((resolve) => (killed = resolve));
    fake.onRequest = () => {
      if (fake.requests.length === KILL_AT_REQUEST) {
        fake.script({ hang: true });
        child.kill("SIGKILL");
        child.once("exit", () => killed());
      }
    };
    child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/integration/sms-worker-child.ts")], {
      env: { ...process.env, DATABASE_URL: fresh.url, FAKE_TWILIO_URL: fake.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await died;
    const [mid] = await fresh.query<{ sent: number; sending: number; queued: number }>(
      `select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'sending')::int as sending,
              count(*) filter (where status = 'queued')::int as queued from sms_messages`,
    );
    expect(mid).toEqual({ sent: KILL_AT_REQUEST - 1, sending: 1, queued: OFFERS - KILL_AT_REQUEST });
    const [inFlight] = await fresh.query<{ body: string }>(`select body from sms_messages where status = 'sending'`);

    // A new worker picks up: the dead worker's jobs expire after 3 s and come back.
    fake.onRequest = null;
    const worker = await startRecoveryWorker(fresh, fake, 100);
    try {
      await eventually(async () => {
        const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where status = 'sent'`);
        return n === OFFERS;
      }, 45_000);
    } finally {
      await worker.stop();
    }
    const perBody = new Map<string, number>();
    for (const r of fake.requests) perBody.set(r.form.Body, (perBody.get(r.form.Body) ?? 0) + 1);
    const twice = [...perBody.entries()].filter(([, n]) => n > 1).map(([body]) => body);
    console.info(`crash test: ${OFFERS} offers, ${perBody.size} delivered to the provider, sent twice: ${twice.length} (${twice.join(", ") || "none"})`);
    expect(perBody.size).toBe(OFFERS);
    expect(twice).toEqual([inFlight.body]);
  }, 90_000);
});
