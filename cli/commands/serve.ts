import cluster from "node:cluster";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { parseArgs } from "../args";
import { resources } from "../../locales";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getDb, setDb, closeDb, type DbHandle } from "../../db/client";
import { createFreshDb } from "../../db/testing";
import { seedDemoIfEmpty, seedReferenceData } from "../../db/seed/demo";
import { seedListsDemo } from "../../app/lists/demo.server";
import { startWorkers } from "../../sms/worker.server";
import { seedAccounts, seedOffices } from "../../db/seed/accounts";
import { createDemoPki } from "../../app/signature/demo-keys.server";
import { demoMode, productionProblems } from "../../app/env.server";
import { applyMigrations } from "../../db/owner";
import { runtimeRoleProblems } from "../../db/roles";
import { installCrashGuards } from "../../db/recoverable";
import { seedPaymentDemo } from "../../app/payments/demo.server";
import { DEMO_PASSWORD } from "../../db/seed/demo-people";
import { hashPassword } from "../../app/auth/password.server";

/** Largest request body we accept; anything bigger is refused before Remix reads it. */
const MAX_BODY_BYTES = Number(process.env.KOMEK_MAX_BODY_BYTES ?? 2 * 1024 * 1024);

/**
 * Load shedding: beyond this many requests in the app at once, or while the event loop lags more than
 * KOMEK_MAX_LAG_MS behind, a request gets 503 with Retry-After at once instead of queueing until it
 * times out (or failing with 500 deep inside).
 */
const MAX_IN_FLIGHT = Number(process.env.KOMEK_MAX_IN_FLIGHT ?? 200);
const MAX_LAG_MS = Number(process.env.KOMEK_MAX_LAG_MS ?? 1000);

/** Answers given before the app (and its language detection) runs: both languages, Russian first. */
const bilingual = (key: "tooLarge" | "lengthRequired" | "overloaded") => `${resources.ru.common.errors[key]}\n${resources.kk.common.errors[key]}`;

export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const port = args.int("port", Number(process.env.PORT ?? 3000));
  // A database outage (a restart, a failover, terminated backends) must not end the process.
  installCrashGuards();
  // A forked HTTP worker: the primary has migrated, seeded and started the background jobs.
  if (cluster.isWorker) {
    const server = await serveHttp(port, await getDb());
    process.once("SIGTERM", () => {
      server.close();
      void closeDb().finally(() => process.exit(0));
    });
    return new Promise<never>(() => {});
  }

  if (args.bool("fresh")) {
    // A throw-away database (and PKI) for e2e runs: never touches the developer's data.
    process.env.KOMEK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "komek-e2e-"));
    const fresh = await createFreshDb({ prefix: "komek_e2e", persistentDir: true });
    setDb(fresh);
    const stop = async () => {
      await fresh.drop().catch(() => {});
      fs.rmSync(process.env.KOMEK_DATA_DIR!, { recursive: true, force: true });
      process.exit(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
  const handle = await getDb();
  const refusals = await productionRefusals(handle);
  if (refusals.length) {
    for (const line of refusals) process.stderr.write(`komek serve: ${line}\n`);
    process.stderr.write("komek serve: refusing to start with NODE_ENV=production (README «Running in production»; KOMEK_DEMO=1 starts a demonstration instead)\n");
    await closeDb();
    return 1;
  }
  await applyMigrations(handle);
  // Demo data only in a demonstration; a real deployment gets the reference data and offices alone.
  const demo = demoMode();
  if (!args.bool("no-seed")) {
    if (demo) {
      const seeded = await seedDemoIfEmpty(handle.db);
      if (seeded) console.log(`Seeded demo data: ${seeded.persons} persons`);
      await seedAccounts(handle.db);
      if (await seedPaymentDemo(handle.db, await hashPassword(DEMO_PASSWORD))) console.log("Seeded the payments demo (issue 15)");
      if (await seedListsDemo(handle.db, await hashPassword(DEMO_PASSWORD))) console.log("Seeded the holiday lists demo (issue 14)");
    } else {
      await seedReferenceData(handle.db);
      await seedOffices(handle.db);
    }
  }
  // --no-seed leaves out the development PKI too (the benchmarks install their own).
  if (demo && !args.bool("no-seed")) {
    const pki = await createDemoPki();
    if (pki.created) console.log(`Created the development PKI and demo key files in ${pki.dir}`);
  }

  // Sends the SMS outbox, offer reminders and expiry (sms/worker.server.ts).
  const smsWorker = await startWorkers(handle, { origin: `http://localhost:${port}` });
  const stopJobs = async () => {
    await (smsWorker?.stop() ?? Promise.resolve()).catch(() => {});
    await closeDb();
  };

  let workers = args.int("workers", Number(process.env.WEB_CONCURRENCY ?? 1));
  if (workers > 1 && (handle.kind !== "postgres" || args.bool("fresh"))) {
    // The embedded database (and a --fresh one) belongs to this process; workers could not share it.
    console.warn(`--workers ${workers} needs DATABASE_URL (a PostgreSQL server) and no --fresh; serving from one process.`);
    workers = 1;
  }
  if (workers <= 1) {
    const server = await serveHttp(port, handle);
    if (!args.bool("fresh")) {
      const shutdown = () => {
        server.close();
        void stopJobs().finally(() => process.exit(0));
      };
      process.once("SIGTERM", shutdown);
      process.once("SIGINT", shutdown);
    }
    return new Promise<never>(() => {});
  }
  return superviseWorkers(workers, port, handle.describe, stopJobs);
}

/**
 * NODE_ENV=production without KOMEK_DEMO=1 starts only when nothing of the development set-up is left:
 * one line per offending variable (app/env.server.ts productionProblems), and the database role
 * must be the runtime role — not a superuser, not an owner (db/roles.ts).
 */
async function productionRefusals(handle: DbHandle): Promise<string[]> {
  const problems = productionProblems();
  if (process.env.NODE_ENV !== "production" || demoMode()) return problems;
  if (handle.kind !== "postgres") return [...problems, "DATABASE_URL: not set; production runs on PostgreSQL as the runtime role (npx komek db roles --help)"];
  return [...problems, ...(await runtimeRoleProblems(handle.query))];
}

/**
 * `--workers N` (or WEB_CONCURRENCY): N forked processes accept on the same port, one per core, as
 * they would behind a load balancer; this primary keeps the background jobs and restarts a worker
 * that dies (the postgres.js crash of ADR 008 costs the requests in flight, not the service). A
 * worker dying over and over (5 times within a minute) stops the whole server instead.
 */
function superviseWorkers(count: number, port: number, describe: string, stopJobs: () => Promise<void>): Promise<never> {
  let stopping = false;
  let listening = 0;
  const deaths: number[] = [];
  // A larger young generation for the HTTP workers: a page allocates a lot that dies at once (React
  // rendering, query results), and fewer scavenges gave ≈ 6 % more cabinet pages per second (ADR 008).
  const tuned = process.execArgv.some((a) => a.startsWith("--max-semi-space-size")) || /--max-semi-space-size/.test(process.env.NODE_OPTIONS ?? "");
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...(tuned ? [] : ["--max-semi-space-size=32"])] });
  const fork = () => cluster.fork();
  cluster.on("listening", () => {
    if (++listening === count) console.log(`Komek listening on http://localhost:${port} (${count} processes; database: ${describe})`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0] < now - 60_000) deaths.shift();
    console.error(`HTTP worker ${worker.process.pid} exited (${signal ?? code})${deaths.length >= 5 ? "; too many exits, stopping" : "; starting another"}`);
    if (deaths.length >= 5) return void shutdown(1);
    fork();
  });
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    const exited = Object.values(cluster.workers ?? {}).map((w) => new Promise((resolve) => (w!.isDead() ? resolve(null) : w!.once("exit", resolve))));
    for (const w of Object.values(cluster.workers ?? {})) w!.kill("SIGTERM");
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await stopJobs();
    process.exit(code);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
  for (let i = 0; i < count; i++) fork();
  return new Promise<never>(() => {});
}

