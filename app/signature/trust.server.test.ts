import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { clearTrustCache, loadTrustMaterial, trustSources, verifyForRequest } from "./trust.server";
import { createCrl, issuePersonCertificate, type EndEntity } from "./pki";
import { certificateToPem, crlToPem } from "./pem";
import { aigerim, makeTestPki, signAs } from "./testing";

let tmp: string;
let ours: Awaited<ReturnType<typeof makeTestPki>>;
let citizen: EndEntity;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "komek-trust-"));
  ours = await makeTestPki();
  citizen = await issuePersonCertificate(ours.intermediate, aigerim);
  await fs.writeFile(path.join(tmp, "anchors.pem"), certificateToPem(ours.root.certificate));
  await fs.writeFile(path.join(tmp, "empty.crl"), crlToPem(await createCrl(ours.intermediate, [])));
  await fs.writeFile(path.join(tmp, "revoking.der"), new Uint8Array((await createCrl(ours.intermediate, [citizen.certificate])).rawData));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fs.rm(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  vi.unstubAllEnvs();
  clearTrustCache();
});

describe("trust material", () => {
  it("defaults to the development PKI under KOMEK_DATA_DIR", () => {
    const sources = trustSources({ KOMEK_DATA_DIR: "/srv/komek" });
    expect(sources.trustAnchors).toEqual({ file: "/srv/komek/pki/ca.pem", explicit: false });
    expect(sources.crls).toEqual([{ file: "/srv/komek/pki/crl.pem", explicit: false }]);
  });

  it("never falls back to the development PKI in production, unless KOMEK_DEMO=1", async () => {
    const dataDir = path.join(tmp, "data-prod");
    await fs.mkdir(path.join(dataDir, "pki"), { recursive: true });
    await fs.copyFile(path.join(tmp, "anchors.pem"), path.join(dataDir, "pki", "ca.pem"));
    expect((await loadTrustMaterial({ KOMEK_DATA_DIR: dataDir, NODE_ENV: "production", KOMEK_DEMO: "1" })).trustAnchors).toHaveLength(1);
    clearTrustCache();
    expect((await loadTrustMaterial({ KOMEK_DATA_DIR: dataDir, NODE_ENV: "production" })).trustAnchors).toEqual([]);
    expect(trustSources({ KOMEK_DATA_DIR: dataDir, NODE_ENV: "production" }).trustAnchors.file).not.toBe(path.join(dataDir, "pki", "ca.pem"));
  });

  it("reads KOMEK_TRUST_ANCHORS and a comma-separated KOMEK_CRL of PEM and DER files", async () => {
    const material = await loadTrustMaterial({
      KOMEK_TRUST_ANCHORS: path.join(tmp, "anchors.pem"),
      KOMEK_CRL: `${path.join(tmp, "empty.crl")}, ${path.join(tmp, "revoking.der")}`,
    });
    expect(material.trustAnchors.map((c) => c.subject)).toEqual([ours.root.certificate.subject]);
    expect(material.crls).toHaveLength(2);
  });

  it("fails loudly when a configured file is missing", async () => {
    await expect(loadTrustMaterial({ KOMEK_TRUST_ANCHORS: path.join(tmp, "missing.pem") })).rejects.toThrow(/missing\.pem/);
  });

  it("trusts nothing, with a warning, when the development PKI has not been created", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await loadTrustMaterial({ KOMEK_DATA_DIR: path.join(tmp, "none") })).toEqual({ trustAnchors: [], crls: [] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("komek pki init"));
    warn.mockRestore();
  });
});

describe("verifyForRequest", () => {
  it("accepts a signature under the configured anchors and refuses it once a new CRL revokes it", async () => {
    const crlFile = path.join(tmp, "current.crl");
    await fs.writeFile(crlFile, crlToPem(await createCrl(ours.intermediate, [])));
    vi.stubEnv("KOMEK_TRUST_ANCHORS", path.join(tmp, "anchors.pem"));
    vi.stubEnv("KOMEK_CRL", crlFile);
    const jws = await signAs(citizen, "payload");

    expect(await verifyForRequest({ jws, expectedIin: aigerim.iin, expectedPayload: "payload" })).toMatchObject({ valid: true });

    // A replaced file is picked up without a restart (its modification time changes).
    await fs.writeFile(crlFile, crlToPem(await createCrl(ours.intermediate, [citizen.certificate])));
    const later = new Date(Date.now() + 5_000);
    await fs.utimes(crlFile, later, later);
    expect(await verifyForRequest({ jws, expectedIin: aigerim.iin, expectedPayload: "payload" })).toEqual({ valid: false, reason: "revoked" });
  });
});
