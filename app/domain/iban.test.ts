import { describe, expect, it } from "vitest";
import { makeKzIban, maskIban, parseKzIban } from "./iban";

const VALID = "KZ86125KZT5004100100";

describe("parseKzIban", () => {
  it.each([
    ["the electronic form", VALID],
    ["groups of four separated by spaces", "KZ86 125K ZT50 0410 0100"],
    ["lower case with spaces", "kz86 125k zt50 0410 0100"],
    ["lower case without spaces", "kz86125kzt5004100100"],
    ["dashes", "KZ86-125K-ZT50-0410-0100"],
    ["spaces around it", "  KZ86125KZT5004100100 "],
  ])("accepts %s and returns the electronic form", (_name, input) => {
    expect(parseKzIban(input)).toEqual({ ok: true, iban: VALID, bankCode: "125" });
  });

  it.each([
    ["a wrong check digit", "KZ87125KZT5004100100", "checksum"],
    ["two swapped account digits", "KZ86125KZT5004101000", "checksum"],
    ["a German IBAN", "DE89370400440532013000", "country"],
    ["a British IBAN", "GB82WEST12345698765432", "country"],
    ["19 characters", "KZ86125KZT500410010", "format"],
    ["21 characters", "KZ86125KZT50041001001", "format"],
    ["letters in the bank code", "KZ86ABCKZT5004100100", "format"],
    ["letters for check digits", "KZXX125KZT5004100100", "format"],
    ["punctuation", "KZ86125KZT500410010.", "format"],
    ["digits only", "8612512345678901234", "format"],
    ["nothing", "", "format"],
  ])("refuses %s with reason %s", (_name, input, reason) => {
    expect(parseKzIban(input)).toEqual({ ok: false, reason });
  });

  it("catches every single-digit typo in a valid IBAN", () => {
    for (let i = 2; i < VALID.length; i++) {
      if (!/\d/.test(VALID[i])) continue;
      for (let d = 0; d <= 9; d++) {
        if (String(d) === VALID[i]) continue;
        const typo = `${VALID.slice(0, i)}${d}${VALID.slice(i + 1)}`;
        expect(parseKzIban(typo), typo).toEqual({ ok: false, reason: "checksum" });
      }
    }
  });
});

describe("makeKzIban", () => {
  it("builds the IBAN for a bank code and account number", () => {
    expect(makeKzIban("125", "KZT5004100100")).toBe(VALID);
  });

  it("round-trips through parseKzIban for 1,000 generated accounts", () => {
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let seed = 1414;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 1_000; i++) {
      const bankCode = String(next(1000)).padStart(3, "0");
      const account = Array.from({ length: 13 }, () => alphabet[next(alphabet.length)]).join("");
      const iban = makeKzIban(bankCode, account);
      expect(iban).toMatch(/^KZ\d{2}/);
      expect(iban.slice(4)).toBe(`${bankCode}${account}`);
      expect(parseKzIban(iban)).toEqual({ ok: true, iban, bankCode });
    }
  });

  it.each([
    ["a two-digit bank code", "12", "KZT5004100100"],
    ["an 11-character account", "125", "KZT50041001"],
  ])("refuses %s", (_name, bankCode, account) => {
    expect(() => makeKzIban(bankCode, account)).toThrow(/cannot compose/);
  });
});

describe("maskIban", () => {
  it.each([
    [VALID, "•••• 0100"],
    [makeKzIban("722", "S000012345678"), "•••• 5678"],
  ])("shows only the last four characters of %s", (iban, masked) => {
    expect(maskIban(iban)).toBe(masked);
    expect(maskIban(iban)).not.toContain(iban.slice(0, 8));
  });
});
