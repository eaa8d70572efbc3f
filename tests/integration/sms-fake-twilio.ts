import type { FreshDb } from "../../db/testing";
import { startSmsWorker } from "../../sms/worker.server";
import { createTwilioTransport } from "../../sms/transports";
/**
 * A fake of Twilio's Messages API on 127.0.0.1, for driving the real `twilio` library in tests:
 * records every request (account, basic auth, form fields) and answers like Twilio — or with the
 * failures a test scripts.
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

export type FakeRequest = {
  at: number;
  accountSid: string;
  username: string;
  password: string;
  form: Record<string, string>;
};

type Scripted = { status: number; code?: number } | { hang: true };

export type FakeTwilio = {
  url: string;
  requests: FakeRequest[];
  /** The next responses, in order, before normal service resumes. */
  script(...responses: Scripted[]): void;
  /** Called for every request before it is answered; may return a promise to hold the answer. */
  onRequest: ((request: FakeRequest) => void | Promise<void>) | null;
  close(): Promise<void>;
};

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const requests: FakeRequest[] = [];
  const scripted: Scripted[] = [];
  const fake: FakeTwilio = {
    url: "",
    requests,
    script: (...responses) => scripted.push(...responses),
    onRequest: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const match = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match) {
        res.writeHead(404).end();
        return;
      }
      const [username, password] = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString().split(":");
      const form = Object.fromEntries(new URLSearchParams(body));
      const request: FakeRequest = { at: Date.now(), accountSid: match[1], username, password, form };
      requests.push(request);
      await fake.onRequest?.(request);
      const next = scripted.shift();
      if (next && "hang" in next) return; // never answered: the client's socket is cut when its process dies
      if (next) {
        res.writeHead(next.status, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ code: next.code ?? 20001, message: `scripted ${next.status}`, more_info: "https://www.twilio.com/docs/errors", status: next.status }));
        return;
      }
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          sid: `SM${randomBytes(16).toString("hex")}`,
          account_sid: match[1],
          to: form.To,
          from: form.From ?? null,
          messaging_service_sid: form.MessagingServiceSid ?? null,
          body: form.Body,
          status: "queued",
          num_segments: "1",
          direction: "outbound-api",
          date_created: new Date().toUTCString(),
          uri: `/2010-04-01/Accounts/${match[1]}/Messages/x.json`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

export const TEST_ACCOUNT_SID = `AC${"0".repeat(31)}1`;
export const TEST_AUTH_TOKEN = "test-twilio-auth-token-123";
export const TEST_SERVICE_SID = `MG${"0".repeat(31)}2`;

/** Polls until `check` holds (or fails after `ms`). */
export async function eventually<T>(check: () => Promise<T | false | null | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The worker that takes over after a crash test killed one: it sends through the fake Twilio, and the
 * dead worker's jobs expire after 3 s and come back to it.
 */
export async function startRecoveryWorker(fresh: FreshDb, fake: FakeTwilio, ratePerSecond: number) {
  return startSmsWorker(fresh, {
    transport: createTwilioTransport({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN, messagingServiceSid: TEST_SERVICE_SID, apiBaseUrl: fake.url }),
    ratePerSecond,
    statusCallbackUrl: null,
    connectionString: fresh.url,
    maintenanceIntervalSeconds: 1,
    expireInSeconds: 3,
    sweepIntervalMs: 200,
  });
}
