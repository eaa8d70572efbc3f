import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream, StandardFonts } from "pdf-lib";
import { embeddedJws, isPdf, renderNoticePdf, wrap } from "./pdf.server";

describe("the notice as PDF", () => {
  it("embeds a Cyrillic font, carries the number and the code, and attaches the signed file", async () => {
    const bytes = await renderNoticePdf({
      lang: "kk",
      title: "Атаулы әлеуметтік көмек тағайындау",
      lines: ["Өтініш беруші: Төлегенов Ержан Қайратұлы (ғ қ ң ө ұ ү һ і ә)", ...Array.from({ length: 80 }, (_, i) => `${i + 1}. Жол`)],
      footer: ["Құжатқа ЭЦҚ-мен қол қойылған"],
      registrationNumber: "ASP26-000042",
      verificationCode: "ABCDE23456",
      jws: "header.payload.signature",
      signedAt: new Date("2026-12-01T06:00:00Z"),
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe("Атаулы әлеуметтік көмек тағайындау — ASP26-000042");
    const latin1 = Buffer.from(bytes).toString("latin1");
    expect(latin1).toContain("DejaVuSans");
    expect(latin1).toContain("ASP26-000042.notice.jws");
    const streams = doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFRawStream ? [o.getContents()] : []));
    const texts = streams.map((bytes) => {
      try {
        return inflateSync(bytes).toString("utf8");
      } catch {
        return Buffer.from(bytes).toString("utf8");
      }
    });
    expect(texts).toContain("header.payload.signature");
  });

  it("wraps text at spaces to the width and breaks a word longer than a line", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrap(`short words here ${"x".repeat(200)}`, font, 10, 100);
    expect(lines[0]).toBe("short words here");
    expect(lines.slice(1).every((l) => font.widthOfTextAtSize(l, 10) <= 100)).toBe(true);
    expect(lines.slice(1).join("")).toBe("x".repeat(200));
  });

  it("gives back the signed file it embeds, so /verify can check the PDF itself", async () => {
    const jws = "eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoia29tZWsifQ.c2lnbmF0dXJl";
    const bytes = await renderNoticePdf({
      lang: "ru", title: "Уведомление", lines: ["Текст"], footer: ["Подписано"], registrationNumber: "ASP26-000001",
      verificationCode: "ABCDE23456", jws, signedAt: new Date("2026-12-01T06:00:00Z"),
    });
    expect(isPdf(bytes)).toBe(true);
    expect(await embeddedJws(bytes)).toBe(jws);
  });

  it("finds nothing in a PDF without an attachment, or in bytes that are not a PDF", async () => {
    const plain = await (await PDFDocument.create()).save();
    expect(isPdf(plain)).toBe(true);
    expect(await embeddedJws(plain)).toBeNull();
    const text = new TextEncoder().encode("a.b.c");
    expect(isPdf(text)).toBe(false);
    expect(await embeddedJws(new TextEncoder().encode("%PDF-1.7 broken"))).toBeNull();
  });
});
