/**
 * The payment roles' page: the State Corporation's payment officer (every district; payment data
 * only — demands, files, returns with the account's last four digits, never a name, an IIN or the
 * case) and the district finance officer (their district's demands, recording the transfer). Every
 * action is written to the append-only payment audit.
 */
import { getDb } from "../db.server";
import type { StaffUser } from "../session.server";
import { offices, type StaffRole } from "../../db/schema";
import * as q from "../../db/queries/payments";
import { tiynToDecimal } from "./files";
import { changeOverpayment, PaymentError, recordTransfer, terminateAssignment, type PaymentActor, type RecoveryResult, type TerminationResult, type TransferResult } from "./pipeline.server";
import type { Application } from "../../db/schema";
import { kzDate, type IsoDate } from "../domain/kz-time";
import type { TerminationGround } from "./calendar";
import type { RecoveryAction } from "./recovery";

export const PAYMENT_ROLES: readonly StaffRole[] = ["payment_officer", "finance_officer", "admin"];

export const actorOfStaff = (user: StaffUser): PaymentActor => ({
  label: user.staff.login, role: user.staff.role, staffId: user.staff.id,
  officeCode: user.staff.role === "finance_officer" ? user.staff.officeCode : null,
});

/** `today` decides which returns are overdue for the hand-back to the district (clause 23). */
export async function paymentsOverview(user: StaffUser, today: string = kzDate(new Date())) {
  const { db } = await getDb();
  const finance = user.staff.role === "finance_officer";
  const [demands, orders, returns, audit, lines, overpayments, officeRows] = await Promise.all([
    q.listDemands(db, { officeCode: finance ? user.staff.officeCode : undefined, limit: 50 }),
    finance ? Promise.resolve([]) : q.recentOrders(db),
    finance ? Promise.resolve([]) : q.recentReturns(db),
    q.recentPaymentAudit(db),
    q.lineCounts(db),
    q.listOverpayments(db, { officeCode: finance ? (user.staff.officeCode ?? "") : undefined }),
    db.select({ code: offices.code, ru: offices.nameRu, kk: offices.nameKk }).from(offices),
  ]);
  return {
    role: user.staff.role,
    /** Offices by code, so the page names the district in the reader's language rather than by its key. */
    officeNames: Object.fromEntries(officeRows.map((o) => [o.code, { ru: o.ru, kk: o.kk }])) as Record<string, { ru: string; kk: string }>,
    lines,
    demands: demands.map((d) => ({
      id: d.id, officeCode: d.officeCode, month: d.paymentMonth.slice(0, 7), formedOn: d.formedOn, kind: d.kind, lines: d.lineCount, total: tiynToDecimal(d.totalTiyn),
      transferEarliest: d.transferEarliest, transferDue: d.transferDue, transferredOn: d.transferredOn, ordersDue: d.ordersDue,
    })),
    orders: orders.map((o) => ({ ...o, total: tiynToDecimal(o.totalTiyn) })),
    // Clause 22–23 on the officer's page: recorded late, and sums not yet handed back after their day (overdue).
    returns: returns.map((r) => ({
      ...r, amount: tiynToDecimal(Number(r.amount_tiyn)),
      overdue: !r.to_district_on && !r.repaid && r.line_status === "returned" && r.to_district_by < today,
    })),
    overpayments: overpayments.map((o) => ({
      id: Number(o.id), officeCode: o.office_code, service: o.service, month: o.month, iinTail: o.iin_tail, ground: o.ground,
      amount: tiynToDecimal(Number(o.amount_tiyn)), repaid: tiynToDecimal(Number(o.repaid_tiyn)),
      outstanding: tiynToDecimal(Number(o.amount_tiyn) - Number(o.repaid_tiyn)), recovery: o.recovery, status: o.status,
      detectedOn: o.detected_on, statusOn: o.status_on,
    })),
    audit: audit
      .filter((a) => !finance || a.action === "record_transfer" || a.action === "form_demands" || a.action.startsWith("overpayment_"))
      .map((a) => ({ id: a.id, at: a.at.toISOString(), actor: /^\d{12}$/.test(a.actorLabel) ? `••${a.actorLabel.slice(-4)}` : a.actorLabel, role: a.actorRole, action: a.action, subject: a.subject })),
  };
}

export async function transferAsOfficer(user: StaffUser, demandId: number, on: string): Promise<TransferResult> {
  return recordTransfer(demandId, on, { actor: actorOfStaff(user) });
}

/** Clause 15 on the finance officer's page: their district's overpayments only. */
export async function recoveryAsOfficer(user: StaffUser, p: { id: number; action: RecoveryAction; amountTiyn?: number; on: IsoDate }): Promise<RecoveryResult> {
  return changeOverpayment({ ...p, actor: actorOfStaff(user) });
}

/** The roles of a district office that record a termination on a case (ADR 020). */
export const TERMINATION_ROLES: readonly StaffRole[] = ["specialist", "head"];

/** What the case's termination page shows: the payment lines, the termination if any, the overpayments. */
export async function casePayments(application: Application) {
  const { db } = await getDb();
  const { lines, termination } = await q.paymentsOfCase(db, application.service, application.id);
  return {
    lines: lines.map((l) => ({
      id: Number(l.id), month: l.month, amount: tiynToDecimal(Number(l.amount_tiyn)), status: l.status, paidOn: l.paid_on, stoppedFrom: l.stopped_from,
      overpayment: l.overpayment_tiyn === null ? null : tiynToDecimal(Number(l.overpayment_tiyn)), overpaymentStatus: l.overpayment_status,
    })),
    termination: termination
      ? { ground: termination.ground, eventDate: termination.eventDate, stopFrom: termination.stopFrom, source: termination.source, recordedOn: termination.recordedOn, note: termination.note }
      : null,
  };
}

/**
 * Clause 14 recorded by district staff (grounds 1–3 when the registry has not yet said so, and the
 * staff findings 4–5): payments stop from the next month or the date, paid lines after it become
 * overpayments with a notice. Audited as the staff member; refused once terminated or with no payments.
 */
export async function terminateAsStaff(
  user: StaffUser, application: Application, p: { ground: TerminationGround; eventDate: IsoDate; note: string }, now = new Date(),
): Promise<TerminationResult> {
  const { db } = await getDb();
  const { lines } = await q.paymentsOfCase(db, application.service, application.id);
  if (lines.length === 0) throw new PaymentError("payments.errors.noLines");
  const result = await terminateAssignment({
    service: application.service, applicationId: application.id, ground: p.ground, eventDate: p.eventDate, source: "staff", recordedOn: kzDate(now),
    actor: { label: user.staff.login, role: user.staff.role, staffId: user.staff.id }, now, note: p.note || undefined,
  });
  if (!result) throw new PaymentError("payments.errors.alreadyTerminated");
  return result;
}