/** 503 + Retry-After when too many requests are in flight or the event loop lags (see MAX_IN_FLIGHT). */
function loadShedding(): express.RequestHandler {
  let inFlight = 0;
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  let lagging = false;
  setInterval(() => {
    // The worst delay of the last half second, in ms.
    lagging = lag.max / 1e6 > MAX_LAG_MS;
    lag.reset();
  }, 500).unref();
  return (req, res, next) => {
    if (inFlight >= MAX_IN_FLIGHT || lagging) {
      res.status(503).set({ "Retry-After": "5", "Cache-Control": "no-store", Connection: "close" }).type("text/plain; charset=utf-8").send(bilingual("overloaded"));
      return;
    }
    inFlight++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
    };
    res.once("finish", finish);
    res.once("close", finish);
    next();
  };
}

/** The HTTP side: the Remix build behind express, with the limits that come before the app. */
async function serveHttp(port: number, handle: Awaited<ReturnType<typeof getDb>>) {
  const buildPath = path.resolve("build/index.js");
  const build = await import(pathToFileURL(buildPath).href);

  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer set TRUST_PROXY (e.g. "1" or "loopback") so req.ip is the client's.
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
  app.use((req, _res, next) => {
    // The only client address the app believes: a header the client cannot set itself.
    req.headers["x-komek-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use((req, res, next) => {
    // Browsers and Twilio always send Content-Length; a chunked body could not be bounded before
    // Remix reads it, so it is refused outright.
    if (req.headers["transfer-encoding"] && req.method !== "GET" && req.method !== "HEAD") {
      res.status(411).type("text/plain; charset=utf-8").send(bilingual("lengthRequired"));
      return;
    }
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.status(413).type("text/plain; charset=utf-8").send(bilingual("tooLarge"));
      return;
    }
    next();
  });
  app.use(loadShedding());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Files in public/ all have an extension; pages do not, and need not wait for a stat of the disk.
  const files = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? files(req, res, next) : next()));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" }));

  // Workers stay quiet: the primary says once that all of them listen.
  return app.listen(port, () => {
    if (!cluster.isWorker) console.log(`Komek listening on http://localhost:${port} (database: ${handle.describe})`);
  });
}
