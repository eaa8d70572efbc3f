import { beforeAll, describe, expect, it } from "vitest";
import { openKeyFile, KeyFileError } from "./signer";
import { verifySignature } from "./verify";
import { createCrl, issuePersonCertificate, toPkcs12, type CertificateAuthority, type EndEntity } from "./pki";
import { aigerim, makeTestPki } from "./testing";
import { canonicalJson } from "./canonical";
import { bytesToBase64 } from "./pem";

const PASSWORD = "123456";
let root: CertificateAuthority;
let citizen: EndEntity;
let p12: Uint8Array;

beforeAll(async () => {
  const pki = await makeTestPki();
  root = pki.root;
  citizen = await issuePersonCertificate(pki.intermediate, aigerim);
  p12 = await toPkcs12(citizen, PASSWORD, "Нурланова Айгерим");
});

async function openError(bytes: Uint8Array, password: string) {
  try {
    await openKeyFile(bytes, password);
  } catch (e) {
    return e instanceof KeyFileError ? e.code : e;
  }
  return "opened";
}

describe("openKeyFile", () => {
  it("opens a PKCS#12 key file with the right password and describes whose key it is", async () => {
    const signer = await openKeyFile(p12, PASSWORD);
    expect(signer.describe()).toEqual({
      iin: aigerim.iin,
      subject: "Нурланова Айгерим Сериковна",
      notAfter: citizen.certificate.notAfter.toISOString(),
    });
  });

  it("accepts the file as an ArrayBuffer, as FileReader and Blob.arrayBuffer give it", async () => {
    const buffer = p12.buffer.slice(p12.byteOffset, p12.byteOffset + p12.byteLength) as ArrayBuffer;
    expect((await openKeyFile(buffer, PASSWORD)).describe().iin).toBe(aigerim.iin);
  });

  it.each([
    ["a wrong password", () => p12, "654321", "wrong_password"],
    ["an empty password", () => p12, "", "wrong_password"],
    ["a file that is not PKCS#12", () => new TextEncoder().encode("hello"), PASSWORD, "unreadable"],
    ["an empty file", () => new Uint8Array(), PASSWORD, "unreadable"],
  ] as const)("refuses %s with a KeyFileError the page can translate", async (_name, bytes, password, code) => {
    expect(await openError(bytes(), password)).toBe(code);
  });

  it("signs a payload that the server verifies, with the intermediate but not the root in x5c", async () => {
    const payload = canonicalJson({ iin: aigerim.iin, consent: true, members: ["900512440017"] });
    const jws = await (await openKeyFile(p12, PASSWORD)).sign(payload);

    const header = JSON.parse(Buffer.from(jws.split(".")[0], "base64url").toString());
    expect(header.alg).toBe("RS256");
    expect(header.x5c).toEqual([citizen.certificate, citizen.chain[0]].map((c) => bytesToBase64(new Uint8Array(c.rawData))));

    const result = await verifySignature({
      jws,
      expectedIin: aigerim.iin,
      expectedPayload: payload,
      trustAnchors: [root.certificate],
      crls: [await createCrl(root, [])],
      now: new Date(),
    });
    expect(result).toMatchObject({ valid: true, iin: aigerim.iin, payload });
  });
});
