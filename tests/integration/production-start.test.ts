import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { withRole } from "../../db/client";
import { assertPortFree } from "../../bench/http";
import { installBenchPki } from "../../bench/workloads/submit";
import { resources } from "../../locales";

const PORT = Number(process.env.PRODUCTION_START_PORT ?? 3350);

type Run = { code: number | null; stdout: string; stderr: string };

/** The environment without anything of the developer's that would change the outcome. */
function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(KOMEK_|TWILIO_|SESSION_|DATABASE_|SMS_|PUBLIC_BASE_URL$|WEB_CONCURRENCY$|PORT$)/.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/** `komek serve` that must refuse: its exit status and what it wrote. */
function refusedStart(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["cli/komek.mjs", "serve", "--port", String(PORT)], { env: { ...cleanEnv(), ...env } as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`komek serve did not exit within 60 s:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `komek serve` that must start: resolves once it listens; stop() ends it. */
async function startedServer(env: Record<string, string>) {
  await assertPortFree(PORT);
  const child = spawn(process.execPath, ["cli/komek.mjs", "serve", "--port", String(PORT)], { env: { ...cleanEnv(), ...env } as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`komek serve did not start within 90 s:\n${output}`)), 90_000);
    const check = () => {
      if (/Komek listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`komek serve exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `http://127.0.0.1:${PORT}`,
    output: () => output,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

/** The variables a refusal names, one line each (`komek serve: NAME: why`). */
const named = (stderr: string) => [...stderr.matchAll(/^komek serve: ([A-Z_]+): /gm)].map((m) => m[1]);

describe.skipIf(!process.env.DATABASE_URL)("komek serve with NODE_ENV=production (PostgreSQL)", () => {
  let fresh: FreshDb;
  let dataDir: string;
  let good: Record<string, string>;

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve("build/index.js"))) {
      const built = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "ignore" });
      if (built.status !== 0) throw new Error("remix build failed");
    }
    fresh = await createFreshDb({ prefix: "komek_prod", roles: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-prod-"));
    const previous = process.env.KOMEK_DATA_DIR;
    await installBenchPki(dataDir); // a root and CRLs standing in for НУЦ РК's
    if (previous === undefined) delete process.env.KOMEK_DATA_DIR;
    else process.env.KOMEK_DATA_DIR = previous;
    good = {
      NODE_ENV: "production",
      DATABASE_URL: fresh.url!,
      DATABASE_OWNER_URL: fresh.ownerUrl!,
      SESSION_SECRET: "production-secret-0123456789abcdefghijklmnop",
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
      TWILIO_AUTH_TOKEN: "production-twilio-token-0123456789",
      TWILIO_MESSAGING_SERVICE_SID: "MG00000000000000000000000000000000",
      TWILIO_API_BASE_URL: "http://127.0.0.1:9",
      PUBLIC_BASE_URL: "https://komek.example.kz",
      KOMEK_TRUST_ANCHORS: path.join(dataDir, "pki", "ca.pem"),
      KOMEK_CRL: path.join(dataDir, "pki", "crl.pem"),
      KOMEK_DATA_DIR: path.join(dataDir, "data"),
    };
  }, 120_000);

  afterAll(async () => {
    await fresh?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const without = (name: string) => () => {
    const env = { ...good };
    delete env[name];
    return env;
  };
  it.each([
    ["SESSION_SECRET", "missing", without("SESSION_SECRET")],
    ["SESSION_SECRET", "the development value", () => ({ ...good, SESSION_SECRET: "komek-development-session-secret" })],
    ["TWILIO_ACCOUNT_SID", "missing (the local SMS transport)", without("TWILIO_ACCOUNT_SID")],
    ["TWILIO_AUTH_TOKEN", "the development default", () => ({ ...good, TWILIO_AUTH_TOKEN: "komek-development-twilio-token" })],
    ["TWILIO_AUTH_TOKEN", "missing", without("TWILIO_AUTH_TOKEN")],
    ["KOMEK_TRUST_ANCHORS", "missing", without("KOMEK_TRUST_ANCHORS")],
    ["KOMEK_CRL", "missing", without("KOMEK_CRL")],
    ["DATABASE_URL", "a superuser", () => ({ ...good, DATABASE_URL: withRole(fresh.url!, "postgres") })],
    ["DATABASE_URL", "the owner role", () => ({ ...good, DATABASE_URL: fresh.ownerUrl! })],
    ["KOMEK_DEMO", "0 (which does not let anything past)", () => ({ ...good, KOMEK_DEMO: "0", SESSION_SECRET: "komek-development-session-secret" })],
  ])("refuses to start when %s is %s, naming it on its own line", async (variable, _what, env) => {
    const run = await refusedStart(env());
    expect(run.code).toBe(1);
    expect(named(run.stderr)).toEqual([variable === "KOMEK_DEMO" ? "SESSION_SECRET" : variable]);
    expect(run.stdout).not.toMatch(/Komek listening/);
  }, 70_000);

  it("names every offending variable at once", async () => {
    const run = await refusedStart({ NODE_ENV: "production", DATABASE_URL: withRole(fresh.url!, "postgres") });
    expect(run.code).toBe(1);
    expect(named(run.stderr).sort()).toEqual(["DATABASE_URL", "KOMEK_CRL", "KOMEK_TRUST_ANCHORS", "SESSION_SECRET", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"]);
  }, 70_000);

  it("starts with everything set, as the runtime role, with nothing demo-like", async () => {
    const server = await startedServer(good);
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      for (const page of ["/dev/sms", "/dev/keys", "/dev/keys/revoked.p12", "/dev/sms/77015550102"]) {
        expect([page, (await fetch(`${server.url}${page}`)).status]).toEqual([page, 404]);
      }
      // Every test hook there is (a new one is covered without editing this list).
      const fixtures = fs.readdirSync(path.resolve("app/routes")).filter((f) => f.startsWith("dev.fixtures.")).map((f) => `/dev/fixtures/${f.slice(13).replace(/\.tsx?$/, "")}`);
      expect(fixtures).toEqual(expect.arrayContaining(["/dev/fixtures/deciding", "/dev/fixtures/callcenter", "/dev/fixtures/lists", "/dev/fixtures/local-day"]));
      for (const fixture of fixtures) {
        expect([fixture, (await fetch(`${server.url}${fixture}`, { method: "POST" })).status]).toEqual([fixture, 404]);
      }
      const home = await (await fetch(`${server.url}/`)).text();
      expect(home).not.toContain("demo-banner");
      expect(home).not.toContain(resources.ru.common.demo.banner);
      const [counts] = await fresh.query<{ staff: number; citizens: number; persons: number; offices: number; parameters: number }>(
        `select (select count(*)::int from staff_accounts) as staff, (select count(*)::int from citizen_accounts) as citizens,
                (select count(*)::int from registry.persons) as persons, (select count(*)::int from offices) as offices,
                (select count(*)::int from yearly_parameters) as parameters`,
      );
      expect(counts).toMatchObject({ staff: 0, citizens: 0, persons: 0 });
      expect(counts.offices).toBeGreaterThan(0);
      expect(counts.parameters).toBeGreaterThan(0);
      // No development PKI was written either.
      expect(fs.existsSync(path.join(good.KOMEK_DATA_DIR, "pki"))).toBe(false);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("with KOMEK_DEMO=1 seeds the demo accounts, serves /dev/*, and says «demonstration» on every page", async () => {
    const demoDb = await createFreshDb({ prefix: "komek_prod_demo" });
    const server = await startedServer({ NODE_ENV: "production", KOMEK_DEMO: "1", DATABASE_URL: demoDb.url!, KOMEK_DATA_DIR: path.join(dataDir, "demo") });
    try {
      const staff = (await demoDb.query<{ login: string }>(`select login from staff_accounts order by login`)).map((r) => r.login);
      expect(staff).toEqual(expect.arrayContaining(["admin", "nura.head", "cc.agent"]));
      const [{ citizens }] = await demoDb.query<{ citizens: number }>(`select count(*)::int as citizens from citizen_accounts`);
      expect(citizens).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/dev/sms`)).status).toBe(200);
      expect((await fetch(`${server.url}/dev/keys`)).status).toBe(200);
      for (const page of ["/", "/login", "/verify"]) {
        const ru = await (await fetch(`${server.url}${page}?lng=ru`)).text();
        expect([page, ru.includes(resources.ru.common.demo.banner)]).toEqual([page, true]);
      }
      const kk = await (await fetch(`${server.url}/login?lng=kk`)).text();
      expect(kk).toContain(resources.kk.common.demo.banner);
    } finally {
      await server.stop();
      await demoDb.drop();
    }
  }, 180_000);
});
