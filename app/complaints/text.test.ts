import { describe, expect, it } from "vitest";
import { answerPayload, complaintsT, extensionPayload, extensionSms, extensionText } from "./text";
import { countSegments } from "../../sms/segments";

const ext = { requestId: 7, registrationNumber: "ASP26-000012", agency: "ДЮ", requestedOn: "2026-11-23", extendedDays: 20, dueBefore: "2026-12-14", dueAfter: "2027-01-03" };

describe("signed letters", () => {
  it("the extension notice holds both texts with the moved due date", () => {
    expect(extensionText(ext, "ru")).toContain("продлён до 03.01.2027");
    expect(extensionText(ext, "kk")).toContain("03.01.2027 дейін ұзартылды");
    const payload = JSON.parse(extensionPayload(ext));
    expect(payload).toMatchObject({ type: "komek.asp.extension_notice", dueAfter: "2027-01-03", text: { ru: extensionText(ext, "ru"), kk: extensionText(ext, "kk") } });
  });

  it("the extension SMS fits two segments in both languages", () => {
    for (const lng of ["ru", "kk"] as const) expect(countSegments(extensionSms(ext, lng)).segments).toBeLessThanOrEqual(2);
  });

  it("the complaint-answer SMS fits two UCS-2 segments in both languages", () => {
    for (const lng of ["ru", "kk"] as const) {
      expect(countSegments(complaintsT(lng)("sms.answered", { number: "CMP26-000123" })).segments).toBeLessThanOrEqual(2);
      expect(countSegments(complaintsT(lng)("sms.registered", { number: "CMP26-000123", due: "30.12.2026" })).segments).toBeLessThanOrEqual(2);
    }
  });

  it("the answer payload is canonical: the same facts give the same bytes", () => {
    const f = { complaintId: "c", complaintNumber: "CMP26-000001", registrationNumber: "ASP26-000012", registeredOn: "2026-11-23", answer: "<b>ответ</b>", answeredOn: "2026-11-25" };
    expect(answerPayload(f)).toBe(answerPayload({ ...f }));
    expect(JSON.parse(answerPayload(f)).answer).toBe("<b>ответ</b>");
  });
});
