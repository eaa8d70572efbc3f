/**
 * Scanned documents of a local-assistance application (issue 14): PDF, JPEG or PNG, at most 5 MiB,
 * the type told by the file's first bytes (never by its name or the browser's word), stored with
 * its SHA-256. Pure: the route hands in the bytes.
 */
import { checkScan, MAX_SCAN_BYTES, sniffScanType, type ScanType } from "../../intake/scan";

// One rule for every uploaded paper, whichever door it comes through: the Centre's scans
// (app/intake/scan.ts) and the portal's documents are typed, limited and hashed the same way.
export const DOCUMENT_MAX_BYTES = MAX_SCAN_BYTES;
export type DocumentType = ScanType;

/** The type by magic bytes: %PDF-, FF D8 FF, or the PNG signature; null for anything else. */
export const sniffType = sniffScanType;

export type UploadCheck = { ok: true; type: DocumentType; sha256: string } | { ok: false; reason: "empty" | "too_large" | "type" };

const REASON = { empty: "empty", tooLarge: "too_large", wrongType: "type" } as const;

export function checkUpload(bytes: Uint8Array): UploadCheck {
  const checked = checkScan(bytes);
  return checked.ok ? { ok: true, type: checked.type, sha256: checked.sha256 } : { ok: false, reason: REASON[checked.error] };
}

/** A file name safe to store and to put in Content-Disposition: no paths, no control characters, ≤ 120 chars. */
export function safeFileName(name: string, type: DocumentType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().slice(0, 120);
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  return clean || `document${ext}`;
}
