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
import {
  changeOverpayment, PaymentError, previewOverpayment, previewTermination, recordTransfer, terminateAssignment, type PaymentActor, type RecoveryResult,
  type TerminationPreview, type TerminationResult, type TransferResult,
} from "./pipeline.server";
import { localCases, type Application } from "../../db/schema";
import { eq } from "drizzle-orm";
import { findService } from "../services/registry";
import { verifyForRequest } from "../signature/trust.server";
import { terminationGroundsFor } from "./grounds";
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

/** A signed step's outcome: done, or refused with an i18n key (a signature's reason, a stale payload) and nothing changed. */
export type SignedOutcome<T> = { ok: true; result: T } | { ok: false; error: string };

/** Verifies the staff member's own ЭЦП over exactly `payload`; the signer for the record, or the refusal's key. */
async function verifyStaffSignature(user: StaffUser, posted: { payload: string; jws: string }) {
  const verdict = await verifyForRequest({ jws: posted.jws, expectedIin: user.staff.iin, expectedPayload: posted.payload });
  if (!verdict.valid) return { ok: false as const, error: `signature:reasons.${verdict.reason}` };
  return { ok: true as const, signed: { payload: posted.payload, jws: posted.jws, signerIin: verdict.iin, serialNumber: verdict.serialNumber ?? null } };
}

const keyOf = (error: PaymentError) => error.key.replace(/^payments\./, "payments:");

/** Clause 15 on the finance officer's page, step 1: what the move does and the payload to sign. Their district's overpayments only. */
export async function reviewRecovery(user: StaffUser, p: { id: number; action: RecoveryAction; amountTiyn?: number; on: IsoDate }) {
  return previewOverpayment({ ...p, actor: actorOfStaff(user), signerIin: user.staff.iin });
}

/**
 * Step 2: the move, signed with the officer's ЭЦП (ADR 023). A forged, expired, revoked or someone
 * else's signature, or a payload that is not the one the server rebuilds now, is refused and changes nothing.
 */
export async function signRecovery(
  user: StaffUser, p: { id: number; action: RecoveryAction; amountTiyn?: number; on: IsoDate }, posted: { payload: string; jws: string },
): Promise<SignedOutcome<RecoveryResult>> {
  const verified = await verifyStaffSignature(user, posted);
  if (!verified.ok) return verified;
  try {
    return { ok: true, result: await changeOverpayment({ ...p, actor: actorOfStaff(user), signed: verified.signed }) };
  } catch (error) {
    if (error instanceof PaymentError) return { ok: false, error: keyOf(error) };
    throw error;
  }
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
 * The clause 14 grounds this case's payments may be stopped on: its service definition's (by item),
 * less those the district act exempts the case's category from (app/payments/grounds.ts).
 */
export async function caseTerminationGrounds(application: Application): Promise<TerminationGround[]> {
  const def = findService(application.service);
  let act: { item: number; notForCategories?: string[] }[] = [];
  let category: string | null = null;
  if (application.service === "local") {
    const { db } = await getDb();
    const [lc] = await db.select().from(localCases).where(eq(localCases.applicationId, application.id));
    if (lc) {
      const { ruleSetOfAct } = await import("../services/local/acts.server");
      act = ruleSetOfAct(lc.districtKato, lc.actNumber)?.terminationGrounds ?? [];
      category = lc.categoryCode;
    }
  }
  return terminationGroundsFor(def?.terminationGrounds ?? [], act, category);
}

type TerminationFields = { ground: TerminationGround; eventDate: IsoDate; note: string };

async function terminationBase(user: StaffUser, application: Application, p: TerminationFields, now: Date) {
  if (!(await caseTerminationGrounds(application)).includes(p.ground)) throw new PaymentError("payments.errors.groundNotForCase");
  return {
    service: application.service, applicationId: application.id, registrationNumber: application.registrationNumber ?? "", ground: p.ground, eventDate: p.eventDate,
    recordedOn: kzDate(now), note: p.note, actor: { label: user.staff.login, role: user.staff.role, staffId: user.staff.id }, now,
  };
}

/**
 * Clause 14 recorded by district staff, step 1 (grounds 1–3 when the registry has not yet said so,
 * and the staff findings 4–5): what stopping would do — the stop date, the months no longer paid,
 * the paid months that become overpayments — and the payload the staff member signs. Nothing is written.
 */
export async function reviewTermination(user: StaffUser, application: Application, p: TerminationFields, now = new Date()): Promise<TerminationPreview> {
  return previewTermination({ ...(await terminationBase(user, application, p, now)), signerIin: user.staff.iin });
}

/**
 * Step 2: the termination signed with the staff member's ЭЦП (ADR 023): recorded with its payload and
 * signature, audited as the staff member. Refused, with nothing changed, for a signature that is not
 * valid (forged, expired, revoked, another person's) or a payload that is not what the server
 * rebuilds from the form and the lines now; also once terminated or with no payments.
 */
export async function signTermination(
  user: StaffUser, application: Application, p: TerminationFields, posted: { payload: string; jws: string }, now = new Date(),
): Promise<SignedOutcome<TerminationResult>> {
  const verified = await verifyStaffSignature(user, posted);
  if (!verified.ok) return verified;
  try {
    const base = await terminationBase(user, application, p, now);
    const { lines } = await q.paymentsOfCase((await getDb()).db, application.service, application.id);
    if (lines.length === 0) throw new PaymentError("payments.errors.noLines");
    const result = await terminateAssignment({ ...base, note: p.note || undefined, source: "staff", signed: verified.signed });
    if (!result) throw new PaymentError("payments.errors.alreadyTerminated");
    return { ok: true, result };
  } catch (error) {
    if (error instanceof PaymentError) return { ok: false, error: keyOf(error) };
    throw error;
  }
}
