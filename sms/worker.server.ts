/**
 * Durable sending. The outbox is the sms_messages table (queueSms writes `queued` rows inside the
 * caller's transaction); this worker moves them through pg-boss:
 *
 *   sweeper ── every second: queued rows without a job → pg-boss jobs (ids derived from the row, so
 *              a crash between creating jobs and recording them creates no duplicates)
 *   sender  ── pg-boss batches, one message at a time under a token-bucket rate limit:
 *              claim the row (`sending`, committed) → provider → `sent` / back to `queued` + retry
 *              with exponential backoff on 429/5xx / `failed` on a final refusal
 *   ticker  ── every minute: reminders and expiry of offers (sms/offers.server.ts), and the staff
 *              deadline jobs wired from app/staff/deadline-jobs.server.ts
 *
 * A worker killed mid-batch leaves its jobs `active`; pg-boss expires them after `expireInSeconds`
 * and hands them out again. Rows already `sent` are skipped, so the only message that can go out
 * twice is the one that was with the provider at the moment of death (left `sending`).
 */
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { Db, DbHandle } from "../db/client";
import { claimForSending, markAttemptFailed, markSent, markSwept, requeueStuck, unsweptMessages } from "../db/queries/sms";
import { runOfferTicks } from "./offers.server";
import { purgeExpired, type PurgeResult } from "../db/queries/purge";
import { SmsTransportError, type SmsTransport } from "./transports";
import { DEADLINE_QUEUES, startDeadlineJobs } from "../app/staff/deadline-jobs.server";

export const SEND_QUEUE = "sms-send";

export type WorkerOptions = {
  transport: SmsTransport;
  /** Messages per second across this worker. */
  ratePerSecond: number;
  /** Where the provider posts delivery reports; null: none. */
  statusCallbackUrl: string | null;
  /** For PostgreSQL: the connection string pg-boss opens its own pool with. */
  connectionString?: string;
  sweepIntervalMs?: number;
  tickIntervalMs?: number;
  batchSize?: number;
  /** A job active longer than this is taken for dead and handed out again. */
  expireInSeconds?: number;
  maintenanceIntervalSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  pollingIntervalSeconds?: number;
  /** How often the purge job runs (db/queries/purge.ts); default 15 minutes. */
  purgeIntervalMs?: number;
  /** A queued or sending row with a job but untouched this long is given a new job. */
  stuckAfterMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
};

export type SmsWorker = {
  boss: PgBoss;
  /** Hands queued rows to the queue now; returns how many. */
  sweep(): Promise<number>;
  /** Runs reminders and expiry now. */
  tick(): Promise<number>;
  /** Deletes expired challenges, old sign-in attempts, ended sessions and expired codes now. */
  purge(): Promise<PurgeResult>;
  stop(): Promise<void>;
};

/** pg-boss over PGlite: one connection, so pg-boss's SQL goes through the same handle (no pool). */
export function pgliteBossDb(db: Db) {
  const client = (db as unknown as { $client: PgliteLike }).$client;
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length) return { rows: (await client.query(text, values)).rows };
      // Multi-statement scripts (pg-boss's locked blocks and migrations) need the simple protocol.
      const results = await client.exec(text);
      const withRows = [...results].reverse().find((r) => r.fields.length > 0);
      return { rows: withRows?.rows ?? [] };
    },
  };
}
type PgliteLike = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[]; fields: unknown[] }[]>;
};

