import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDemoPki, demoKeyFileResponse, demoKeysEnabled, demoKeysPage, readDemoKeyFile, type DemoKeyIndex } from "./demo-keys.server";
import { demoCitizens, demoStaff, DEMO_KEY_PASSWORD } from "../../db/seed/demo-people";
import { openKeyFile } from "./signer";
import { verifySignature } from "./verify";
import { parseCertificates, parseCrls } from "./pem";

let dataDir: string;
let dir: string;
let index: DemoKeyIndex;
const env = () => ({ KOMEK_DATA_DIR: dataDir, NODE_ENV: "development" });

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "komek-demo-pki-"));
  dir = path.join(dataDir, "pki");
  const result = await createDemoPki({ dir });
  expect(result.created).toBe(true);
  index = result.index;
});

afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("demoKeysEnabled", () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "test", KOMEK_DEMO: "0" }, false],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", KOMEK_DEMO: "0" }, false],
    [{ NODE_ENV: "production", KOMEK_DEMO: "1" }, true],
  ])("with %j is %s", (environment, expected) => {
    expect(demoKeysEnabled(environment)).toBe(expected);
  });
});

describe("createDemoPki", () => {
  it("lists a key file for every demo citizen and staff member, plus a revoked and an expired one", () => {
    const files = index.keys.map((k) => k.file);
    expect(files).toEqual([...demoCitizens, ...demoStaff].map((p) => `${p.iin}.p12`).concat(["revoked.p12", "expired.p12"]));
    expect(index.password).toBe(DEMO_KEY_PASSWORD);
    expect(index.keys.find((k) => k.file === "880211340018.p12")).toMatchObject({ role: "head", login: "nura.head", status: "valid" });
  });

  it("does nothing the second time, and makes a new PKI with force", async () => {
    const before = await fs.readFile(path.join(dir, "ca.pem"), "utf8");
    expect((await createDemoPki({ dir })).created).toBe(false);
    expect(await fs.readFile(path.join(dir, "ca.pem"), "utf8")).toBe(before);

    const forced = await createDemoPki({ dir, force: true });
    expect(forced.created).toBe(true);
    expect(await fs.readFile(path.join(dir, "ca.pem"), "utf8")).not.toBe(before);
    index = forced.index;
    // A key pair per demo person (more since issue 16): generous under a loaded CI machine.
  }, 120_000);

  it.each([
    ["900512440017.p12", "900512440017", "valid"],
    ["880211340018.p12", "880211340018", "valid"],
    ["revoked.p12", demoCitizens[0].iin, "revoked"],
    ["expired.p12", demoCitizens[0].iin, "expired"],
  ])("writes %s so that a signature with it verifies as %s against ca.pem and crl.pem", async (file, iin, verdict) => {
    const signer = await openKeyFile(await fs.readFile(path.join(dir, file)), DEMO_KEY_PASSWORD);
    const jws = await signer.sign("{}");
    const result = await verifySignature({
      jws,
      expectedIin: iin,
      expectedPayload: "{}",
      trustAnchors: parseCertificates(await fs.readFile(path.join(dir, "ca.pem"))),
      crls: parseCrls(await fs.readFile(path.join(dir, "crl.pem"))),
      now: new Date(),
    });
    expect(result.valid ? "valid" : result.reason).toBe(verdict);
  });

  it("writes the CRLs with the X509 CRL label OpenSSL reads", async () => {
    const pem = await fs.readFile(path.join(dir, "crl.pem"), "utf8");
    expect(pem.match(/-----BEGIN X509 CRL-----/g)).toHaveLength(2);
    expect(pem).not.toMatch(/-----BEGIN CRL-----/);
  });
});

describe("demo key downloads", () => {
  it("serve a listed key file as a PKCS#12 attachment", async () => {
    const response = await demoKeyFileResponse("revoked.p12", env());
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/x-pkcs12");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="revoked.p12"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(await fs.readFile(path.join(dir, "revoked.p12"))));
  });

  it.each(["../pki/revoked.p12", "..%2Frevoked.p12", "/etc/passwd", "index.json", "ca.pem", "crl.pem", "000000000000.p12", "REVOKED.p12", "revoked.p12 ", ""])(
    "refuse %j, which the index does not list",
    async (name) => {
      expect(await readDemoKeyFile(name, dir)).toBeNull();
      expect((await demoKeyFileResponse(name, env())).status).toBe(404);
    },
  );

  it("are not served in production unless KOMEK_DEMO=1", async () => {
    expect((await demoKeyFileResponse("revoked.p12", { ...env(), NODE_ENV: "production" })).status).toBe(404);
    expect(await demoKeysPage({ ...env(), NODE_ENV: "production" })).toBeNull();
    expect((await demoKeyFileResponse("revoked.p12", { ...env(), NODE_ENV: "production", KOMEK_DEMO: "1" })).status).toBe(200);
  });

  it("give the page the index, or null before `pki init`", async () => {
    expect((await demoKeysPage(env()))?.index?.keys).toHaveLength(index.keys.length);
    expect(await demoKeysPage({ KOMEK_DATA_DIR: path.join(dataDir, "nothing-here") })).toEqual({ index: null });
  });
});
