/** One-time codes sent by SMS: 6 digits, hashed at rest, 5 minutes, 5 attempts, one per minute. */
import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "../db.server";
import { otpCodes } from "../../db/schema";
import { queueSms } from "../sms.server";

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
const RESEND_AFTER_MS = 60_000;

const hash = (iin: string, purpose: string, code: string) => createHash("sha256").update(`${iin}:${purpose}:${code}`).digest("hex");

export type OtpPurpose = "documents_consent" | "mobile_number" | "intake_consent";

/** The newest code of this person and purpose, live or not. */
async function latestCode(db: Tx, args: { iin: string; purpose: OtpPurpose }) {
  const [last] = await db
    .select()
    .from(otpCodes)
    .where(and(eq(otpCodes.iin, args.iin), eq(otpCodes.purpose, args.purpose)))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  return last;
}

export async function sendOtp(
  db: Tx,
  args: { iin: string; purpose: OtpPurpose; phone: string; language: "ru" | "kk"; render: (code: string) => string; now: Date },
): Promise<{ ok: true } | { ok: false; error: "too_soon" }> {
  const last = await latestCode(db, args);
  if (last && args.now.getTime() - last.createdAt.getTime() < RESEND_AFTER_MS) return { ok: false, error: "too_soon" };
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.transaction(async (tx) => {
    // A new code replaces the old ones.
    await tx.update(otpCodes).set({ usedAt: args.now }).where(and(eq(otpCodes.iin, args.iin), eq(otpCodes.purpose, args.purpose), isNull(otpCodes.usedAt)));
    await tx.insert(otpCodes).values({
      iin: args.iin,
      purpose: args.purpose,
      phone: args.phone,
      codeHash: hash(args.iin, args.purpose, code),
      createdAt: args.now,
      expiresAt: new Date(args.now.getTime() + OTP_TTL_MS),
    });
    await queueSms(tx, { to: args.phone, body: args.render(code), purpose: "otp", iin: args.iin, language: args.language });
  });
  return { ok: true };
}

export type OtpCheck = { ok: true; phone: string } | { ok: false; error: "wrong"; attemptsLeft: number } | { ok: false; error: "expired" };

/**
 * A guess is counted before it is compared, in one statement: the attempt counter of the live code
 * goes up only while it is below the limit, so 60 guesses in parallel get at most 5 answers checked.
 */
export async function checkOtp(db: Tx, args: { iin: string; purpose: OtpPurpose; code: string; now: Date }): Promise<OtpCheck> {
  const latest = db
    .select({ id: otpCodes.id })
    .from(otpCodes)
    .where(and(eq(otpCodes.iin, args.iin), eq(otpCodes.purpose, args.purpose), isNull(otpCodes.usedAt)))
    .orderBy(desc(otpCodes.createdAt), desc(otpCodes.id))
    .limit(1);
  const [counted] = await db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(and(eq(otpCodes.id, latest), isNull(otpCodes.usedAt), gt(otpCodes.expiresAt, args.now), lt(otpCodes.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ id: otpCodes.id, attempts: otpCodes.attempts, codeHash: otpCodes.codeHash, phone: otpCodes.phone });
  if (!counted) return { ok: false, error: "expired" };
  if (counted.codeHash !== hash(args.iin, args.purpose, args.code)) {
    const left = OTP_MAX_ATTEMPTS - counted.attempts;
    return left > 0 ? { ok: false, error: "wrong", attemptsLeft: left } : { ok: false, error: "expired" };
  }
  const used = await db.update(otpCodes).set({ usedAt: args.now }).where(and(eq(otpCodes.id, counted.id), isNull(otpCodes.usedAt))).returning({ id: otpCodes.id });
  return used.length === 1 ? { ok: true, phone: counted.phone } : { ok: false, error: "expired" };
}

/** "+77015550101" → "+7 701 ••• •• 01": enough for the owner to recognise, not to copy. */
export function maskPhone(phone: string) {
  const d = phone.replace(/\D/g, "");
  return `+${d.slice(0, 1)} ${d.slice(1, 4)} ••• •• ${d.slice(-2)}`;
}

/** What the code step shows: whether a code is live (so its field stays on the page) and when a new one may be sent. */
export type OtpStatus = { live: boolean; expiresAt: string | null; resendAt: string | null };

export async function otpStatus(db: Tx, args: { iin: string; purpose: OtpPurpose; now: Date }): Promise<OtpStatus> {
  const last = await latestCode(db, args);
  if (!last) return { live: false, expiresAt: null, resendAt: null };
  const live = last.usedAt === null && last.expiresAt > args.now && last.attempts < OTP_MAX_ATTEMPTS;
  const resendAt = new Date(last.createdAt.getTime() + RESEND_AFTER_MS);
  return { live, expiresAt: live ? last.expiresAt.toISOString() : null, resendAt: resendAt > args.now ? resendAt.toISOString() : null };
}
