/**
 * Signing in the browser. A `Signer` turns the exact payload into a compact JWS whose header carries
 * the signer's certificate chain (`x5c`); the server checks it with verify.ts.
 *
 * `openKeyFile` is the signer for a PKCS#12 key file (the `.p12` НУЦ РК issues): node-forge opens it,
 * the private key moves into WebCrypto as a non-extractable key, and jose signs with RS256. The key
 * never leaves the page. A token or NCALayer would be another implementation of the same interface
 * (see README.md). No Node imports: this module runs in the browser and in tests.
 */
import forge from "node-forge";
import { CompactSign } from "jose";

export type SignerInfo = {
  /** The 12 digits after "IIN" in the certificate's SERIALNUMBER, or null when there are none. */
  iin: string | null;
  /** The signer's name (certificate CN). */
  subject: string;
  /** ISO 8601. */
  notAfter: string;
};

export interface Signer {
  /** A compact JWS over the UTF-8 bytes of `payload`, with `x5c` (leaf first, then intermediates). */
  sign(payload: string): Promise<string>;
  describe(): SignerInfo;
}

export type KeyFileErrorCode = "wrong_password" | "unreadable" | "no_key" | "unsupported_key";

/** What went wrong opening a key file; `code` maps to `signature:errors.<code>` in the locales. */
export class KeyFileError extends Error {
  constructor(readonly code: KeyFileErrorCode, options?: { cause?: unknown }) {
    super(`key file: ${code}`, options);
    this.name = "KeyFileError";
  }
}

export async function openKeyFile(p12Bytes: ArrayBuffer | Uint8Array, password: string): Promise<Signer> {
  // Browsers expose WebCrypto only in secure contexts (HTTPS or localhost); say so instead of blaming the key.
  if (!globalThis.crypto?.subtle) throw new Error("WebCrypto is unavailable: the page must be served over HTTPS");
  const { key, certificate, chain } = readPkcs12(new Uint8Array(p12Bytes), password);

  const pkcs8 = forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes();
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey(
      "pkcs8",
      new Uint8Array(forge.util.binary.raw.decode(pkcs8)),
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      false, // non-extractable: page scripts can sign with it but never read it back
      ["sign"],
    );
  } catch (cause) {
    throw new KeyFileError("unsupported_key", { cause });
  }

  const x5c = [certificate, ...chain].map((c) => forge.util.encode64(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes()));
  const info = describeCertificate(certificate);

  return {
    describe: () => info,
    sign: (payload) =>
      new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: "RS256", x5c }).sign(privateKey),
  };
}

function readPkcs12(bytes: Uint8Array, password: string) {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.binary.raw.encode(bytes)), password);
  } catch (cause) {
    // forge reports a failed MAC check ("Invalid password?"); anything else is not a PKCS#12 we can read.
    const wrongPassword = cause instanceof Error && /password/i.test(cause.message);
    throw new KeyFileError(wrongPassword ? "wrong_password" : "unreadable", { cause });
  }

  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  if (keyBags.length === 0) throw new KeyFileError("no_key");
  // A file without a MAC decrypts with any password into garbage: no key then means a wrong password.
  const key = keyBags[0].key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new KeyFileError("wrong_password");
  if (!key.n) throw new KeyFileError("unsupported_key");

  const certificate = certificates.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!certificate) throw new KeyFileError("no_key");
  return { key, certificate, chain: issuerChain(certificate, certificates) };
}

/** The issuers above `leaf` found among `all`, nearest first, without the self-signed root. */
function issuerChain(leaf: forge.pki.Certificate, all: forge.pki.Certificate[]): forge.pki.Certificate[] {
  const chain: forge.pki.Certificate[] = [];
  let current = leaf;
  while (chain.length < all.length) {
    const issuer = all.find((c) => c !== current && !chain.includes(c) && safeIssued(c, current));
    if (!issuer || safeIssued(issuer, issuer)) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

function safeIssued(issuer: forge.pki.Certificate, subject: forge.pki.Certificate): boolean {
  try {
    return issuer.issued(subject);
  } catch {
    return false;
  }
}

function describeCertificate(cert: forge.pki.Certificate): SignerInfo {
  const field = (oid: string) => {
    const attr = cert.subject.attributes.find((a) => a.type === oid);
    if (!attr || typeof attr.value !== "string") return null;
    // forge keeps UTF8String values as raw bytes in a binary string (its typings call the tag a class).
    return (attr.valueTagClass as number) === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(attr.value) : attr.value;
  };
  const serial = field("2.5.4.5");
  const iin = serial && /^IIN\d{12}$/.test(serial) ? serial.slice(3) : null;
  return { iin, subject: field("2.5.4.3") ?? "", notAfter: cert.validity.notAfter.toISOString() };
}
