/** Sign-in by password for citizens and staff, throttled per account and per IP. */
import { getDb } from "../db.server";
import { env } from "../env.server";
import { clientIp } from "../session.server";
import { verifyPassword } from "./password.server";
import { throttleVerdict } from "../domain/throttle";
import * as accounts from "../../db/queries/accounts";
import type { StaffRole } from "../../db/schema";

export type LoginOutcome =
  | { ok: true; iin?: string; staffId?: number; role?: StaffRole }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "throttled"; retryAfterMinutes: number };

async function throttled(keys: { key: string; max: number }[], now: Date) {
  const { db } = await getDb();
  const { LOGIN_WINDOW_MINUTES } = env();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  for (const { key, max } of keys) {
    const verdict = throttleVerdict(await accounts.recentFailures(db, key, since), now, { maxFailures: max, windowMinutes: LOGIN_WINDOW_MINUTES });
    if (verdict.locked) return verdict.retryAfterMinutes;
  }
  return null;
}

async function attempt(request: Request, accountKey: string, check: () => Promise<LoginOutcome>, now: Date): Promise<LoginOutcome> {
  const e = env();
  const keys = [
    { key: accountKey, max: e.LOGIN_MAX_FAILURES_PER_ACCOUNT },
    { key: `ip:${clientIp(request)}`, max: e.LOGIN_MAX_FAILURES_PER_IP },
  ];
  const wait = await throttled(keys, now);
  if (wait !== null) return { ok: false, error: "throttled", retryAfterMinutes: wait };
  const outcome = await check();
  const { db } = await getDb();
  // A success clears the account's counter but not the IP's: one good password must not unlock guessing at others.
  await accounts.recordLoginAttempt(db, outcome.ok ? [accountKey] : keys.map((k) => k.key), outcome.ok, now);
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
