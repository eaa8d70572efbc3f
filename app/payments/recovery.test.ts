import { describe, expect, it } from "vitest";
import { applyRecovery, type RecoveryAction, type RecoveryState } from "./recovery";

const s = (status: RecoveryState["status"], repaidTiyn = 0, amountTiyn = 10_000): RecoveryState => ({ status, amountTiyn, repaidTiyn });

describe("overpayment recovery (clause 15)", () => {
  it.each<[string, RecoveryState, RecoveryAction, number, ReturnType<typeof applyRecovery>]>([
    ["part repaid after the notice", s("notified"), "repay", 4_000, { ok: true, status: "partially_repaid", repaidTiyn: 4_000, outstandingTiyn: 6_000 }],
    ["the rest repaid", s("partially_repaid", 4_000), "repay", 6_000, { ok: true, status: "repaid", repaidTiyn: 10_000, outstandingTiyn: 0 }],
    ["repaid at once", s("notified"), "repay", 10_000, { ok: true, status: "repaid", repaidTiyn: 10_000, outstandingTiyn: 0 }],
    ["more than owed is refused", s("partially_repaid", 4_000), "repay", 6_001, { ok: false, reason: "too_much" }],
    ["a zero repayment is refused", s("notified"), "repay", 0, { ok: false, reason: "amount" }],
    ["a fractional tiyn is refused", s("notified"), "repay", 1.5, { ok: false, reason: "amount" }],
    ["no repayment: to court", s("notified"), "refer_to_court", 0, { ok: true, status: "in_court", repaidTiyn: 0, outstandingTiyn: 10_000 }],
    ["part repaid, rest to court", s("partially_repaid", 3_000), "refer_to_court", 0, { ok: true, status: "in_court", repaidTiyn: 3_000, outstandingTiyn: 7_000 }],
    ["court twice is refused", s("in_court"), "refer_to_court", 0, { ok: false, reason: "not_allowed" }],
    ["recovered by the court in part", s("in_court", 3_000), "repay", 2_000, { ok: true, status: "in_court", repaidTiyn: 5_000, outstandingTiyn: 5_000 }],
    ["recovered by the court in full", s("in_court", 3_000), "repay", 7_000, { ok: true, status: "recovered", repaidTiyn: 10_000, outstandingTiyn: 0 }],
    ["written off (e.g. the recipient died)", s("notified"), "write_off", 0, { ok: true, status: "written_off", repaidTiyn: 0, outstandingTiyn: 0 }],
    ["written off after a court", s("in_court", 1_000), "write_off", 0, { ok: true, status: "written_off", repaidTiyn: 1_000, outstandingTiyn: 0 }],
    ["repaid is final", s("repaid", 10_000), "write_off", 0, { ok: false, reason: "final" }],
    ["recovered is final", s("recovered", 10_000), "repay", 1, { ok: false, reason: "final" }],
    ["written off is final", s("written_off"), "refer_to_court", 0, { ok: false, reason: "final" }],
  ])("%s", (_name, state, action, amount, expected) => {
    expect(applyRecovery(state, action, amount)).toEqual(expected);
  });
});
