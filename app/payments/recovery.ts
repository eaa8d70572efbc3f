/**
 * Clause 15 of seed 003: an overpayment (a sum paid for a time no longer due) is recovered from the
 * recipient voluntarily, and when they do not repay, through the court. Pure: the statuses, which
 * action moves an overpayment from which status to which, and what a repayment does to the sum owed.
 *
 *   notified ──repay (part)──▶ partially_repaid ──repay (rest)──▶ repaid
 *      │                          │
 *      └──refer_to_court──────────┴──▶ in_court ──repay (rest)──▶ recovered
 *   notified / partially_repaid / in_court ──write_off──▶ written_off
 *
 * repaid, recovered and written_off are final. Every move is a row of the append-only payment audit
 * (app/payments/pipeline.server.ts changeOverpayment).
 */
import type { OverpaymentStatus } from "../../db/schema/payments";

export const OVERPAYMENT_STATUSES = ["notified", "partially_repaid", "repaid", "in_court", "recovered", "written_off"] as const satisfies readonly OverpaymentStatus[];
export const RECOVERY_ACTIONS = ["repay", "refer_to_court", "write_off"] as const;
export type RecoveryAction = (typeof RECOVERY_ACTIONS)[number];

export const FINAL_STATUSES: readonly OverpaymentStatus[] = ["repaid", "recovered", "written_off"];

export type RecoveryState = { status: OverpaymentStatus; amountTiyn: number; repaidTiyn: number };
export type RecoveryMove =
  | { ok: true; status: OverpaymentStatus; repaidTiyn: number; outstandingTiyn: number }
  | { ok: false; reason: "final" | "not_allowed" | "amount" | "too_much" };

/**
 * The result of an action on an overpayment. `repay` needs a positive sum no larger than what is
 * still owed; it settles the overpayment when nothing is left (repaid, or recovered once in court).
 */
export function applyRecovery(state: RecoveryState, action: RecoveryAction, amountTiyn = 0): RecoveryMove {
  if (FINAL_STATUSES.includes(state.status)) return { ok: false, reason: "final" };
  const outstanding = state.amountTiyn - state.repaidTiyn;
  switch (action) {
    case "repay": {
      if (!Number.isSafeInteger(amountTiyn) || amountTiyn <= 0) return { ok: false, reason: "amount" };
      if (amountTiyn > outstanding) return { ok: false, reason: "too_much" };
      const repaid = state.repaidTiyn + amountTiyn;
      const settled = repaid === state.amountTiyn;
      const status: OverpaymentStatus = state.status === "in_court" ? (settled ? "recovered" : "in_court") : settled ? "repaid" : "partially_repaid";
      return { ok: true, status, repaidTiyn: repaid, outstandingTiyn: state.amountTiyn - repaid };
    }
    case "refer_to_court":
      if (state.status === "in_court") return { ok: false, reason: "not_allowed" };
      return { ok: true, status: "in_court", repaidTiyn: state.repaidTiyn, outstandingTiyn: outstanding };
    case "write_off":
      return { ok: true, status: "written_off", repaidTiyn: state.repaidTiyn, outstandingTiyn: 0 };
  }
}

/** Statuses in which something is still owed (the cabinet shows them as a debt, staff as open). */
export function isOpen(status: OverpaymentStatus): boolean {
  return !FINAL_STATUSES.includes(status);
}
