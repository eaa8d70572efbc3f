/**
 * Strict verification of an ЭЦП signature on a request (seed 002, clauses 15-1 and 15-3: the
 * certificate is genuine, within its validity period, not revoked, and its IIN is the applicant's).
 * Every signed action goes through `verifySignature`; nothing else decides whether a signature counts.
 *
 * The signature is a compact JWS (RS256 or ES256) whose protected header carries `x5c`: the signer's
 * certificate first, then intermediates. Checks run in this order and the first failure is the answer:
 *
 *   1. malformed      shape and limits: three base64url parts, JSON header, alg RS256/ES256 (never
 *                     `none` or HS*), no `crit`, 1–5 certificates of ≤ 16 KB base64 that parse.
 *   2. bad_signature  the JWS signature verifies with the leaf certificate's key, and the signed bytes
 *                     are exactly the expected payload. Until this holds the certificate says nothing
 *                     about this request, so nothing about the certificate is reported.
 *   3. untrusted      x5c chains, signature by signature, to one of the trust anchors; every issuer is
 *                     a CA (basicConstraints, keyCertSign, path length).
 *   4. not_yet_valid / expired   every certificate of that path, leaf first, at `now`.
 *   5. key_usage      the leaf's keyUsage extension is present and allows digitalSignature.
 *   6. revoked        no certificate of the path (below the anchor) is listed on a CRL whose issuer is
 *                     its issuer and whose signature verifies with that issuer's key. CRLs that fail
 *                     this are ignored, as forged ones would be.
 *   7. iin_mismatch   the leaf's SERIALNUMBER is exactly "IIN" + expectedIin.
 *
 * Trust questions (3–6) come before identity (7) so "this key belongs to someone else" is only said of
 * a key that would otherwise be accepted, and a foreign certificate is always just "untrusted".
 *
 * Not checked, knowingly: whether a CRL is current (nextUpdate) — the operator refreshes KOMEK_CRL;
 * with no CRL for an issuer the certificate counts as not revoked (no OCSP here).
 *
 * `verifySignature` never throws: an exception inside any step is reported as `malformed`.
 */
import { x509, OID, formatName } from "./x509";
import { base64ToBytes } from "./pem";

export const VERIFY_FAILURE_REASONS = [
  "malformed",
  "bad_signature",
  "untrusted",
  "expired",
  "not_yet_valid",
  "revoked",
  "iin_mismatch",
  "key_usage",
] as const;
export type VerifyFailureReason = (typeof VERIFY_FAILURE_REASONS)[number];

export type VerifiedSignature = {
  valid: true;
  iin: string;
  /** The leaf's subject, e.g. `CN=…, SURNAME=…, GIVENNAME=…, SERIALNUMBER=IIN…, C=KZ`. */
  subject: string;
  /** The signer's name as the certificate gives it (CN). */
  commonName: string;
  notAfter: Date;
  /** Hex serial number of the leaf certificate: what to store to prove which key signed. */
  serialNumber: string;
  /** The signed payload, UTF-8 decoded. */
  payload: string;
  certificate: x509.X509Certificate;
};
export type VerifyResult = VerifiedSignature | { valid: false; reason: VerifyFailureReason };

export type VerifyInput = {
  jws: string;
  expectedIin: string;
  /** The exact bytes the signer must have signed (a string is compared as its UTF-8 bytes). */
  expectedPayload?: string | Uint8Array;
  trustAnchors: readonly x509.X509Certificate[];
  crls?: readonly x509.X509Crl[];
  now: Date;
};

export const LIMITS = {
  maxCertificates: 5,
  maxCertificateBase64Length: 16 * 1024,
  /** Far above any application payload; bounds the work done on hostile input. */
  maxJwsLength: 1024 * 1024,
};

