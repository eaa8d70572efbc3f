/**
 * Scanned paper documents: the type is what the bytes say (magic numbers), never the file name or the
 * browser's Content-Type; the size is limited; the hash is what the journal keeps. Pure.
 */
import { createHash } from "node:crypto";
import { MAX_SCAN_BYTES } from "./limits";

export type ScanType = "application/pdf" | "image/jpeg" | "image/png";
export { MAX_SCAN_BYTES };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** PDF (%PDF-), JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A) by the first bytes; null for anything else. */
export function sniffScanType(bytes: Uint8Array): ScanType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

export type ScanCheck = { ok: true; type: ScanType; sha256: string; size: number } | { ok: false; error: "empty" | "tooLarge" | "wrongType" };

export function checkScan(bytes: Uint8Array): ScanCheck {
  if (bytes.length === 0) return { ok: false, error: "empty" };
  if (bytes.length > MAX_SCAN_BYTES) return { ok: false, error: "tooLarge" };
  const type = sniffScanType(bytes);
  if (!type) return { ok: false, error: "wrongType" };
  return { ok: true, type, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
}

/** A file name safe to store and to send back in Content-Disposition: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string, type: ScanType): string {
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, "").normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 80);
  return `${base || "scan"}${ext}`;
}
