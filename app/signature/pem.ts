/**
 * Reading and writing certificates and CRLs as files: PEM bundles (several blocks in one file) or DER.
 * No I/O here; callers pass the file contents.
 */
import { x509 } from "./x509";

/** OpenSSL reads `X509 CRL`, not the `CRL` label @peculiar/x509 writes by default. */
export const CRL_PEM_LABEL = "X509 CRL";

type FileContents = string | Uint8Array | ArrayBuffer;

function asText(contents: FileContents): string | null {
  const text = typeof contents === "string" ? contents : new TextDecoder().decode(contents);
  return text.includes("-----BEGIN ") ? text : null;
}

function asBytes(contents: FileContents): Uint8Array<ArrayBuffer> {
  if (typeof contents === "string") throw new Error("expected PEM text or DER bytes");
  return new Uint8Array(contents); // a copy: the parsers want a plain ArrayBuffer behind the view
}

/** Every `CERTIFICATE` block of a PEM bundle, or the single DER certificate. */
export function parseCertificates(contents: FileContents): x509.X509Certificate[] {
  const text = asText(contents);
  if (text === null) return [new x509.X509Certificate(asBytes(contents))];
  return pemBlocks(text, "CERTIFICATE").map((der) => new x509.X509Certificate(der));
}

/** Every CRL of a PEM file (`X509 CRL` or `CRL` blocks), or the single DER CRL. */
export function parseCrls(contents: FileContents): x509.X509Crl[] {
  const text = asText(contents);
  if (text === null) return [new x509.X509Crl(asBytes(contents))];
  return [...pemBlocks(text, "X509 CRL"), ...pemBlocks(text, "CRL")].map((der) => new x509.X509Crl(der));
}

function pemBlocks(text: string, label: string): ArrayBuffer[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, "g");
  return [...text.matchAll(re)].map((m) => base64ToBytes(m[1].replace(/\s+/g, "")).buffer);
}

export function certificateToPem(cert: x509.X509Certificate): string {
  return cert.toString("pem") + "\n";
}

export function crlToPem(crl: x509.X509Crl): string {
  return x509.PemConverter.encode(crl.rawData, CRL_PEM_LABEL) + "\n";
}

/** Strict standard base64 (RFC 4648 §4, with padding), as JWS `x5c` requires; throws on anything else. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new Error("not standard base64");
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
