/**
 * Signing in with ЭЦП: the server issues a single-use challenge, the browser signs it with the key
 * file, the server verifies the signature strictly and the certificate's IIN becomes the account.
 */
import { randomBytes } from "node:crypto";
import { decodeProtectedHeader } from "jose";
import { getDb } from "../db.server";
import { canonicalJson } from "../signature/canonical";
import { verifyForRequest } from "../signature/trust.server";
import type { VerifyFailureReason } from "../signature/verify";
import { OID, x509 } from "../signature/x509";
import { consumeChallenge, ensureCitizenAccount, insertChallenge, markCitizenLogin } from "../../db/queries/accounts";

const CHALLENGE_TTL_MS = 5 * 60_000;

export async function newLoginChallenge(origin: string, now = new Date()) {
  const nonce = randomBytes(32).toString("base64url");
  const { db } = await getDb();
  await insertChallenge(db, nonce, new Date(now.getTime() + CHALLENGE_TTL_MS));
  return canonicalJson({ purpose: "komek-login", nonce, origin, issuedAt: now.toISOString() });
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
  let challenge: { purpose?: string; nonce?: string; origin?: string };
  try {
    challenge = JSON.parse(payload);
  } catch {
    return { ok: false, error: "malformed" };
  }
  if (challenge.purpose !== "komek-login" || typeof challenge.nonce !== "string" || challenge.origin !== origin) return { ok: false, error: "malformed" };
  const iin = claimedIin(jws);
  if (!iin) return { ok: false, error: "malformed" };
  const verdict = await verifyForRequest({ jws, expectedIin: iin, expectedPayload: payload });
  if (!verdict.valid) return { ok: false, error: verdict.reason };
  const { db } = await getDb();
  // Single use: a replayed signature finds its challenge spent.
  if (!(await consumeChallenge(db, challenge.nonce, now))) return { ok: false, error: "challenge" };
  await ensureCitizenAccount(db, iin);
  await markCitizenLogin(db, iin, now);
  return { ok: true, iin };
}
