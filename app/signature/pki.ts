/**
 * A test public-key infrastructure shaped like НУЦ РК's: a root CA, an intermediate CA that issues
 * personal certificates (subject SERIALNUMBER=IIN<12 digits>), CRLs, and password-protected PKCS#12
 * key files. Used by `komek pki init` and by tests, which also use it to make deliberately bad
 * certificates (expired, wrong key usage, foreign CA…). Never used to verify anything.
 */
import forge from "node-forge";
import { x509, OID } from "./x509";
import { bytesToBase64 } from "./pem";

export type KeyAlgorithm = "RSA" | "EC";

export type CertificateAuthority = {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  /** Certificates above this CA, nearest first, ending with the root (empty for a root). */
  chain: x509.X509Certificate[];
};

export type EndEntity = {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  /** The issuing CA's certificate and those above it, nearest first, ending with the root. */
  chain: x509.X509Certificate[];
};

export type Person = {
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string | null;
};

export type Validity = { notBefore?: Date; notAfter?: Date };

export const KeyUsage = x509.KeyUsageFlags;

const DAY = 24 * 60 * 60 * 1000;

function algorithms(kind: KeyAlgorithm) {
  return kind === "RSA"
    ? {
        generate: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
        sign: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      }
    : { generate: { name: "ECDSA", namedCurve: "P-256" }, sign: { name: "ECDSA", hash: "SHA-256" } };
}

/** Keys are extractable because the test PKI writes them into PKCS#12 files. */
export async function generateKeys(kind: KeyAlgorithm = "RSA"): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(algorithms(kind).generate, true, ["sign", "verify"])) as CryptoKeyPair;
}

function signingAlgorithmOf(key: CryptoKey) {
  return algorithms(key.algorithm.name === "ECDSA" ? "EC" : "RSA").sign;
}

/** A positive 128-bit serial in hex, as RFC 5280 asks (≤ 20 octets, non-negative). */
export function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function validityWindow(validity: Validity, defaultDays: number) {
  // Backdate a little so a certificate made "now" is valid on a machine whose clock is slightly behind.
  const notBefore = validity.notBefore ?? new Date(Date.now() - 60 * 60 * 1000);
  const notAfter = validity.notAfter ?? new Date(notBefore.getTime() + defaultDays * DAY);
  return { notBefore, notAfter };
}

export async function createRootCa(
  options: { commonName?: string; keyAlgorithm?: KeyAlgorithm } & Validity = {},
): Promise<CertificateAuthority> {
  const keys = await generateKeys(options.keyAlgorithm);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ [OID.commonName]: [options.commonName ?? "НУЦ РК (тест)"] }, { [OID.country]: ["KZ"] }],
    keys,
    serialNumber: randomSerial(),
    ...validityWindow(options, 20 * 365),
    signingAlgorithm: signingAlgorithmOf(keys.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(KeyUsage.keyCertSign | KeyUsage.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, privateKey: keys.privateKey, chain: [] };
}

