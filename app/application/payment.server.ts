/**
 * Checking a payment account: the KZ IBAN checksum, the bank from its code, and the bank's word that
 * the account is the applicant's own. Seed 002 does that through the payment gateway; the registry's
 * bank accounts stand in for the bank here. Also used by the SMS dialogue.
 */
import type { Gateway } from "../domain/gateway";
import { parseKzIban } from "../domain/iban";

export type AccountCheck =
  | { ok: true; iban: string; bankCode: string }
  | { ok: false; error: "ibanFormat" | "ibanCountry" | "ibanChecksum" | "ibanUnknownBank" | "ibanNotOwn" };

export async function checkOwnAccount(gateway: Gateway, ownerIin: string, input: string): Promise<AccountCheck> {
  const parsed = parseKzIban(input);
  if (!parsed.ok) return { ok: false, error: parsed.reason === "country" ? "ibanCountry" : parsed.reason === "checksum" ? "ibanChecksum" : "ibanFormat" };
  const banks = await gateway.listBanks();
  if (!banks.some((b) => b.code === parsed.bankCode)) return { ok: false, error: "ibanUnknownBank" };
  const account = await gateway.findBankAccountByIban(parsed.iban);
  if (!account || account.iin !== ownerIin || account.closedAt) return { ok: false, error: "ibanNotOwn" };
  return { ok: true, iban: parsed.iban, bankCode: parsed.bankCode };
}
