import { beforeAll, describe, expect, it } from "vitest";
import { CompactSign } from "jose";
import { verifySignature, LIMITS, type VerifyFailureReason, type VerifyInput } from "./verify";
import { createCrl, createIntermediateCa, createRootCa, issuePersonCertificate, KeyUsage, x5cOf, type CertificateAuthority, type EndEntity } from "./pki";
import { aigerim, ivan, makeTestPki, signAs, signWithHeader } from "./testing";
import { bytesToBase64 } from "./pem";
import { canonicalJson } from "./canonical";
import type { x509 } from "./x509";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const payload = canonicalJson({ application: "asp", iin: aigerim.iin, members: 3 });

let root: CertificateAuthority;
let intermediate: CertificateAuthority;
let citizen: EndEntity;
let crl: x509.X509Crl;

beforeAll(async () => {
  ({ root, intermediate } = await makeTestPki());
  citizen = await issuePersonCertificate(intermediate, aigerim);
  crl = await createCrl(intermediate, []);
});

function input(jws: string, overrides: Partial<VerifyInput> = {}): VerifyInput {
  return { jws, expectedIin: aigerim.iin, expectedPayload: payload, trustAnchors: [root.certificate], crls: [crl], now, ...overrides };
}

async function reasonFor(jws: string, overrides: Partial<VerifyInput> = {}) {
  const result = await verifySignature(input(jws, overrides));
  return result.valid ? "valid" : result.reason;
}

/** Replaces one of the three parts of a compact JWS. */
function withPart(jws: string, index: 0 | 1 | 2, value: string) {
  const parts = jws.split(".");
  parts[index] = value;
  return parts.join(".");
}

const b64url = (s: string) => Buffer.from(s).toString("base64url");

describe("verifySignature accepts", () => {
  it("a citizen's RS256 signature over the expected payload, chained through the intermediate to the root", async () => {
    const result = await verifySignature(input(await signAs(citizen, payload)));
    expect(result).toMatchObject({
      valid: true,
      iin: aigerim.iin,
      commonName: "Нурланова Айгерим Сериковна",
      serialNumber: citizen.certificate.serialNumber,
      payload,
    });
    if (!result.valid) return;
    expect(result.subject).toContain(`SERIALNUMBER=IIN${aigerim.iin}`);
    expect(result.subject).toContain("SURNAME=Нурланова");
    expect(result.notAfter).toEqual(citizen.certificate.notAfter);
  });

  it("a signature whose x5c also carries the root certificate", async () => {
    const x5c = [...x5cOf(citizen), bytesToBase64(new Uint8Array(root.certificate.rawData))];
    expect(await reasonFor(await signAs(citizen, payload, { x5c }))).toBe("valid");
  });

  it("a certificate issued directly by the root, with no intermediate", async () => {
    const direct = await issuePersonCertificate(root, aigerim);
    expect(await reasonFor(await signAs(direct, payload))).toBe("valid");
  });

  it("an ES256 signature by an EC key", async () => {
    const ec = await issuePersonCertificate(intermediate, aigerim, { keyAlgorithm: "EC" });
    const jws = await signAs(ec, payload);
    expect(JSON.parse(Buffer.from(jws.split(".")[0], "base64url").toString()).alg).toBe("ES256");
    expect(await reasonFor(jws)).toBe("valid");
  });

  it("any payload when the caller does not name one", async () => {
    expect(await reasonFor(await signAs(citizen, "something else"), { expectedPayload: undefined })).toBe("valid");
  });

  it("a revocation list whose issuer name matches but whose signature is forged, by ignoring it", async () => {
    const impostor = await createRootCa({ commonName: intermediate.certificate.subjectName.getField("2.5.4.3")[0] });
    const forged = await createCrl({ ...impostor, certificate: intermediate.certificate }, [citizen.certificate]);
    expect(await reasonFor(await signAs(citizen, payload), { crls: [forged] })).toBe("valid");
  });
});

