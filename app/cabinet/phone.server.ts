/**
 * Changing the citizen's number in the mobile-citizens registry from the cabinet: the one-time code is
 * checked (and its attempt counted, in one statement — app/application/otp.server.ts checkOtp) and the
 * number changed in ONE transaction, so a code is used at most once and only together with the change.
 */
import type { Db } from "../db.server";
import { checkOtp, type OtpCheck } from "../application/otp.server";
import { setMobileNumber } from "../../db/queries/mobile";

export type NumberChange = { ok: true } | { ok: false; error: "code"; check: OtpCheck } | { ok: false; error: "taken" };

export async function confirmMobileNumber(db: Db, args: { iin: string; phone: string; code: string; now: Date }): Promise<NumberChange> {
  return db.transaction(async (tx) => {
    const check = await checkOtp(tx, { iin: args.iin, purpose: "mobile_number", code: args.code, now: args.now });
    // The code proves the phone it was sent to, not whatever the form says now.
    if (!check.ok || check.phone !== args.phone) return { ok: false, error: "code", check };
    if ((await setMobileNumber(tx, args.iin, args.phone, args.now)) === "taken") return { ok: false, error: "taken" };
    return { ok: true };
  });
}