const ALGORITHMS = {
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
  ES256: { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" },
} as const;
type Alg = keyof typeof ALGORITHMS;

class Rejection {
  constructor(readonly reason: VerifyFailureReason) {}
}
function reject(reason: VerifyFailureReason): never {
  throw new Rejection(reason);
}

export async function verifySignature(input: VerifyInput): Promise<VerifyResult> {
  try {
    return await verifyOrReject(input);
  } catch (e) {
    return { valid: false, reason: e instanceof Rejection ? e.reason : "malformed" };
  }
}

async function verifyOrReject(input: VerifyInput): Promise<VerifiedSignature> {
  const jws = parseCompactJws(input.jws);

  // 2. The signature, with the leaf's key, over exactly the expected bytes.
  if (!(await signatureVerifies(jws))) reject("bad_signature");
  if (input.expectedPayload !== undefined && !bytesEqual(jws.payload, toBytes(input.expectedPayload))) {
    reject("bad_signature");
  }

  const [leaf, ...intermediates] = jws.certificates;
  await checkCertificate({ leaf, intermediates, ...input });

  return {
    valid: true,
    iin: input.expectedIin,
    // Formatting re-parses the name: done only for callers that read it.
    get subject() {
      return formatName(leaf.subjectName);
    },
    commonName: leaf.subjectName.getField(OID.commonName)[0] ?? "",
    notAfter: leaf.notAfter,
    serialNumber: leaf.serialNumber,
    payload: new TextDecoder("utf-8", { fatal: true }).decode(jws.payload),
    certificate: leaf,
  };
}

type ParsedJws = {
  alg: Alg;
  signingInput: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  payload: Uint8Array<ArrayBuffer>;
  certificates: x509.X509Certificate[];
};

/** Step 1: everything about shape and limits, before any cryptography. */
function parseCompactJws(jws: unknown): ParsedJws {
  if (typeof jws !== "string" || jws.length > LIMITS.maxJwsLength) reject("malformed");
  const parts = (jws as string).trim().split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[2]) reject("malformed");
  const [h, p, s] = parts;

  const header: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(base64UrlToBytes(h)));
  if (typeof header !== "object" || header === null || Array.isArray(header)) reject("malformed");
  const { alg, x5c, crit, b64 } = header as Record<string, unknown>;
  if (typeof alg !== "string" || !Object.hasOwn(ALGORITHMS, alg)) reject("malformed");
  // We understand no critical extensions, and `b64: false` would change what was signed.
  if (crit !== undefined || (b64 !== undefined && b64 !== true)) reject("malformed");
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > LIMITS.maxCertificates) reject("malformed");
  const encoded = x5c as unknown[];
  if (encoded.some((c) => typeof c !== "string" || c.length > LIMITS.maxCertificateBase64Length)) reject("malformed");
  const certificates = (encoded as string[]).map(parseCertificate);

  return {
    alg: alg as Alg,
    signingInput: new TextEncoder().encode(`${h}.${p}`),
    signature: base64UrlToBytes(s),
    payload: base64UrlToBytes(p),
    certificates,
  };
}

/**
 * Parsed certificates by their base64 text: the CA certificates every request carries, and a
 * citizen's own certificate across sign-in and submission, are parsed once (bounded, oldest out).
 * A parsed certificate is never changed, so sharing one between requests is safe; and because a
 * given text always yields the same object, verdicts below can be remembered per object.
 */
const parsedCertificates = new Map<string, x509.X509Certificate>();
const MAX_PARSED = 2048;

function parseCertificate(base64: string): x509.X509Certificate {
  const known = parsedCertificates.get(base64);
  if (known) return known;
  const certificate = new x509.X509Certificate(base64ToBytes(base64));
  if (parsedCertificates.size >= MAX_PARSED) parsedCertificates.delete(parsedCertificates.keys().next().value!);
  parsedCertificates.set(base64, certificate);
  return certificate;
}

/** A certificate's public key imported for one algorithm, kept with the (parsed, shared) certificate. */
const importedKeys = new WeakMap<x509.X509Certificate, Map<string, Promise<CryptoKey>>>();

function publicKeyOf(cert: x509.X509Certificate, algorithm: Algorithm & { hash?: unknown; namedCurve?: string }): Promise<CryptoKey> {
  const id = JSON.stringify(algorithm);
  let byAlgorithm = importedKeys.get(cert);
  if (!byAlgorithm) importedKeys.set(cert, (byAlgorithm = new Map()));
  let key = byAlgorithm.get(id);
  if (!key) {
    key = crypto.subtle.importKey("spki", cert.publicKey.rawData, algorithm as RsaHashedImportParams, false, ["verify"]);
    // A key of another kind than the algorithm is an answer too (a refusal), but not worth keeping.
    key.catch(() => byAlgorithm!.delete(id));
    byAlgorithm.set(id, key);
  }
  return key;
}

async function signatureVerifies(jws: ParsedJws): Promise<boolean> {
  const algorithm = ALGORITHMS[jws.alg];
  let key: CryptoKey;
  try {
    key = await publicKeyOf(jws.certificates[0], algorithm);
  } catch {
    return false; // the certificate's key is not of the kind `alg` names
  }
  return crypto.subtle.verify(algorithm, key, jws.signature, jws.signingInput);
}

export type CertificateCheckInput = {
  leaf: x509.X509Certificate;
  /** Further certificates the signer supplied, nearest issuer first. */
  intermediates: readonly x509.X509Certificate[];
  expectedIin: string;
  trustAnchors: readonly x509.X509Certificate[];
  crls?: readonly x509.X509Crl[];
  now: Date;
};

/**
 * Steps 3–7 on their own, for a signature format other than JWS (an NCALayer CMS adapter would call
 * this with the certificates it finds in the CMS). Throws nothing but a `Rejection` or a library error;
 * call it through `checkSignerCertificate` for a result value.
 */
