/**
 * What the citizen and the 1414 agent see of payments: the cabinet's list (date, amount, where it went
 * as the bank and the account's last four digits, returned and why, a stop and an overpayment with its
 * recovery status) for every service that pays — the service's name comes from its definition
 * (app/services/registry.ts) — and the one-line masked status for the contact centre (app/payments/lookup.ts).
 */
import { getDb } from "../db.server";
import * as q from "../../db/queries/payments";
import type { Language } from "../../locales";
import { findService } from "../services/registry";
import { tiynToDecimal } from "./files";
import { paymentsT } from "./text";

export type CabinetPayment = {
  key: string;
  applicationId: string;
  service: string;
  /** i18n key of the service's name (its definition's nameKey). */
  serviceNameKey: string;
  month: string;
  amount: string;
  where: string;
  status: string;
  paidOn: string | null;
  returnedOn: string | null;
  returnCode: string | null;
  stoppedFrom: string | null;
  terminationGround: string | null;
  overpayment: string | null;
  overpaymentStatus: string | null;
  overpaymentOutstanding: string | null;
};

export function toCabinetPayment(p: q.CitizenPayment, lng: Language): CabinetPayment {
  const t = paymentsT(lng);
  const where = `${p.channel === "kazpost" ? t("cabinet.kazpost") : lng === "kk" ? p.bankNameKk : p.bankNameRu} •••• ${p.iban.slice(-4)}`;
  return {
    key: String(p.lineId), applicationId: p.applicationId, service: p.service, serviceNameKey: findService(p.service)?.nameKey ?? p.service,
    month: p.month, amount: tiynToDecimal(p.amountTiyn), where, status: p.status,
    paidOn: p.paidOn, returnedOn: p.returnedOn, returnCode: p.returnCode, stoppedFrom: p.stoppedFrom, terminationGround: p.terminationGround,
    overpayment: p.overpaymentTiyn === null ? null : tiynToDecimal(p.overpaymentTiyn),
    overpaymentStatus: p.overpaymentStatus,
    overpaymentOutstanding:
      p.overpaymentTiyn === null ? null : tiynToDecimal(p.overpaymentStatus === "written_off" ? 0 : p.overpaymentTiyn - p.overpaymentRepaidTiyn),
  };
}

/** Lines that have reached a demand or later, newest month first; planned future months are left out, stopped ones shown. */
export async function cabinetPayments(iin: string, lng: Language): Promise<CabinetPayment[]> {
  const { db } = await getDb();
  const rows = await q.paymentsOfRecipient(db, iin);
  return rows.filter((r) => r.status !== "scheduled").map((r) => toCabinetPayment(r, lng));
}

/**
 * The assignment a corrected account is for: the one named in the form if it is the citizen's own,
 * else the one of their latest returned payment, else their latest payment. Its service comes with it.
 */
export function accountTarget(payments: readonly CabinetPayment[], applicationId?: string): { applicationId: string; service: string } | null {
  const chosen = applicationId
    ? payments.find((p) => p.applicationId === applicationId)
    : (payments.find((p) => p.status === "returned") ?? payments[0]);
  return chosen ? { applicationId: chosen.applicationId, service: chosen.service } : null;
}
