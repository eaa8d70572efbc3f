/**
 * Scanned documents of a local-assistance application (issue 14): PDF, JPEG or PNG, at most 5 MiB,
 * the type told by the file's first bytes (never by its name or the browser's word), stored with
 * its SHA-256. Pure: the route hands in the bytes.
 */
import { createHash } from "node:crypto";

export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
export type DocumentType = "application/pdf" | "image/jpeg" | "image/png";

/** The type by magic bytes: %PDF-, FF D8 FF, or the PNG signature; null for anything else. */
export function sniffType(bytes: Uint8Array): DocumentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

export type UploadCheck = { ok: true; type: DocumentType; sha256: string } | { ok: false; reason: "empty" | "too_large" | "type" };

export function checkUpload(bytes: Uint8Array): UploadCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > DOCUMENT_MAX_BYTES) return { ok: false, reason: "too_large" };
  const type = sniffType(bytes);
  if (!type) return { ok: false, reason: "type" };
  return { ok: true, type, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A file name safe to store and to put in Content-Disposition: no paths, no control characters, ≤ 120 chars. */
export function safeFileName(name: string, type: DocumentType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().slice(0, 120);
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  return clean || `document${ext}`;
}