export async function createIntermediateCa(
  parent: CertificateAuthority,
  options: { commonName?: string; keyAlgorithm?: KeyAlgorithm; basicConstraintsCa?: boolean } & Validity = {},
): Promise<CertificateAuthority> {
  const keys = await generateKeys(options.keyAlgorithm);
  const certificate = await x509.X509CertificateGenerator.create({
    subject: [{ [OID.commonName]: [options.commonName ?? "НУЦ РК (тест) RSA"] }, { [OID.country]: ["KZ"] }],
    issuer: parent.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: parent.privateKey,
    serialNumber: randomSerial(),
    ...validityWindow(options, 10 * 365),
    signingAlgorithm: signingAlgorithmOf(parent.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(options.basicConstraintsCa ?? true, 0, true),
      new x509.KeyUsagesExtension(KeyUsage.keyCertSign | KeyUsage.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(parent.certificate),
    ],
  });
  return { certificate, privateKey: keys.privateKey, chain: [parent.certificate, ...parent.chain] };
}

export function fullName(person: Person): string {
  return [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ");
}

/**
 * A personal signing certificate: CN = full name, SURNAME, GIVENNAME, SERIALNUMBER=IIN…, C=KZ.
 * (Real НУЦ РК certificates carry the patronymic in GIVENNAME; code should display CN.)
 * `keyUsage: null` leaves the extension out; tests use that and other flags to make bad keys.
 */
export async function issuePersonCertificate(
  ca: CertificateAuthority,
  person: Person,
  options: { keyUsage?: number | null; keyAlgorithm?: KeyAlgorithm; serialNumber?: string; keys?: CryptoKeyPair } & Validity = {},
): Promise<EndEntity> {
  const keys = options.keys ?? (await generateKeys(options.keyAlgorithm));
  const keyUsage = options.keyUsage === undefined ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : options.keyUsage;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
  ];
  if (keyUsage !== null) extensions.push(new x509.KeyUsagesExtension(keyUsage, true));
  const certificate = await x509.X509CertificateGenerator.create({
    subject: [
      { [OID.commonName]: [fullName(person)] },
      { [OID.surname]: [person.surname] },
      { [OID.givenName]: [person.givenName] },
      { [OID.serialNumber]: [`IIN${person.iin}`] },
      { [OID.country]: ["KZ"] },
    ],
    issuer: ca.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    serialNumber: options.serialNumber ?? randomSerial(),
    ...validityWindow(options, 365),
    signingAlgorithm: signingAlgorithmOf(ca.privateKey),
    extensions,
  });
  return { certificate, privateKey: keys.privateKey, chain: [ca.certificate, ...ca.chain] };
}

/** A CRL signed by `ca` listing the given certificates (or hex serials) as revoked. */
export async function createCrl(
  ca: CertificateAuthority,
  revoked: (x509.X509Certificate | string)[],
  options: { thisUpdate?: Date; nextUpdate?: Date; revocationDate?: Date } = {},
): Promise<x509.X509Crl> {
  const thisUpdate = options.thisUpdate ?? new Date(Date.now() - 60 * 1000);
  return x509.X509CrlGenerator.create({
    issuer: ca.certificate.subjectName,
    thisUpdate,
    nextUpdate: options.nextUpdate ?? new Date(thisUpdate.getTime() + 7 * DAY),
    signingKey: ca.privateKey,
    signingAlgorithm: signingAlgorithmOf(ca.privateKey),
    entries: revoked.map((r) => ({
      serialNumber: typeof r === "string" ? r : r.serialNumber,
      revocationDate: options.revocationDate ?? thisUpdate,
      reason: x509.X509CrlReason.keyCompromise,
    })),
  });
}

/**
 * A password-protected PKCS#12 file holding the key, its certificate and the chain above it, as НУЦ
 * РК issues them. RSA keys only (node-forge's PKCS#12 does not carry EC keys).
 */
export async function toPkcs12(entity: EndEntity, password: string, friendlyName?: string): Promise<Uint8Array> {
  if (entity.privateKey.algorithm.name !== "RSASSA-PKCS1-v1_5") throw new Error("PKCS#12 export supports RSA keys only");
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", entity.privateKey));
  const key = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(forge.util.binary.raw.encode(pkcs8)));
  const certs = [entity.certificate, ...entity.chain].map((c) =>
    forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.binary.raw.encode(new Uint8Array(c.rawData)))),
  );
  const p12 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: "aes256", friendlyName });
  return forge.util.binary.raw.decode(forge.asn1.toDer(p12).getBytes());
}

/** The `x5c` header value for a certificate and its chain (leaf first; the root is left out). */
export function x5cOf(entity: { certificate: x509.X509Certificate; chain: x509.X509Certificate[] }): string[] {
  const intermediates = entity.chain.slice(0, -1);
  return [entity.certificate, ...intermediates].map((c) => bytesToBase64(new Uint8Array(c.rawData)));
}
