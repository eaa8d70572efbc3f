import { describe, expect, it } from "vitest";
import { parseForm } from "../schemas/form";
import { recoveryForm, terminationForm } from "./forms";

describe("the termination form", () => {
  it.each([
    ["a ground and a date", { ground: "institution", eventDate: "2026-12-01" }, { ok: true }],
    ["no ground", { eventDate: "2026-12-01" }, { ok: false, errors: { ground: "payments:errors.form.ground" } }],
    ["an unknown ground", { ground: "bored", eventDate: "2026-12-01" }, { ok: false, errors: { ground: "payments:errors.form.ground" } }],
    ["an impossible date", { ground: "death", eventDate: "2026-02-30" }, { ok: false, errors: { eventDate: "payments:errors.form.date" } }],
    ["a note too long", { ground: "death", eventDate: "2026-12-01", note: "x".repeat(501) }, { ok: false, errors: { note: "payments:errors.form.note" } }],
  ])("%s", (_what, fields, expected) => {
    expect(parseForm(terminationForm, fields as Record<string, string>)).toMatchObject(expected);
  });
});

describe("the recovery form", () => {
  const base = { intent: "recovery", overpayment: "7", date: "2026-12-03" };
  it.each([
    ["a repayment in tenge", { ...base, action: "repay", amount: "12 500,5" }, { ok: true, data: { overpayment: 7, action: "repay", amountTiyn: 1_250_050 } }],
    ["a repayment with tiyn", { ...base, action: "repay", amount: "0.01" }, { ok: true, data: { amountTiyn: 1 } }],
    ["to court needs no sum", { ...base, action: "refer_to_court" }, { ok: true, data: { action: "refer_to_court", amountTiyn: undefined } }],
    ["a repayment without a sum", { ...base, action: "repay" }, { ok: false, errors: { amount: "payments:errors.form.amount" } }],
    ["a negative sum", { ...base, action: "repay", amount: "-5" }, { ok: false, errors: { amount: "payments:errors.form.amount" } }],
    ["three decimals", { ...base, action: "repay", amount: "1.005" }, { ok: false, errors: { amount: "payments:errors.form.amount" } }],
    ["an unknown action", { ...base, action: "forgive" }, { ok: false, errors: { action: "payments:errors.form.action" } }],
    ["no overpayment", { ...base, overpayment: "x", action: "write_off" }, { ok: false, errors: { overpayment: "payments:errors.form.overpayment" } }],
  ])("%s", (_what, fields, expected) => {
    expect(parseForm(recoveryForm, fields as Record<string, string>)).toMatchObject(expected);
  });
});
