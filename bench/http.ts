/**
 * Processes for the HTTP workloads: the portal as deployed (`komek serve`, the Remix build behind
 * express), a bare node:http server as the baseline, and the forked load generator. All talk over
 * loopback, each in its own process, as a load balancer and its backends would.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import net from "node:net";
import { fileURLToPath } from "node:url";
import type { LoadPhase, PhaseResult } from "./load-worker";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** The least a Node server can do per request: read the body, answer 200. */
const BARE_SERVER = `
const http = require("node:http");
http.createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "Content-Type": "text/plain" }); res.end("ok"); });
}).listen(Number(process.argv[1]), "127.0.0.1", () => process.stdout.write("listening\\n"));
`;

export type Server = { url: string; process: ChildProcess; stop(): Promise<void>; /** What it printed (last 64 KB). */ output(): string };

function recorder(child: ChildProcess) {
  let text = "";
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-65_536));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text;
}

export async function assertPortFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use; pass --port with a free base port (32xx-33xx)`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

function started(child: ChildProcess, marker: RegExp, what: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (marker.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

export async function startBareServer(port: number): Promise<Server> {
  await assertPortFree(port);
  const child = spawn(process.execPath, ["-e", BARE_SERVER, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const output = recorder(child);
  await started(child, /listening/, "the bare node:http server");
  return { url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child), output };
}

/**
 * `komek serve --workers N` on a database that is already migrated and seeded: no demo data, no SMS
 * worker (the outbox just fills), production mode as a demonstration (KOMEK_DEMO=1: the bench's own
 * PKI under KOMEK_DATA_DIR is trusted, and the database role may be the superuser). `env` adds or overrides variables (secrets, the public URL).
 */
export async function startPortal(port: number, databaseUrl: string, env: Record<string, string>, workers = 1): Promise<Server> {
  await assertPortFree(port);
  // KOMEK_BENCH_PROFILE=dir writes a V8 CPU profile of the portal there when it stops (node --cpu-prof).
  const profile = process.env.KOMEK_BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.KOMEK_BENCH_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, "cli/komek.mjs"), "serve", "--port", String(port), "--no-seed", "--workers", String(workers)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", KOMEK_DEMO: "1", DATABASE_URL: databaseUrl, SMS_WORKER: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = recorder(child);
  await started(child, /Komek listening/, "komek serve");
  return { url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child), output };
}

/** Runs the phases one after another in a forked load generator and returns what each measured. */
export function runLoad(phases: LoadPhase[]): Promise<PhaseResult[]> {
  const child = fork(path.join(here, "load-worker.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", (message: { results?: PhaseResult[]; error?: string }) => {
      if (message.error) reject(new Error(`load generator: ${message.error}`));
      else resolve(message.results!);
    });
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(phases);
  });
}