/** A uuid that depends only on the message and its generation (a manual retry is a new generation). */
export function jobIdFor(messageId: number, generation: number) {
  const h = createHash("sha256").update(`komek:sms:${messageId}:${generation}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Spaces sends evenly: at most `perSecond` starts in any second, without bursts. */
export function rateLimiter(perSecond: number, clock: () => number = Date.now) {
  const interval = 1000 / perSecond;
  let next = 0;
  return async function take() {
    const now = clock();
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  };
}

/**
 * Two processes starting together on a fresh database deadlock in pg-boss's create_queue (each
 * inserts the queue row, then alters the job table that references it). It is idempotent, so the
 * one PostgreSQL aborts simply tries again (tests/integration/scaleout.test.ts).
 */
function retryCreateQueue(boss: PgBoss) {
  const createQueue = boss.createQueue.bind(boss);
  boss.createQueue = async (name, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await createQueue(name, options);
      } catch (error) {
        if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
      }
    }
  };
}

const SEND_QUEUE_DEFAULTS = { retryLimit: 8, retryDelay: 5, expireInSeconds: 300 };

/**
 * pg-boss's schema and every queue the worker uses, created as the owner role (`komek migrate` with
 * DATABASE_OWNER_URL, ADR 009): a queue is a table in pg-boss 10, and the runtime role creates no
 * tables. The worker's own createQueue calls then find the queues and change nothing.
 */
export async function installQueues(connectionString: string) {
  const boss = new PgBoss({ connectionString, max: 1, schema: "pgboss", supervise: false, schedule: false });
  boss.on("error", (error: Error) => process.stderr.write(`pg-boss install: ${error.message}\n`));
  await boss.start();
  retryCreateQueue(boss);
  try {
    await boss.createQueue(SEND_QUEUE, { name: SEND_QUEUE, ...SEND_QUEUE_DEFAULTS, retryBackoff: true });
    for (const queue of DEADLINE_QUEUES) await boss.createQueue(queue.name, queue);
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 1000 });
  }
}

export async function startSmsWorker(handle: Pick<DbHandle, "db" | "kind">, options: WorkerOptions): Promise<SmsWorker> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const db = handle.db;
  const expireInSeconds = options.expireInSeconds ?? SEND_QUEUE_DEFAULTS.expireInSeconds;
  const retryLimit = options.retryLimit ?? SEND_QUEUE_DEFAULTS.retryLimit;
  const retryDelay = options.retryDelaySeconds ?? SEND_QUEUE_DEFAULTS.retryDelay;

  let connection: PgBoss.ConstructorOptions;
  if (handle.kind === "postgres") {
    if (!options.connectionString) throw new Error("the SMS worker needs the PostgreSQL connection string");
    connection = { connectionString: options.connectionString, max: 3 };
  } else {
    connection = { db: pgliteBossDb(db) };
  }
  const boss = new PgBoss({
    ...connection,
    schema: "pgboss",
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    schedule: false,
  });
  boss.on("error", (error: Error) => log(`sms worker: ${error.message}`));
  await boss.start();
  retryCreateQueue(boss);
  await boss.createQueue(SEND_QUEUE, { name: SEND_QUEUE, retryLimit, retryDelay, retryBackoff: true, expireInSeconds });
  // Staff deadline jobs (app/staff/deadline-jobs.server.ts) run on the same pg-boss.
  const deadlines = await startDeadlineJobs(boss, db, now, log);

  let stopping = false;
  const take = rateLimiter(options.ratePerSecond);

  async function sweep(): Promise<number> {
    // A row whose job is gone without sending it (say, the last retry expired with a dead worker)
    // goes back to the outbox under a new generation.
    await requeueStuck(db, new Date(now().getTime() - (options.stuckAfterMs ?? 2 * 3_600_000)), now());
    let total = 0;
    for (;;) {
      const rows = await unsweptMessages(db, 500);
      if (!rows.length) return total;
      const jobs = rows.map((r) => ({ id: jobIdFor(r.id, r.generation), name: SEND_QUEUE, data: { id: r.id }, retryLimit, retryDelay, retryBackoff: true, expireInSeconds }));
      await boss.insert(jobs);
      await markSwept(db, jobs.map((j) => ({ id: j.data.id, jobId: j.id })));
      total += rows.length;
      if (rows.length < 500) return total;
    }
  }

  async function sendOne(job: PgBoss.JobWithMetadata<{ id: number }>) {
    const claimed = await claimForSending(db, job.data.id, now());
    if (!claimed) return; // already sent, or cancelled by an opt-out
    if (claimed.resumed) log(`sms ${claimed.id}: resending after an interrupted attempt (it may arrive twice)`);
    await take();
    try {
      const result = await options.transport.send({ to: claimed.phone, body: claimed.body, ...(options.statusCallbackUrl ? { statusCallback: options.statusCallbackUrl } : {}) });
      await markSent(db, claimed.id, result, now());
    } catch (error) {
      const retryable = error instanceof SmsTransportError ? error.retryable : true;
      const final = !retryable || job.retryCount >= job.retryLimit;
      const message = error instanceof Error ? error.message : String(error);
      await markAttemptFailed(db, claimed.id, message, final, now());
      // Failing the job schedules its retry with backoff; a final failure is simply completed.
      if (!final) await boss.fail(SEND_QUEUE, job.id, { message });
      log(`sms ${claimed.id}: ${final ? "failed" : "will retry"}: ${message}`);
    }
  }

  await boss.work<{ id: number }>(
    SEND_QUEUE,
    { batchSize: options.batchSize ?? 20, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
    async (jobs) => {
      for (const job of jobs) {
        // Throwing fails the jobs not yet done, so they come back; returning would complete them unsent.
        if (stopping) throw new Error("worker stopping");
        await sendOne(job);
        await boss.complete(SEND_QUEUE, job.id);
      }
    },
  );

  const loop = (every: number, run: () => Promise<unknown>) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || stopping) return;
      busy = true;
      run()
        .catch((error: Error) => log(`sms worker: ${error.message}`))
        .finally(() => {
          busy = false;
        });
    }, every);
    timer.unref();
    return timer;
  };
  const tick = async () => {
    const ticked = await runOfferTicks(db, now());
    await deadlines.tick();
    return ticked;
  };
  const purge = async () => {
    const result = await purgeExpired(db, now());
    if (Object.values(result).some((n) => n > 0)) log(`purge: ${JSON.stringify(result)}`);
    return result;
  };
  const timers = [loop(options.sweepIntervalMs ?? 1000, sweep), loop(options.tickIntervalMs ?? 60_000, tick), loop(options.purgeIntervalMs ?? 15 * 60_000, purge)];
  await sweep();

  return {
    boss,
    sweep,
    tick,
    purge,
    async stop() {
      stopping = true;
      timers.forEach(clearInterval);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}

/**
 * The worker as the server runs it, configured from the environment (sms/config.ts). SMS_WORKER=0
 * leaves sending to a separate `komek sms worker` process.
 */
export async function startWorkers(
  handle: Pick<DbHandle, "db" | "kind"> & { url?: string },
  options: { origin?: string; log?: (line: string) => void } = {},
): Promise<SmsWorker | null> {
  const { env } = await import("../app/env.server");
  if (env().SMS_WORKER === "0") return null;
  const { smsConfig } = await import("./config");
  const { transportFor } = await import("./transports");
  const config = smsConfig();
  const base = config.publicBaseUrl ?? options.origin ?? null;
  return startSmsWorker(handle, {
    transport: transportFor(config),
    ratePerSecond: config.ratePerSecond,
    // Delivery reports only mean something from a real provider.
    statusCallbackUrl: config.twilio && base ? `${base}/sms/status` : null,
    connectionString: handle.url ?? process.env.DATABASE_URL,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  });
}
