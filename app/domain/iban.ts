/**
 * Kazakhstan IBANs: "KZ" + 2 check digits + 3-digit bank code + 13 account characters (20 in all).
 * The checksum (ISO 13616, mod 97) and the country format come from ibantools; the bank is found by
 * the bank code in the registry's list of banks.
 */
import { composeIBAN, electronicFormatIBAN, validateIBAN, ValidationErrorsIBAN } from "ibantools";

export type IbanReason = "format" | "country" | "checksum";
export type IbanResult = { ok: true; iban: string; bankCode: string } | { ok: false; reason: IbanReason };

/** Accepts what people type (spaces, dashes, lower case) and returns the electronic form. */
export function parseKzIban(input: string): IbanResult {
  const iban = (electronicFormatIBAN(input.replace(/[-\s]/g, "")) ?? "").toUpperCase();
  if (!/^[A-Z]{2}/.test(iban)) return { ok: false, reason: "format" };
  if (!iban.startsWith("KZ")) return { ok: false, reason: "country" };
  if (!/^KZ\d{5}[0-9A-Z]{13}$/.test(iban)) return { ok: false, reason: "format" };
  const result = validateIBAN(iban);
  if (!result.valid) {
    const checksum = result.errorCodes.some(
      (e) => e === ValidationErrorsIBAN.WrongIBANChecksum || e === ValidationErrorsIBAN.ChecksumNotNumber,
    );
    return { ok: false, reason: checksum ? "checksum" : "format" };
  }
  return { ok: true, iban, bankCode: iban.slice(4, 7) };
}

/** Builds a valid KZ IBAN from a bank code and a 13-character account number (for the generator). */
export function makeKzIban(bankCode: string, account: string): string {
  const iban = composeIBAN({ countryCode: "KZ", bban: `${bankCode}${account}` });
  if (!iban) throw new Error(`cannot compose a KZ IBAN from ${bankCode}/${account}`);
  return iban;
}

/** "KZ… 1234" → "•••• 1234": the only form an account is shown in outside the owner's own pages. */
export function maskIban(iban: string): string {
  return `•••• ${iban.slice(-4)}`;
}
