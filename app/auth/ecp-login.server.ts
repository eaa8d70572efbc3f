/**
 * Signing in with ЭЦП: the server issues a single-use challenge, the browser signs it with the key
 * file, the server verifies the signature strictly and the certificate's IIN becomes the account.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { decodeProtectedHeader } from "jose";
import { getDb } from "../db.server";
import { canonicalJson } from "../signature/canonical";
import { verifyForRequest } from "../signature/trust.server";
import type { VerifyFailureReason } from "../signature/verify";
import { OID, x509 } from "../signature/x509";
import { consumeChallenge, ensureCitizenAccount, markCitizenLogin } from "../../db/queries/accounts";
import { env } from "../env.server";

export const CHALLENGE_TTL_MS = 5 * 60_000;

/** 16 random bytes, then 16 bytes of an HMAC binding them to the time and origin: 43 base64url characters. */
function challengeMac(random: Buffer, issuedAt: string, origin: string) {
  return createHmac("sha256", env().SESSION_SECRET).update("komek-login\0").update(random).update(`\0${issuedAt}\0${origin}`).digest().subarray(0, 16);
}

/**
 * A sign-in challenge costs the server nothing until it is used: the nonce carries its own MAC, so
 * an anonymous GET /login/ecp writes no row. The row appears only when a valid signature spends it
 * (consumeChallenge), which is what makes it single-use; the purge job removes it after expiry.
 */
export function newLoginChallenge(origin: string, now = new Date()) {
  const random = randomBytes(16);
  const issuedAt = now.toISOString();
  const nonce = Buffer.concat([random, challengeMac(random, issuedAt, origin)]).toString("base64url");
  return canonicalJson({ purpose: "komek-login", nonce, origin, issuedAt });
}

/** The challenge's expiry when it is one we issued for this origin and it is still live; else null. */
export function challengeExpiry(challenge: { nonce: string; issuedAt?: unknown; origin: string }, now: Date): Date | null {
  if (typeof challenge.issuedAt !== "string") return null;
  const issued = new Date(challenge.issuedAt);
  if (Number.isNaN(issued.getTime()) || issued.toISOString() !== challenge.issuedAt) return null;
  const bytes = Buffer.from(challenge.nonce, "base64url");
  if (bytes.length !== 32 || bytes.toString("base64url") !== challenge.nonce) return null;
  if (!timingSafeEqual(bytes.subarray(16), challengeMac(bytes.subarray(0, 16), challenge.issuedAt, challenge.origin))) return null;
  const expires = new Date(issued.getTime() + CHALLENGE_TTL_MS);
  // A minute's grace for a clock between several portal processes.
  if (expires <= now || issued.getTime() > now.getTime() + 60_000) return null;
  return expires;
}

/** The IIN the signer claims (SERIALNUMBER=IIN…), read before verification only to know whom to check. */
function claimedIin(jws: string): string | null {
  try {
    const header = decodeProtectedHeader(jws);
    const leaf = Array.isArray(header.x5c) && typeof header.x5c[0] === "string" ? new x509.X509Certificate(header.x5c[0]) : null;
    const serial = leaf?.subjectName.getField(OID.serialNumber)[0];
    const match = serial?.match(/^IIN(\d{12})$/);
    return match ? match[1] : null;
  } catch {
    return null;
  }
}

export type EcpLoginOutcome = { ok: true; iin: string } | { ok: false; error: "malformed" | "challenge" | VerifyFailureReason };

export async function loginWithSignature(payload: string, jws: string, origin: string, now = new Date()): Promise<EcpLoginOutcome> {
  let challenge: { purpose?: string; nonce?: string; origin?: string; issuedAt?: unknown };
  try {
    challenge = JSON.parse(payload);
  } catch {
    return { ok: false, error: "malformed" };
  }
  if (challenge.purpose !== "komek-login" || typeof challenge.nonce !== "string" || challenge.origin !== origin) return { ok: false, error: "malformed" };
  const expires = challengeExpiry({ nonce: challenge.nonce, issuedAt: challenge.issuedAt, origin }, now);
  if (!expires) return { ok: false, error: "challenge" };
  const iin = claimedIin(jws);
  if (!iin) return { ok: false, error: "malformed" };
  const verdict = await verifyForRequest({ jws, expectedIin: iin, expectedPayload: payload });
  if (!verdict.valid) return { ok: false, error: verdict.reason };
  const { db } = await getDb();
  // Single use: a replayed signature finds its challenge spent.
  if (!(await consumeChallenge(db, challenge.nonce, expires, now))) return { ok: false, error: "challenge" };
  await ensureCitizenAccount(db, iin);
  await markCitizenLogin(db, iin, now);
  return { ok: true, iin };
}
