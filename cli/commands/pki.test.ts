import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { run } from "./pki";

let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "komek-pki-cli-"));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("komek pki init", () => {
  it("writes the development PKI into --dir once, and leaves it alone the second time", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const dir = path.join(tmp, "pki");
    expect(await run(["init", "--dir", dir])).toBe(0);
    const files = await fs.readdir(dir);
    expect(files).toEqual(expect.arrayContaining(["ca.pem", "crl.pem", "index.json", "revoked.p12", "expired.p12", "900512440017.p12"]));
    const ca = await fs.readFile(path.join(dir, "ca.pem"), "utf8");

    log.mockClear();
    expect(await run(["init", "--dir", dir])).toBe(0);
    expect(log.mock.calls.join("\n")).toMatch(/already/);
    expect(await fs.readFile(path.join(dir, "ca.pem"), "utf8")).toBe(ca);
    log.mockRestore();
  });

  it("exits 2 on an unknown subcommand", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await run(["renew"])).toBe(2);
    err.mockRestore();
  });
});
