import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import postgres from "postgres";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { seedReferenceData } from "../../db/seed/load";
import { assertPortFree } from "../../bench/http";
import { queueSms } from "../../db/queries/sms";
import { resources } from "../../locales";
import { eventually } from "./sms-fake-twilio";

const PORT = Number(process.env.SERVE_RESILIENCE_PORT ?? 3352);

type Portal = { url: string; child: ChildProcess; output(): string; stop(): Promise<void> };

async function startServe(port: number, env: Record<string, string>): Promise<Portal> {
  await assertPortFree(port);
  const child = spawn(process.execPath, ["cli/komek.mjs", "serve", "--port", String(port), "--no-seed"], {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  await eventually(async () => /Komek listening/.test(output) || child.exitCode !== null, 90_000);
  if (child.exitCode !== null) throw new Error(`komek serve exited with ${child.exitCode}:\n${output}`);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

function ensureBuild() {
  if (fs.existsSync(path.resolve("build/index.js"))) return;
  const built = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "ignore" });
  if (built.status !== 0) throw new Error("remix build failed");
}

describe.skipIf(!process.env.DATABASE_URL)("komek serve when the database drops its connections (PostgreSQL)", () => {
  let fresh: FreshDb;
  let dataDir: string;
  let portal: Portal | undefined;

  beforeAll(async () => {
    ensureBuild();
    fresh = await createFreshDb({ prefix: "komek_resilience" });
    await seedReferenceData(fresh.db);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-resilience-"));
  }, 120_000);
  afterAll(async () => {
    await portal?.stop();
    await fresh?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("survives its connections terminated twenty times under load, and serves and sends afterwards", async () => {
    // Its pool and pg-boss's pool carry this name, so only the portal's backends are cut.
    const url = new URL(fresh.url!);
    url.searchParams.set("application_name", "komek_resilience");
    portal = await startServe(PORT, {
      NODE_ENV: "production",
      KOMEK_DEMO: "1", // the local SMS transport, and the superuser of the test server
      DATABASE_URL: url.toString(),
      KOMEK_DATA_DIR: dataDir,
      SMS_WORKER: "1",
    });
    const server = portal;

    // Load: eight callers in a loop over pages that query the database.
    let loading = true;
    const statuses = new Map<number | string, number>();
    const caller = async () => {
      while (loading) {
        for (const page of ["/healthz", "/", "/login"]) {
          const status = await fetch(`${server.url}${page}`).then((r) => (r.body?.cancel(), r.status), (e: Error) => `fetch failed: ${e.message}`);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }
    };
    const callers = Array.from({ length: 8 }, caller);

    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    let terminated = 0;
    try {
      for (let round = 0; round < 20; round++) {
        await new Promise((r) => setTimeout(r, 250));
        const rows = await admin`select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = 'komek_resilience'`;
        terminated += rows.filter((r) => r.ok).length;
        expect(server.child.exitCode).toBeNull();
      }
    } finally {
      loading = false;
      await Promise.all(callers);
      await admin.end();
    }
    console.info(`resilience test: ${terminated} backends terminated in 20 rounds; answers ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(terminated).toBeGreaterThanOrEqual(20);
    expect(server.child.exitCode).toBeNull();
    // No caller saw the process go away: every request got an HTTP answer.
    expect([...statuses.keys()].filter((s) => typeof s === "string")).toEqual([]);

    // Still serving, with a database connection again.
    await eventually(async () => (await fetch(`${server.url}/healthz`)).status === 200, 15_000);
    // The background work survived too: a message queued now is sent by the worker's pg-boss.
    const id = await queueSms(fresh.db, { to: "+77017770099", body: "после сбоя", purpose: "notice", language: "ru" });
    await eventually(async () => {
      const [row] = await fresh.query<{ status: string }>(`select status::text from sms_messages where id = $1`, [id]);
      return row.status === "sent" || row.status === "delivered";
    }, 30_000);
    expect(server.child.exitCode).toBeNull();
  }, 180_000);
});

describe("komek serve when overloaded", () => {
  let dataDir: string;
  let portal: Portal | undefined;

  beforeAll(() => {
    ensureBuild();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-overload-"));
  });
  afterAll(async () => {
    await portal?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 with Retry-After in both languages beyond its in-flight limit, and serves again after", async () => {
    const env: Record<string, string> = { KOMEK_MAX_IN_FLIGHT: "2", KOMEK_DEMO: "0", SMS_WORKER: "0", KOMEK_DATA_DIR: dataDir };
    // Its own database: a fresh PostgreSQL database, or PGlite in the temporary directory.
    const fresh = process.env.DATABASE_URL ? await createFreshDb({ prefix: "komek_overload" }) : null;
    if (fresh) env.DATABASE_URL = fresh.url!;
    try {
      portal = await startServe(PORT + 1, env);
      const server = portal;
      const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${server.url}/`).then(async (r) => ({ status: r.status, retryAfter: r.headers.get("retry-after"), body: await r.text() }))));
      const refused = answers.filter((a) => a.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(answers.filter((a) => a.status !== 503 && a.status !== 200)).toEqual([]);
      for (const a of refused) {
        expect(a.retryAfter).toMatch(/^\d+$/);
        expect(a.body).toContain(resources.ru.common.errors.overloaded);
        expect(a.body).toContain(resources.kk.common.errors.overloaded);
      }
      // Once the burst is over, requests are served again.
      expect((await fetch(`${server.url}/`)).status).toBe(200);
    } finally {
      await portal?.stop();
      portal = undefined;
      await fresh?.drop();
    }
  }, 120_000);
});
