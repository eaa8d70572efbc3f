import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { offerAnswerFields, offerAnswerForm, phoneFields, phoneForm } from "./cabinet";
import { citizenLoginForm, ecpLoginForm, staffLoginForm } from "./login";
import { devReplyForm } from "./dev";

const FORM_ID = "0b6f4a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

describe("the cabinet, sign-in and demo SMS forms: bad input gets the field's ru/kk key, good input its value", () => {
  it.each([
    ["phone: no number", phoneForm, phoneFields({ intent: "send" }), { number: "cabinet:phone.errors.numberRequired" }],
    ["phone: not a mobile number", phoneForm, phoneFields({ intent: "send", number: "8 7172 55 01 01" }), { number: "cabinet:phone.errors.numberFormat" }],
    ["phone: a number far too long", phoneForm, phoneFields({ intent: "send", number: "7".repeat(41) }), { number: "cabinet:phone.errors.numberFormat" }],
    ["phone: verify without a code", phoneForm, phoneFields({ number: "+77015550101" }), { code: "apply:errors.codeRequired" }],
    ["offer: a choice not made", offerAnswerForm, offerAnswerFields({ intent: "choice", formId: FORM_ID }), { quick: "ui:offer.errors.choose" }],
    ["offer: a blank answer", offerAnswerForm, offerAnswerFields({ formId: FORM_ID, answer: "   " }), { answer: "smsui:offer.errors.answerRequired" }],
    ["offer: an altered form id", offerAnswerForm, offerAnswerFields({ formId: "x", answer: "1" }), { formId: "formId" }],
    ["login: no IIN", citizenLoginForm, { password: "x" }, { iin: "auth:errors.iinRequired" }],
    ["staff login: no password", staffLoginForm, { login: "head" }, { password: "auth:errors.passwordRequired" }],
    ["ЭЦП login: no signature", ecpLoginForm, { payload: "{}" }, { signature: "auth:errors.signatureRequired" }],
    ["demo SMS: a blank reply", devReplyForm, { reply: " " }, { reply: "smsui:dev.errors.replyRequired" }],
  ])("%s", (_name, schema, fields, errors) => {
    const parsed = parseForm(schema, fields as Record<string, string>);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual(errors);
  });

  it("normalises the number typed and the code's spaces", () => {
    const parsed = parseForm(phoneForm, phoneFields({ number: "8 (701) 555-01-01", code: "123 456" }));
    expect(parsed.ok && parsed.data).toEqual({ intent: "verify", number: "+77015550101", code: "123456" });
  });

  it("takes a quick choice or a typed answer, an SMS's length at most", () => {
    expect(parseForm(offerAnswerForm, offerAnswerFields({ intent: "choice", formId: FORM_ID, quick: "2" }))).toMatchObject({ ok: true, data: { quick: "2" } });
    const long = parseForm(offerAnswerForm, offerAnswerFields({ formId: FORM_ID, answer: "1".repeat(2000) }));
    expect(long.ok && long.data.intent === "text" && long.data.answer.length).toBe(1600);
  });

  it("keeps where to go after sign-in for safeRedirect to check", () => {
    expect(parseForm(citizenLoginForm, { iin: "900512440017", password: "p", redirectTo: "/cabinet/phone" })).toMatchObject({ ok: true, data: { redirectTo: "/cabinet/phone" } });
  });
});