describe("verifySignature rejects", () => {
  type Case = { name: string; reason: VerifyFailureReason; make: () => Promise<{ jws: string; overrides?: Partial<VerifyInput> }> };

  const cases: Case[] = [
    {
      name: "a certificate from a foreign CA",
      reason: "untrusted",
      make: async () => {
        const foreign = await makeTestPki({ rootName: "Foreign Root", intermediateName: "Foreign CA" });
        return { jws: await signAs(await issuePersonCertificate(foreign.intermediate, aigerim), payload) };
      },
    },
    {
      name: "a foreign CA that copies our root's name",
      reason: "untrusted",
      make: async () => {
        const lookalike = await makeTestPki(); // same names, different keys
        return { jws: await signAs(await issuePersonCertificate(lookalike.intermediate, aigerim), payload) };
      },
    },
    {
      name: "a chain that leaves out the intermediate",
      reason: "untrusted",
      make: async () => ({ jws: await signAs(citizen, payload, { x5c: x5cOf(citizen).slice(0, 1) }) }),
    },
    {
      name: "a chain through a certificate that is not a CA",
      reason: "untrusted",
      make: async () => {
        const notCa = await createIntermediateCa(root, { commonName: "Not a CA", basicConstraintsCa: false });
        return { jws: await signAs(await issuePersonCertificate(notCa, aigerim), payload) };
      },
    },
    {
      name: "a self-signed certificate",
      reason: "untrusted",
      make: async () => {
        const self = await createRootCa({ commonName: "Нурланова Айгерим" });
        return { jws: await signAs({ certificate: self.certificate, chain: [self.certificate], privateKey: self.privateKey }, payload) };
      },
    },
    {
      name: "a tampered payload",
      reason: "bad_signature",
      make: async () => ({ jws: withPart(await signAs(citizen, payload), 1, b64url(payload.replace("3", "4"))) }),
    },
    {
      name: "a genuine signature over a different payload than expected",
      reason: "bad_signature",
      make: async () => ({ jws: await signAs(citizen, canonicalJson({ application: "asp", iin: aigerim.iin, members: 4 })) }),
    },
    {
      name: "a tampered signature",
      reason: "bad_signature",
      make: async () => {
        const jws = await signAs(citizen, payload);
        const sig = Buffer.from(jws.split(".")[2], "base64url");
        sig[10] ^= 0x01;
        return { jws: withPart(jws, 2, sig.toString("base64url")) };
      },
    },
    {
      name: "a signature by another key presenting the citizen's certificate",
      reason: "bad_signature",
      make: async () => {
        const thief = await issuePersonCertificate(intermediate, ivan);
        return { jws: await signAs({ ...thief, certificate: citizen.certificate }, payload) };
      },
    },
    {
      name: "ES256 claimed for an RSA certificate",
      reason: "bad_signature",
      make: async () => ({ jws: withPart(await signAs(citizen, payload), 0, b64url(JSON.stringify({ alg: "ES256", x5c: x5cOf(citizen) }))) }),
    },
    {
      name: 'alg "none"',
      reason: "malformed",
      make: async () => ({ jws: `${b64url(JSON.stringify({ alg: "none", x5c: x5cOf(citizen) }))}.${b64url(payload)}.` }),
    },
    {
      name: 'alg "none" with a signature part',
      reason: "malformed",
      make: async () => ({ jws: `${b64url(JSON.stringify({ alg: "none", x5c: x5cOf(citizen) }))}.${b64url(payload)}.AAAA` }),
    },
    {
      name: "HS256 keyed with the certificate itself",
      reason: "malformed",
      make: async () => {
        const secret = new Uint8Array(citizen.certificate.rawData);
        const jws = await new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: "HS256", x5c: x5cOf(citizen) }).sign(secret);
        return { jws };
      },
    },
    {
      name: "RS512, which is not on the list",
      reason: "malformed",
      make: async () => ({ jws: withPart(await signAs(citizen, payload), 0, b64url(JSON.stringify({ alg: "RS512", x5c: x5cOf(citizen) }))) }),
    },
    {
      name: "b64: false, which would change what was signed",
      reason: "malformed",
      make: async () => ({ jws: await signWithHeader(citizen.privateKey, { alg: "RS256", x5c: x5cOf(citizen), b64: false }, payload) }),
    },
    {
      name: "x5c that is a string, not an array",
      reason: "malformed",
      make: async () => ({ jws: await signWithHeader(citizen.privateKey, { alg: "RS256", x5c: x5cOf(citizen)[0] }, payload) }),
    },
    {
      name: "a header without x5c",
      reason: "malformed",
      make: async () => ({ jws: await signAs(citizen, payload, { x5c: undefined }) }),
    },
    {
      name: "an empty x5c",
      reason: "malformed",
      make: async () => ({ jws: await signAs(citizen, payload, { x5c: [] }) }),
    },
    {
      name: `more than ${LIMITS.maxCertificates} certificates in x5c`,
      reason: "malformed",
      make: async () => {
        const [leaf, inter] = x5cOf(citizen);
        return { jws: await signAs(citizen, payload, { x5c: [leaf, inter, inter, inter, inter, inter] }) };
      },
    },
    {
      name: "a certificate over 16 KB of base64 in x5c",
      reason: "malformed",
      make: async () => ({ jws: await signAs(citizen, payload, { x5c: [x5cOf(citizen)[0] + "A".repeat(LIMITS.maxCertificateBase64Length)] }) }),
    },
    {
      name: "x5c in base64url instead of base64",
      reason: "malformed",
      make: async () => {
        const x5c = x5cOf(citizen).map((c) => Buffer.from(c, "base64").toString("base64url"));
        return { jws: await signAs(citizen, payload, { x5c }) };
      },
    },
    {
      name: "x5c holding something that is not a certificate",
      reason: "malformed",
      make: async () => ({ jws: await signAs(citizen, payload, { x5c: [bytesToBase64(new TextEncoder().encode("not a certificate"))] }) }),
    },
    {
      name: "a critical header extension",
      reason: "malformed",
      make: async () => ({ jws: await signWithHeader(citizen.privateKey, { alg: "RS256", x5c: x5cOf(citizen), crit: ["exp"], exp: 1 }, payload) }),
    },
    {
      name: "an expired certificate",
      reason: "expired",
      make: async () => {
        const old = await issuePersonCertificate(intermediate, aigerim, { notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - 35 * DAY) });
        return { jws: await signAs(old, payload) };
      },
    },
    {
      name: "a valid certificate checked after it ends",
      reason: "expired",
      make: async () => ({ jws: await signAs(citizen, payload), overrides: { now: new Date(citizen.certificate.notAfter.getTime() + 1000) } }),
    },
    {
      name: "a certificate under an expired intermediate",
      reason: "expired",
      make: async () => {
        const oldCa = await createIntermediateCa(root, { notBefore: new Date(now.getTime() - 800 * DAY), notAfter: new Date(now.getTime() - DAY) });
        return { jws: await signAs(await issuePersonCertificate(oldCa, aigerim), payload) };
      },
    },
    {
      name: "a certificate not yet valid",
      reason: "not_yet_valid",
      make: async () => {
        const future = await issuePersonCertificate(intermediate, aigerim, { notBefore: new Date(now.getTime() + DAY) });
        return { jws: await signAs(future, payload) };
      },
    },
    {
      name: "a certificate on the intermediate's revocation list",
      reason: "revoked",
      make: async () => {
        const lost = await issuePersonCertificate(intermediate, aigerim);
        return { jws: await signAs(lost, payload), overrides: { crls: [crl, await createCrl(intermediate, [lost.certificate])] } };
      },
    },
    {
      name: "a certificate whose intermediate is on the root's revocation list",
      reason: "revoked",
      make: async () => {
        const withdrawn = await createIntermediateCa(root);
        const leaf = await issuePersonCertificate(withdrawn, aigerim);
        return { jws: await signAs(leaf, payload), overrides: { crls: [crl, await createCrl(root, [withdrawn.certificate])] } };
      },
    },
    {
      name: "someone else's valid key",
      reason: "iin_mismatch",
      make: async () => ({ jws: await signAs(await issuePersonCertificate(intermediate, ivan), payload) }),
    },
    {
      name: "an expected IIN that is not 12 digits, even as a prefix of the real one",
      reason: "iin_mismatch",
      make: async () => ({ jws: await signAs(citizen, payload), overrides: { expectedIin: aigerim.iin.slice(0, 11) } }),
    },
    {
      name: "a certificate whose key usage lacks digitalSignature",
      reason: "key_usage",
      make: async () => ({ jws: await signAs(await issuePersonCertificate(intermediate, aigerim, { keyUsage: KeyUsage.keyEncipherment }), payload) }),
    },
    {
      name: "a certificate without a key usage extension",
      reason: "key_usage",
      make: async () => ({ jws: await signAs(await issuePersonCertificate(intermediate, aigerim, { keyUsage: null }), payload) }),
    },
  ];

  it.each(cases)("$name as $reason", async ({ reason, make }) => {
    const { jws, overrides } = await make();
    expect(await reasonFor(jws, overrides)).toBe(reason);
  });

  it.each([
    ["an empty string", ""],
    ["a word", "garbage"],
    ["three empty parts", ".."],
    ["four parts", "a.b.c.d"],
    ["a header that is not JSON", `${b64url("{alg")}.${b64url(payload)}.AAAA`],
    ["a header that is a JSON array", `${b64url("[]")}.${b64url(payload)}.AAAA`],
    ["characters outside base64url", "eyJ+.e30.AAAA"],
    ["a string longer than the limit", "a".repeat(LIMITS.maxJwsLength + 1)],
  ])("garbage input (%s) as malformed, without throwing", async (_name, jws) => {
    expect(await reasonFor(jws)).toBe("malformed");
  });

  it("a value that is not a string as malformed", async () => {
    expect(await verifySignature(input(42 as unknown as string))).toEqual({ valid: false, reason: "malformed" });
  });

  it("an untrusted certificate as untrusted even when it is also expired and someone else's", async () => {
    const foreign = await makeTestPki({ rootName: "Foreign Root" });
    const old = await issuePersonCertificate(foreign.intermediate, ivan, { notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - DAY) });
    expect(await reasonFor(await signAs(old, payload))).toBe("untrusted");
  });

  it("a revoked key of someone else as revoked: trust is settled before identity", async () => {
    const lost = await issuePersonCertificate(intermediate, ivan);
    expect(await reasonFor(await signAs(lost, payload), { crls: [await createCrl(intermediate, [lost.certificate])] })).toBe("revoked");
  });
});
