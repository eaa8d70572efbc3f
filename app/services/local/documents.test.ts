import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { checkUpload, DOCUMENT_MAX_BYTES, safeFileName, sniffType } from "./documents";

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);

describe("documents: type by content, size limit, hash", () => {
  it.each([
    ["a PDF", PDF, "application/pdf"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["a PNG", PNG, "image/png"],
    ["an executable named .pdf", bytes(0x4d, 0x5a, 0x90, 0), null],
    ["HTML", new TextEncoder().encode("<html><script>"), null],
    ["a GIF", new TextEncoder().encode("GIF89a"), null],
    ["a truncated PNG signature", bytes(0x89, 0x50, 0x4e), null],
  ])("%s → %s", (_name, content, type) => {
    expect(sniffType(content)).toBe(type);
  });

  it("stores the SHA-256 of the exact bytes", () => {
    const check = checkUpload(PDF);
    expect(check).toEqual({ ok: true, type: "application/pdf", sha256: createHash("sha256").update(PDF).digest("hex") });
  });

  it.each([
    ["empty", new Uint8Array(0), "empty"],
    ["one byte over 5 MiB", (() => { const b = new Uint8Array(DOCUMENT_MAX_BYTES + 1); b.set(PDF); return b; })(), "too_large"],
    ["not a document", bytes(1, 2, 3, 4, 5, 6, 7, 8), "type"],
  ])("refuses %s", (_name, content, reason) => {
    expect(checkUpload(content)).toEqual({ ok: false, reason });
  });

  it("accepts exactly 5 MiB", () => {
    const b = new Uint8Array(DOCUMENT_MAX_BYTES);
    b.set(PDF);
    expect(checkUpload(b).ok).toBe(true);
  });

  it.each([
    ["C:\\Users\\me\\выписка.pdf", "выписка.pdf"],
    ["../../etc/passwd", "passwd"],
    ['a"b<c>.pdf', "abc.pdf"],
    ["", "document.pdf"],
  ])("safe file name of %j is %j", (name, safe) => expect(safeFileName(name, "application/pdf")).toBe(safe));
});
