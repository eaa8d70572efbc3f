/**
 * `komek bench`: the whole portal measured on a fresh database, every figure beside a baseline taken
 * in the same run on the same machine (docs/decisions/008-benchmarks-and-scale-out.md).
 *
 * Order matters and is fixed: the scan creates the offers the SMS workload replies to; the submit
 * workload registers the applicants whose cabinets are then rendered; the look-up bench adds its
 * own cases last, so it disturbs nothing measured before it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "../cli/args";
import { setDb } from "../db/client";
import { createFreshDb } from "../db/testing";
import { loadPopulation, seedReferenceData } from "../db/seed/load";
import { kzDate } from "../app/domain/kz-time";
import { jsonLine, table, type Figure } from "./report";
import { startBareServer, startPortal, type Server } from "./http";
import { scanWorkload } from "./workloads/scan";
import { submitWorkload } from "./workloads/submit";
import { smsInboundWorkload, BENCH_TWILIO_TOKEN } from "./workloads/sms-inbound";
import { cabinetWorkload, BENCH_SESSION_SECRET } from "./workloads/cabinet";
import { lookupWorkload } from "./workloads/lookup";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";
export const WORKLOADS = ["scan", "submit", "sms", "cabinet", "lookup"] as const;
type Workload = (typeof WORKLOADS)[number];

export const USAGE =
  "komek bench [--persons 100000] [--json] [--only scan,submit,sms,cabinet,lookup] [--clients 32] [--connections 32] [--submits 1000] [--seconds 10] [--samples 2000] [--port 3290] [--portal-workers <cores>] [--keep]";

export async function runBench(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const persons = args.int("persons", 100_000);
  const json = args.bool("json");
  const only = new Set((args.str("only") ?? WORKLOADS.join(",")).split(",").map((s) => s.trim()) as Workload[]);
  for (const w of only) if (!WORKLOADS.includes(w)) throw new Error(`--only: unknown workload "${w}" (${WORKLOADS.join(", ")})`);
  const clients = args.int("clients", 32);
  const connections = args.int("connections", 32);
  const port = args.int("port", 3290);
  // The portal as deployed: one HTTP process per core (komek serve --workers).
  const portalWorkers = args.int("portal-workers", os.availableParallelism());
  const poolMax = Number(process.env.DATABASE_POOL_MAX ?? 10);
  if (persons < 10_000) throw new Error("--persons must be at least 10000 (the workloads need a few thousand families)");
  process.env.DATABASE_URL ||= DEFAULT_URL;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  // Other work on the machine skews every figure: say how busy it was.
  const loadBefore = os.loadavg()[0];
  const needsServer = only.has("sms") || only.has("cabinet");
  if (needsServer) ensureBuild(log);

  const fresh = await createFreshDb({ prefix: "komek_bench", max: poolMax });
  // submitApplication and the gateway reach the database through the process-wide handle.
  setDb(fresh);
  const servers: Server[] = [];
  try {
    const now = new Date();
    const referenceDate = kzDate(now);
    log(`bench: ${fresh.describe}, seeding ${persons.toLocaleString("en")} persons (reference date ${referenceDate})…`);
    const t0 = performance.now();
    await seedReferenceData(fresh.db);
    let shown = 0;
    await loadPopulation(fresh, {
      seed: args.int("seed", 1),
      persons,
      referenceDate,
      onProgress: ({ persons: done }) => {
        if (done - shown >= 250_000) log(`  ${(shown = done).toLocaleString("en")} persons`);
      },
    });
    await fresh.query("analyze");
    log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const figures: Figure[] = [];
    if (only.has("scan") || only.has("sms")) {
      const scan = await scanWorkload(fresh, persons, now, log);
      if (only.has("scan")) figures.push(scan);
    }
    let registered: string[] = [];
    if (only.has("submit") || only.has("cabinet")) {
      const { registeredIins, ...submit } = await submitWorkload(fresh, persons, { count: args.int("submits", 1000), clients, now, log });
      registered = registeredIins;
      if (only.has("submit")) figures.push(submit);
    }
    if (needsServer) {
      const portal = await startPortal(port, fresh.url!, {
        TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN,
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        SESSION_SECRET: BENCH_SESSION_SECRET,
        DATABASE_POOL_MAX: String(poolMax),
      }, portalWorkers);
      servers.push(portal);
      const bare = await startBareServer(port + 1);
      servers.push(bare);
      if (only.has("sms")) figures.push(await smsInboundWorkload(fresh, persons, { portal, bare }, { maxOffers: 2500, connections, log }));
      if (only.has("cabinet")) {
        figures.push(await cabinetWorkload(fresh, persons, { portal, bare }, { citizens: registered.slice(0, 200), seconds: args.int("seconds", 10), connections, log }));
      }
      await Promise.all(servers.splice(0).map((s) => s.stop()));
    }
    if (only.has("lookup")) figures.push(...(await lookupWorkload(fresh, persons, { samples: args.int("samples", 2000), referenceDate, log })));

    if (json) for (const f of figures) process.stdout.write(`${jsonLine(f)}\n`);
    else process.stdout.write(table(figures, await circumstances(fresh, persons, poolMax, clients, connections, loadBefore, portalWorkers)));
    log(`bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return 0;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (args.bool("keep")) {
      log(`kept the database: ${fresh.url}`);
      await fresh.close();
    } else await fresh.drop();
  }
}

/** The HTTP workloads run the Remix build: make one if there is none. */
function ensureBuild(log: (line: string) => void) {
  const build = path.join(root, "build/index.js");
  if (fs.existsSync(build)) {
    log(`using the Remix build of ${fs.statSync(build).mtime.toISOString()} (npm run build to refresh it)`);
    return;
  }
  log("no Remix build: running remix build…");
  const result = spawnSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error("remix build failed");
}

async function circumstances(
  fresh: { query: <T>(q: string) => Promise<T[]> },
  persons: number,
  poolMax: number,
  clients: number,
  connections: number,
  loadBefore: number,
  portalWorkers: number,
) {
  const [{ version }] = await fresh.query<{ version: string }>("select current_setting('server_version') as version");
  const cpus = os.cpus();
  return [
    `Komek bench, ${persons.toLocaleString("en")} persons, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; Node ${process.versions.node}; PostgreSQL ${version} (same host)`,
    `1-minute load average ${loadBefore.toFixed(1)} before the run, ${os.loadavg()[0].toFixed(1)} after it`,
    `pool ${poolMax} connections per process; ${clients} submit clients; portal: komek serve --workers ${portalWorkers}; ${connections} HTTP connections from a separate autocannon process over loopback`,
    `ratio = how many times the baseline's cost one unit takes (time ÷ baseline time; for rates, baseline rate ÷ rate)`,
  ];
}
