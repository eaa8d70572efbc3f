import { describe, expect, it } from "vitest";
import { pdfSignatureLine, signerNameIn } from "./notices.server";
import { noticePayload, type NoticeFacts } from "./text";

const facts: NoticeFacts = {
  noticeId: "00000000-0000-4000-8000-000000000001",
  registrationNumber: "ASP26-000001",
  applicationDate: "2026-05-04",
  decidedOn: "2026-05-12",
  verificationCode: "ABCDE23456",
  verifyUrl: "https://komek.example/verify",
  applicant: { iin: "900512440017", nameRu: "Нурланова Айгерим", nameKk: "Нұрланова Айгерім" },
  office: { code: "3552", nameRu: "Отдел", nameKk: "Бөлім" },
  signer: { iin: "880211340018", nameRu: "Бекмуханов Нурлан Асанович", nameKk: "Бекмұханов Нұрлан Асанұлы" },
  decision: { kind: "assignment", amountTiyn: 1_000_000, period: { from: "2026-06", to: "2026-08" } },
  calculation: null,
};
const notice = { payload: noticePayload(facts), signerName: "БЕКМУХАНОВ НУРЛАН", signerSerial: "0A1B", signedAt: new Date("2026-05-12T07:47:00Z") };

describe("the PDF's signature line", () => {
  it("names the signer in Kazakh in the Kazakh PDF and in Russian in the Russian one", () => {
    expect(signerNameIn(notice, "kk")).toBe("Бекмұханов Нұрлан Асанұлы");
    expect(signerNameIn(notice, "ru")).toBe("Бекмуханов Нурлан Асанович");
    expect(pdfSignatureLine(notice, "kk")).toContain("Бекмұханов Нұрлан Асанұлы");
  });

  it("gives the time in Astana, as the page does, not UTC", () => {
    const line = pdfSignatureLine(notice, "ru");
    expect(line).toContain("12.05.2026 12:47");
    expect(line).not.toContain("07:47");
    expect(line).not.toMatch(/\bUTC\b(?!\+5)/);
  });

  it("falls back to the certificate's name for a notice without a readable payload", () => {
    expect(signerNameIn({ payload: null, signerName: "CN NAME" }, "kk")).toBe("CN NAME");
  });
});
