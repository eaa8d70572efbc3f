import { describe, expect, it } from "vitest";
import { consentFields, consentForm, incomesForm, membersFields, membersForm, paymentForm, signedForm } from "./forms";
import { parseForm } from "../schemas/form";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("the e-application's step forms: bad input gets the field's ru/kk key, good input its value", () => {
  it.each([
    ["members: add without a relation", membersForm, membersFields({ intent: "add", iin: "900512440017", relation: "" }), { relation: "apply:errors.relationRequired" }],
    ["members: add with a bad IIN", membersForm, membersFields({ intent: "add", iin: "900512440018", relation: "child" }), { iin: "auth:errors.iinInvalid" }],
    ["members: confirm without the box", membersForm, membersFields({}), { confirm: "apply:errors.confirmMembers" }],
    ["members: remove a malformed IIN", membersForm, membersFields({ intent: "remove", iin: "12" }), { iin: "auth:errors.iinFormat" }],
    ["incomes: not confirmed", incomesForm, {}, { confirm: "apply:errors.confirmIncomes" }],
    ["payment: nothing chosen", paymentForm, {}, { account: "apply:errors.accountRequired" }],
    ["payment: an index that is not a number", paymentForm, { account: "x1" }, { account: "apply:errors.accountRequired" }],
    ["payment: other without an IBAN", paymentForm, { account: "other", iban: "  " }, { iban: "apply:errors.ibanRequired" }],
    ["payment: an IBAN far too long", paymentForm, { account: "other", iban: "K".repeat(61) }, { iban: "apply:errors.ibanFormat" }],
    ["consent: no code", consentForm, consentFields({}), { code: "apply:errors.codeRequired" }],
    ["consent: five digits", consentForm, consentFields({ code: "12 345" }), { code: "apply:errors.codeFormat" }],
    ["signature: missing", signedForm(100, "auth:errors.signatureRequired"), { payload: "{}" }, { signature: "auth:errors.signatureRequired" }],
    ["signature: too long", signedForm(10, "auth:errors.signatureRequired"), { payload: "{}", signature: "x".repeat(11) }, { signature: "auth:errors.signatureRequired" }],
  ])("%s", (_name, schema, fields, errors) => {
    const parsed = parseForm(schema, form(fields as Record<string, string>));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual(errors);
  });

  it("parses what the pages post", () => {
    expect(parseForm(membersForm, membersFields({ intent: "add", iin: "9005 1244 0017", relation: "child" }))).toMatchObject({ ok: true, data: { intent: "add", iin: "900512440017", relation: "child" } });
    expect(parseForm(membersForm, membersFields({ confirm: "yes" }))).toMatchObject({ ok: true, data: { intent: "confirm" } });
    expect(parseForm(paymentForm, { account: "0" })).toMatchObject({ ok: true, data: { account: "0" } });
    expect(parseForm(consentForm, consentFields({ intent: "send" }))).toMatchObject({ ok: true, data: { intent: "send" } });
    expect(parseForm(consentForm, consentFields({ code: " 123 456 " }))).toMatchObject({ ok: true, data: { intent: "verify", code: "123456" } });
  });

  it("echoes values cut to the limit and ignores files", () => {
    const f = form({ iin: "1".repeat(50) });
    f.append("file", new Blob(["x"]), "x.txt");
    const parsed = parseForm(incomesForm, f, 20);
    expect(parsed.values).toEqual({ iin: "1".repeat(20) });
  });
});
