import { describe, expect, it } from "vitest";
import { iinWhileTyping, parseLookupForm } from "./lookup-form";

const values = (over: Partial<Record<"callReference" | "iin" | "number" | "speak", string>>) => ({ callReference: "CC-2026-000123", iin: "", number: "", speak: "kk", ...over });

describe("parseLookupForm", () => {
  it("accepts an IIN typed with spaces, and the call's language", () => {
    expect(parseLookupForm(values({ iin: " 9005 1244 0017 " }), "ru")).toEqual({
      ok: true,
      value: { callReference: "CC-2026-000123", query: { kind: "iin", iin: "900512440017" }, speak: "kk" },
    });
  });

  it("accepts a registration number in lower case and with spaces", () => {
    const parsed = parseLookupForm(values({ number: " asp26-000123 " }), "ru");
    expect(parsed.ok && parsed.value.query).toEqual({ kind: "registration_number", registrationNumber: "ASP26-000123" });
  });

  it.each([
    ["a local-assistance case number", " lsa25-000045 ", "LSA25-000045"],
    ["a list decision's number from its SMS", "l12-000045", "L12-000045"],
  ])("accepts %s", (_case, typed, number) => {
    const parsed = parseLookupForm(values({ number: typed }), "ru");
    expect(parsed.ok && parsed.value.query).toEqual({ kind: "registration_number", registrationNumber: number });
  });

  it("falls back to the page's language when the call's language is missing", () => {
    const parsed = parseLookupForm(values({ iin: "900512440017", speak: "" }), "ru");
    expect(parsed.ok && parsed.value.speak).toBe("ru");
  });

  it.each([
    ["no call reference", { callReference: "", iin: "900512440017" }, { callReference: "callcenter:errors.callReferenceRequired" }],
    ["a call reference of two characters", { callReference: "CC", iin: "900512440017" }, { callReference: "callcenter:errors.callReferenceFormat" }],
    ["a call reference starting with =", { callReference: "=1+2", iin: "900512440017" }, { callReference: "callcenter:errors.callReferenceFormat" }],
    ["a call reference with markup", { callReference: "<b>CC</b>", iin: "900512440017" }, { callReference: "callcenter:errors.callReferenceFormat" }],
    ["neither query", {}, { iin: "callcenter:errors.queryRequired" }],
    ["both queries", { iin: "900512440017", number: "ASP26-000123" }, { number: "callcenter:errors.oneQuery" }],
    ["an IIN of 11 digits", { iin: "90051244001" }, { iin: "auth:errors.iinFormat" }],
    ["an IIN with a wrong check digit", { iin: "900512440018" }, { iin: "auth:errors.iinInvalid" }],
    ["a number without the service prefix", { number: "26-000123" }, { number: "callcenter:errors.numberFormat" }],
    ["a list decision's number without its line", { number: "L12-" }, { number: "callcenter:errors.numberFormat" }],
  ])("refuses %s", (_case, over, errors) => {
    expect(parseLookupForm(values(over), "ru")).toEqual({ ok: false, errors });
  });

  it("reports every wrong field at once", () => {
    expect(parseLookupForm(values({ callReference: "", iin: "12" }), "ru")).toEqual({
      ok: false,
      errors: { callReference: "callcenter:errors.callReferenceRequired", iin: "auth:errors.iinFormat" },
    });
  });
});

describe("iinWhileTyping", () => {
  it.each([
    ["nothing yet", "", undefined],
    ["the first digits", "9005", undefined],
    ["eleven digits: not finished, not wrong", "90051244001", undefined],
    ["a letter", "9005a", "auth:errors.iinFormat"],
    ["thirteen digits", "9005124400170", "auth:errors.iinFormat"],
    ["twelve digits with a wrong check digit", "900512440018", "auth:errors.iinInvalid"],
    ["a valid IIN with spaces", "900512 440017", undefined],
  ])("%s → %s", (_case, input, expected) => {
    expect(iinWhileTyping(input)).toBe(expected);
  });
});
