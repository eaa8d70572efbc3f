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

/** The cabinet's name for "the recipient's list grants" as the target of a corrected account (they have no application). */
export const GRANTS_TARGET = "grants";

export type CabinetPayment = {
  key: string;
  /** The assignment's application, or null for a list grant (ADR 023). */
  applicationId: string | null;
  /** What a corrected account is for: the application's id, or GRANTS_TARGET. */
  target: string;
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
    key: String(p.lineId), applicationId: p.applicationId, target: p.applicationId ?? GRANTS_TARGET, service: p.service, serviceNameKey: findService(p.service)?.nameKey ?? p.service,
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
 * The assignment a corrected account is for: the one named in the form (an application's id, or
 * GRANTS_TARGET for the list grants) if it is among the citizen's own payments, else the one of their
 * latest returned payment, else their latest payment. Its service comes with it; a list grant's
 * applicationId is null.
 */
export function accountTarget(payments: readonly CabinetPayment[], target?: string): { applicationId: string | null; service: string } | null {
  const chosen = target ? payments.find((p) => p.target === target) : (payments.find((p) => p.status === "returned") ?? payments[0]);
  return chosen ? { applicationId: chosen.applicationId, service: chosen.service } : null;
}
