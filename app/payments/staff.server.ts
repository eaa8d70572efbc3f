/**
 * The payment roles' page: the State Corporation's payment officer (every district; payment data
 * only — demands, files, returns with the account's last four digits, never a name, an IIN or the
 * case) and the district finance officer (their district's demands, recording the transfer). Every
 * action is written to the append-only payment audit.
 */
import { getDb } from "../db.server";
import type { StaffUser } from "../session.server";
import type { StaffRole } from "../../db/schema";
import * as q from "../../db/queries/payments";
import { tiynToDecimal } from "./files";
import { recordTransfer, type PaymentActor, type TransferResult } from "./pipeline.server";

export const PAYMENT_ROLES: readonly StaffRole[] = ["payment_officer", "finance_officer", "admin"];

export const actorOfStaff = (user: StaffUser): PaymentActor => ({
  label: user.staff.login, role: user.staff.role, staffId: user.staff.id,
  officeCode: user.staff.role === "finance_officer" ? user.staff.officeCode : null,
});

export async function paymentsOverview(user: StaffUser) {
  const { db } = await getDb();
  const finance = user.staff.role === "finance_officer";
  const [demands, orders, returns, audit, lines] = await Promise.all([
    q.listDemands(db, { officeCode: finance ? user.staff.officeCode : undefined, limit: 50 }),
    finance ? Promise.resolve([]) : q.recentOrders(db),
    finance ? Promise.resolve([]) : q.recentReturns(db),
    q.recentPaymentAudit(db),
    q.lineCounts(db),
  ]);
  return {
    role: user.staff.role,
    lines,
    demands: demands.map((d) => ({
      id: d.id, officeCode: d.officeCode, month: d.paymentMonth.slice(0, 7), formedOn: d.formedOn, kind: d.kind, lines: d.lineCount, total: tiynToDecimal(d.totalTiyn),
      transferEarliest: d.transferEarliest, transferDue: d.transferDue, transferredOn: d.transferredOn, ordersDue: d.ordersDue,
    })),
    orders: orders.map((o) => ({ ...o, total: tiynToDecimal(o.totalTiyn) })),
    returns: returns.map((r) => ({ ...r, amount: tiynToDecimal(Number(r.amount_tiyn)) })),
    audit: audit
      .filter((a) => !finance || a.action === "record_transfer" || a.action === "form_demands")
      .map((a) => ({ id: a.id, at: a.at.toISOString(), actor: /^\d{12}$/.test(a.actorLabel) ? `••${a.actorLabel.slice(-4)}` : a.actorLabel, role: a.actorRole, action: a.action, subject: a.subject })),
  };
}

export async function transferAsOfficer(user: StaffUser, demandId: number, on: string): Promise<TransferResult> {
  return recordTransfer(demandId, on, { actor: actorOfStaff(user) });
}
