/**
 * What the citizen and the 1414 agent see of payments: the cabinet's list (date, amount, where it went
 * as the bank and the account's last four digits, returned and why, an overpayment) and the one-line
 * masked status of the latest payment for the contact centre (app/payments/lookup.ts).
 */
import { getDb } from "../db.server";
import * as q from "../../db/queries/payments";
import type { Language } from "../../locales";
import { tiynToDecimal } from "./files";
import { paymentsT } from "./text";

export type CabinetPayment = {
  key: string;
  applicationId: string;
  month: string;
  amount: string;
  where: string;
  status: string;
  paidOn: string | null;
  returnedOn: string | null;
  returnCode: string | null;
  overpayment: string | null;
};

export function toCabinetPayment(p: q.CitizenPayment, lng: Language): CabinetPayment {
  const t = paymentsT(lng);
  const where = `${p.channel === "kazpost" ? t("cabinet.kazpost") : lng === "kk" ? p.bankNameKk : p.bankNameRu} •••• ${p.iban.slice(-4)}`;
  return {
    key: String(p.lineId), applicationId: p.applicationId, month: p.month, amount: tiynToDecimal(p.amountTiyn), where, status: p.status,
    paidOn: p.paidOn, returnedOn: p.returnedOn, returnCode: p.returnCode, overpayment: p.overpaymentTiyn === null ? null : tiynToDecimal(p.overpaymentTiyn),
  };
}

/** Lines that have reached a demand or later, newest month first; planned future months are left out. */
export async function cabinetPayments(iin: string, lng: Language): Promise<CabinetPayment[]> {
  const { db } = await getDb();
  const rows = await q.paymentsOfRecipient(db, iin);
  return rows.filter((r) => r.status !== "scheduled").map((r) => toCabinetPayment(r, lng));
}
