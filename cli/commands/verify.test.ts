import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createCrl, issuePersonCertificate } from "../../app/signature/pki";
import { certificateToPem, crlToPem } from "../../app/signature/pem";
import { aigerim, makeTestPki, signAs } from "../../app/signature/testing";

const run = promisify(execFile);
let tmp: string;
const file = (name: string) => path.join(tmp, name);

/** Runs `node cli/komek.mjs verify …` as an operator would, with the trust material in the environment. */
async function komekVerify(args: string[], env: Record<string, string>) {
  try {
    const { stdout } = await run("node", ["cli/komek.mjs", "verify", ...args], {
      env: { ...process.env, KOMEK_DATA_DIR: file("no-dev-pki"), ...env },
    });
    return { code: 0, lines: stdout.trim().split("\n") };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, lines: e.stdout.trim().split("\n") };
  }
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "komek-verify-cli-"));
  // A CA that is not the development PKI, passed only through KOMEK_TRUST_ANCHORS / KOMEK_CRL.
  const foreign = await makeTestPki({ rootName: "Foreign Test Root", intermediateName: "Foreign Test CA" });
  const citizen = await issuePersonCertificate(foreign.intermediate, aigerim);
  await fs.writeFile(file("foreign-ca.pem"), certificateToPem(foreign.root.certificate));
  await fs.writeFile(file("other-ca.pem"), certificateToPem((await makeTestPki()).root.certificate));
  await fs.writeFile(file("empty.crl"), crlToPem(await createCrl(foreign.intermediate, [])));
  await fs.writeFile(file("revoking.crl"), new Uint8Array((await createCrl(foreign.intermediate, [citizen.certificate])).rawData));
  await fs.writeFile(file("payload.json"), '{"consent":true}');
  await fs.writeFile(file("signature.jws"), (await signAs(citizen, '{"consent":true}')) + "\n");
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("komek verify", () => {
  it("prints a valid verdict for a signature under the CA named by KOMEK_TRUST_ANCHORS", async () => {
    const { code, lines } = await komekVerify([file("signature.jws"), "--iin", aigerim.iin, "--payload", file("payload.json")], {
      KOMEK_TRUST_ANCHORS: file("foreign-ca.pem"),
      KOMEK_CRL: file("empty.crl"),
    });
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const verdict = JSON.parse(lines[0]);
    expect(verdict).toEqual({ valid: true, iin: aigerim.iin, subject: expect.stringContaining(`SERIALNUMBER=IIN${aigerim.iin}`), notAfter: expect.any(String) });
    expect(Number.isNaN(Date.parse(verdict.notAfter))).toBe(false);
  });

  it("prints revoked when a DER CRL in KOMEK_CRL lists the certificate, and still exits 0", async () => {
    const { code, lines } = await komekVerify([file("signature.jws"), "--iin", aigerim.iin], {
      KOMEK_TRUST_ANCHORS: file("foreign-ca.pem"),
      KOMEK_CRL: `${file("empty.crl")},${file("revoking.crl")}`,
    });
    expect({ code, lines }).toEqual({ code: 0, lines: ['{"valid":false,"reason":"revoked"}'] });
  });

  it("prints untrusted when KOMEK_TRUST_ANCHORS names another CA", async () => {
    const { code, lines } = await komekVerify([file("signature.jws"), "--iin", aigerim.iin], { KOMEK_TRUST_ANCHORS: file("other-ca.pem"), KOMEK_CRL: file("empty.crl") });
    expect({ code, lines }).toEqual({ code: 0, lines: ['{"valid":false,"reason":"untrusted"}'] });
  });

  it("prints iin_mismatch for another applicant's IIN", async () => {
    const { lines } = await komekVerify([file("signature.jws"), "--iin", "820903340019"], { KOMEK_TRUST_ANCHORS: file("foreign-ca.pem"), KOMEK_CRL: file("empty.crl") });
    expect(lines).toEqual(['{"valid":false,"reason":"iin_mismatch"}']);
  });

  it("exits 2 without an --iin", async () => {
    expect((await komekVerify([file("signature.jws")], {})).code).toBe(2);
  });
});
