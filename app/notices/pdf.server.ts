/**
 * The notice as a PDF (pdf-lib 1.17 + fontkit), in one language. DejaVu Sans (public/fonts, with its
 * licence) is embedded as a subset, because the standard PDF fonts have no Cyrillic and Kazakh letters.
 * The PDF carries the registration number and the verification code, and has the signed JWS attached,
 * so the file alone is enough for /verify.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFRawStream, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";

const FONT_DIR = path.resolve(process.env.KOMEK_FONT_DIR ?? "public/fonts");
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all([fs.readFile(path.join(FONT_DIR, "DejaVuSans.ttf")), fs.readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))]).then(([regular, bold]) => ({
    regular: new Uint8Array(regular),
    bold: new Uint8Array(bold),
  })));

export type NoticePdfInput = {
  lang: "ru" | "kk";
  title: string;
  lines: string[];
  /** Footer lines: signature details. */
  footer: string[];
  registrationNumber: string;
  verificationCode: string;
  jws: string;
  signedAt: Date;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;

/** Splits text into lines that fit `width`, breaking at spaces (a single over-long word is broken anywhere). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      out.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) out.push(line);
  return out.length ? out : [""];
}

export async function renderNoticePdf(input: NoticePdfInput): Promise<Uint8Array> {
  const { regular, bold } = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(regular, { subset: true });
  const boldFont = await doc.embedFont(bold, { subset: true });
  doc.setTitle(`${input.title} — ${input.registrationNumber}`);
  doc.setLanguage(input.lang === "kk" ? "kk-KZ" : "ru-RU");
  doc.setProducer("Komek");
  doc.setCreationDate(input.signedAt);
  doc.setModificationDate(input.signedAt);

  const width = A4.width - 2 * MARGIN;
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const newPageIfNeeded = (needed: number) => {
    if (y - needed < MARGIN + 40) {
      page = doc.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    }
  };
  const paragraph = (text: string, f: PDFFont, size: number, gap = 6) => {
    for (const line of wrap(text, f, size, width)) {
      newPageIfNeeded(LEADING);
      page.drawText(line, { x: MARGIN, y, size, font: f, color: rgb(0.07, 0.07, 0.07) });
      y -= size + 4;
    }
    y -= gap;
  };

  paragraph(input.registrationNumber, boldFont, 10, 10);
  paragraph(input.title, boldFont, 15, 12);
  for (const line of input.lines) paragraph(line, font, SIZE);
  y -= 8;
  newPageIfNeeded(60);
  page.drawLine({ start: { x: MARGIN, y: y + 6 }, end: { x: A4.width - MARGIN, y: y + 6 }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
  y -= 8;
  for (const line of input.footer) paragraph(line, font, 9, 2);

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const text = `${input.registrationNumber} · ${input.verificationCode.slice(0, 5)}-${input.verificationCode.slice(5)} · ${i + 1}/${pages.length}`;
    p.drawText(text, { x: MARGIN, y: MARGIN / 2, size: 8, font, color: rgb(0.35, 0.35, 0.35) });
  });

  await doc.attach(new TextEncoder().encode(input.jws), `${input.registrationNumber}.notice.jws`, {
    mimeType: "application/jose",
    description: "Signed notice (compact JWS)",
    creationDate: input.signedAt,
    modificationDate: input.signedAt,
  });
  return doc.save({ useObjectStreams: false });
}

/** Does this upload look like a PDF (its header, as the PDF format requires within the first bytes)? */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-");
}

/**
 * The signed notice a PDF carries: the first embedded file that is a compact JWS. Null for a PDF that
 * cannot be read or embeds none. Only the embedded file is trusted; the PDF's visible text is not.
 */
export async function embeddedJws(bytes: Uint8Array): Promise<string | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null;
  }
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of("Type")) !== PDFName.of("EmbeddedFile")) continue;
    let content: Buffer;
    try {
      const filter = object.dict.get(PDFName.of("Filter"));
      content = filter === PDFName.of("FlateDecode") ? inflateSync(object.getContents()) : Buffer.from(object.getContents());
    } catch {
      continue;
    }
    const text = content.toString("utf8").trim();
    if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text)) return text;
  }
  return null;
}