async function checkCertificate(input: CertificateCheckInput): Promise<void> {
  const path = await buildPath(input.leaf, input.intermediates, input.trustAnchors);

  for (const cert of path) {
    if (input.now < cert.notBefore) reject("not_yet_valid");
    if (input.now > cert.notAfter) reject("expired");
  }

  const usage = input.leaf.getExtension(x509.KeyUsagesExtension);
  if (!usage || (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0) reject("key_usage");

  for (let i = 0; i < path.length - 1; i++) {
    if (await isRevoked(path[i], path[i + 1], input.crls ?? [])) reject("revoked");
  }

  const serials = input.leaf.subjectName.getField(OID.serialNumber);
  if (!/^\d{12}$/.test(input.expectedIin) || serials.length !== 1 || serials[0] !== `IIN${input.expectedIin}`) {
    reject("iin_mismatch");
  }
}

/** Steps 3–7 as a result value; never throws. */
export async function checkSignerCertificate(
  input: CertificateCheckInput,
): Promise<{ valid: true } | { valid: false; reason: VerifyFailureReason }> {
  try {
    await checkCertificate(input);
    return { valid: true };
  } catch (e) {
    return { valid: false, reason: e instanceof Rejection ? e.reason : "malformed" };
  }
}

/**
 * Step 3: the path leaf → intermediates (in the order given) → trust anchor. At each step we first ask
 * whether an anchor issued the current certificate, so a chain that also carries the root still ends
 * at our copy of it. Returns the path including the anchor.
 */
async function buildPath(
  leaf: x509.X509Certificate,
  intermediates: readonly x509.X509Certificate[],
  anchors: readonly x509.X509Certificate[],
): Promise<x509.X509Certificate[]> {
  const path = [leaf];
  for (let next = 0; ; next++) {
    const current = path[path.length - 1];
    for (const anchor of anchors) {
      if (await issued(anchor, current)) {
        if (!isCa(anchor, path.length - 1, false)) reject("untrusted");
        if (!sameCertificate(anchor, current)) path.push(anchor);
        return path;
      }
    }
    const candidate = intermediates[next];
    if (!candidate || !(await issued(candidate, current)) || !isCa(candidate, path.length - 1, true)) reject("untrusted");
    path.push(candidate);
  }
}

async function issued(issuer: x509.X509Certificate, subject: x509.X509Certificate): Promise<boolean> {
  if (subject.issuer !== issuer.subject) return false;
  return remembered("cert", issuer, subject, async () => {
    try {
      // The issuer's key imported once (publicKeyOf) for the algorithm this certificate names, the
      // way @peculiar/x509 would import it on every call.
      const algorithm = { ...issuer.publicKey.algorithm, ...subject.signatureAlgorithm } as Algorithm;
      return await subject.verify({ publicKey: await publicKeyOf(issuer, algorithm), signatureOnly: true });
    } catch {
      return false;
    }
  });
}

/**
 * Whether a signature over given bytes verifies with a given key never changes, so the answers for
 * the CA certificates and CRLs that every request carries are kept: re-verifying them cost most of a
 * submission's CPU. Keyed by the parsed objects, which stand for their exact bytes (parseCertificate,
 * and the trust files parsed once per modification); entries go when the objects do.
 */
const verdicts = new WeakMap<object, WeakMap<object, Map<string, Promise<boolean>>>>();

function remembered(kind: string, signer: object, signed: object, compute: () => Promise<boolean>): Promise<boolean> {
  let bySigned = verdicts.get(signer);
  if (!bySigned) verdicts.set(signer, (bySigned = new WeakMap()));
  let byKind = bySigned.get(signed);
  if (!byKind) bySigned.set(signed, (byKind = new Map()));
  let verdict = byKind.get(kind);
  if (!verdict) byKind.set(kind, (verdict = compute()));
  return verdict;
}

/**
 * May `cert` issue certificates, with `below` CA certificates under it in this path? Anchors are
 * trusted by configuration, so only their explicit constraints are enforced.
 */
function isCa(cert: x509.X509Certificate, below: number, mustDeclare: boolean): boolean {
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  if (mustDeclare && !basic?.ca) return false;
  if (basic && !basic.ca) return false;
  if (usage && (usage.usages & x509.KeyUsageFlags.keyCertSign) === 0) return false;
  if (basic?.pathLength !== undefined && below > basic.pathLength) return false;
  return true;
}

async function isRevoked(cert: x509.X509Certificate, issuer: x509.X509Certificate, crls: readonly x509.X509Crl[]) {
  for (const crl of crls) {
    if (crl.issuer !== issuer.subject) continue;
    const genuine = await remembered("crl", issuer, crl, async () => {
      try {
        return await crl.verify({ publicKey: issuer });
      } catch {
        return false;
      }
    });
    if (genuine && crl.findRevoked(cert)) return true;
  }
  return false;
}

function sameCertificate(a: x509.X509Certificate, b: x509.X509Certificate) {
  return bytesEqual(new Uint8Array(a.rawData), new Uint8Array(b.rawData));
}

function base64UrlToBytes(s: string): Uint8Array<ArrayBuffer> {
  if (s.length % 4 === 1) throw new Error("bad base64url length");
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  return base64ToBytes(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
}

function toBytes(v: string | Uint8Array): Uint8Array {
  return typeof v === "string" ? new TextEncoder().encode(v) : v;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
