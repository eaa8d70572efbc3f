import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { checkScan, safeFileName, sniffScanType, MAX_SCAN_BYTES } from "./scan";

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n");
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);

describe("scanned documents", () => {
  it.each([
    ["PDF", PDF, "application/pdf"],
    ["JPEG", JPEG, "image/jpeg"],
    ["PNG", PNG, "image/png"],
    ["a GIF", new TextEncoder().encode("GIF89a...."), null],
    ["an HTML page named .pdf", new TextEncoder().encode("<html><script>alert(1)</script>"), null],
    ["an executable", bytes(0x4d, 0x5a, 0x90, 0), null],
    ["a truncated PNG header", bytes(0x89, 0x50, 0x4e, 0x47), null],
  ] as const)("%s is typed by its bytes: %s", (_name, data, type) => {
    expect(sniffScanType(data)).toBe(type);
  });

  it("keeps the sha256 and the size of an accepted scan", () => {
    const checked = checkScan(PDF);
    expect(checked).toEqual({ ok: true, type: "application/pdf", size: PDF.length, sha256: createHash("sha256").update(PDF).digest("hex") });
  });

  it("refuses an empty, an oversized or a wrongly typed file", () => {
    expect(checkScan(new Uint8Array())).toEqual({ ok: false, error: "empty" });
    const big = new Uint8Array(MAX_SCAN_BYTES + 1);
    big.set(PDF);
    expect(checkScan(big)).toEqual({ ok: false, error: "tooLarge" });
    const exact = new Uint8Array(MAX_SCAN_BYTES);
    exact.set(PDF);
    expect(checkScan(exact).ok).toBe(true);
    expect(checkScan(new TextEncoder().encode("hello"))).toEqual({ ok: false, error: "wrongType" });
  });

  it("stores a file name that is safe in a header, with the extension of the real type", () => {
    expect(safeFileName("Удостоверение личности.pdf", "application/pdf")).toMatch(/\.pdf$/);
    expect(safeFileName('a"b\r\nc.exe', "image/png")).toBe("a_b_c.png");
    expect(safeFileName("passport scan.JPG", "image/jpeg")).toBe("passport_scan.jpg");
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("etc_passwd.pdf");
  });
});
