import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { startPortal, type Server } from "../../bench/http";
import { eventually } from "./sms-fake-twilio";

const PORT = Number(process.env.SERVE_WORKERS_PORT ?? 3330);

/** Live child processes of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …; comm may hold spaces, so read after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) === pid && state !== "Z") found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found.sort((a, b) => a - b);
}

function alive(pid: number) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

async function healthy(url: string) {
  const response = await fetch(`${url}/healthz`);
  return response.status;
}

/** `komek serve --workers 2`: one port, two HTTP processes, and a primary that replaces a dead one. */
describe.skipIf(!process.env.DATABASE_URL)("komek serve --workers", () => {
  let fresh: FreshDb;
  let portal: Server;
  let dataDir: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve("build/index.js"))) {
      const built = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "ignore" });
      if (built.status !== 0) throw new Error("remix build failed");
    }
    fresh = await createFreshDb({ prefix: "komek_workers" });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-workers-"));
    portal = await startPortal(PORT, fresh.url!, { KOMEK_DATA_DIR: dataDir, SESSION_SECRET: "komek-workers-session-secret-0123456789" }, 2);
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
    await fresh?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves from two processes, replaces one that is killed, and stops them all", async () => {
    const primary = portal.process.pid!;
    const first = childrenOf(primary);
    expect(first).toHaveLength(2);
    expect(portal.output()).toContain("2 processes");
    for (let i = 0; i < 10; i++) expect(await healthy(portal.url)).toBe(200);

    process.kill(first[0], "SIGKILL");
    const replaced = await eventually(async () => {
      const now = childrenOf(primary);
      return now.length === 2 && !now.includes(first[0]) ? now : null;
    });
    expect(replaced).toContain(first[1]);
    // The primary's line may reach us after the new worker shows in /proc.
    const said = new RegExp(`HTTP worker ${first[0]} exited \\(SIGKILL\\); starting another`);
    await eventually(async () => said.test(portal.output()));
    await eventually(async () => ((await healthy(portal.url)) === 200 ? true : null));
    for (let i = 0; i < 10; i++) expect(await healthy(portal.url)).toBe(200);

    // Stopping the primary stops its workers too (none is left orphaned, serving on the port).
    await portal.stop();
    await eventually(async () => (replaced!.every((pid) => !alive(pid)) ? true : null));
  }, 60_000);
});
