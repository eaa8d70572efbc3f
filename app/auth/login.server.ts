/**
 * Sign-in by password for citizens and staff, limited per account and per IP. Each attempt is counted
 * in the database before the password is checked (db/queries/limits.ts), so concurrent guesses cannot
 * slip past the limit; after a few failures the next attempt waits, longer each time, at most minutes.
 */
import { getDb } from "../db.server";
import { env } from "../env.server";
import { clientIp } from "../session.server";
import { verifyPassword } from "./password.server";
import { retryMinutes, type ThrottlePolicy } from "../domain/throttle";
import * as accounts from "../../db/queries/accounts";
import { clearAttempts, forgiveAttempt, takeAttempt } from "../../db/queries/limits";
import type { StaffRole } from "../../db/schema";

export type LoginOutcome =
  | { ok: true; iin?: string; staffId?: number; role?: StaffRole }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "throttled"; retryAfterMinutes: number };

/** The waits of sign-in: the account's short (anyone may type its IIN), the address's longer. */
function policies(): { account: ThrottlePolicy; ip: ThrottlePolicy } {
  const e = env();
  return {
    account: { free: e.LOGIN_MAX_FAILURES_PER_ACCOUNT, baseSeconds: 30, capSeconds: 5 * 60, resetMinutes: e.LOGIN_WINDOW_MINUTES },
    ip: { free: e.LOGIN_MAX_FAILURES_PER_IP, baseSeconds: 30, capSeconds: 15 * 60, resetMinutes: e.LOGIN_WINDOW_MINUTES },
  };
}

async function attempt(request: Request, accountKey: string, check: () => Promise<LoginOutcome>, now: Date): Promise<LoginOutcome> {
  const { db } = await getDb();
  const policy = policies();
  const ipKey = `ip:${clientIp(request)}`;
  // Counted first, checked after: the counter, not the check, decides how many guesses get answered.
  for (const [key, p] of [[ipKey, policy.ip], [accountKey, policy.account]] as const) {
    const verdict = await takeAttempt(db, key, now, p);
    if (!verdict.allowed) return { ok: false, error: "throttled", retryAfterMinutes: retryMinutes(verdict.retryAfterSeconds) };
  }
  const outcome = await check();
  if (outcome.ok) {
    // A success clears the account's counter; from the IP it merely does not count.
    await clearAttempts(db, accountKey);
    await forgiveAttempt(db, ipKey);
  }
  await accounts.recordLoginAttempt(db, outcome.ok ? [accountKey] : [accountKey, ipKey], outcome.ok, now);
  return outcome;
}

export async function loginCitizen(request: Request, iin: string, password: string, now = new Date()) {
  return attempt(
    request,
    `iin:${iin}`,
    async () => {
      const { db } = await getDb();
      const account = await accounts.findCitizenAccount(db, iin);
      if (!(await verifyPassword(password, account?.passwordHash))) return { ok: false, error: "invalid" };
      await accounts.markCitizenLogin(db, iin, now);
      return { ok: true, iin };
    },
    now,
  );
}

export async function loginStaff(request: Request, login: string, password: string, now = new Date()) {
  return attempt(
    request,
    `staff:${login.toLowerCase()}`,
    async () => {
      const { db } = await getDb();
      const staff = await accounts.findStaffByLogin(db, login.toLowerCase());
      const ok = await verifyPassword(password, staff?.passwordHash);
      if (!ok || !staff?.active) return { ok: false, error: "invalid" };
      return { ok: true, staffId: staff.id, role: staff.role };
    },
    now,
  );
}
