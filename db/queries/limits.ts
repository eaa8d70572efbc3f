/**
 * Attempt counters (app/domain/throttle.ts): counted in ONE statement before the guarded check, so
 * concurrent requests cannot all pass between a read and a write. A row lock serialises requests on
 * one key; under READ COMMITTED each re-evaluates the WHERE on the row its predecessor wrote.
 */
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";
import { rateLimits } from "../schema";
import { delaySchedule, type ThrottlePolicy } from "../../app/domain/throttle";

export type AttemptVerdict = { allowed: true; count: number } | { allowed: false; retryAfterSeconds: number };

export async function takeAttempt(db: Tx, key: string, now: Date, policy: ThrottlePolicy): Promise<AttemptVerdict> {
  const delays = delaySchedule(policy);
  // As ISO text: postgres.js binds a Date in raw SQL only through its column types.
  const resetBefore = sql`${new Date(now.getTime() - policy.resetMinutes * 60_000).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const delaysSql = sql.raw(`ARRAY[${delays.map((d) => Math.floor(d)).join(",")}]::int[]`);
  const fresh = sql`(CASE WHEN r.last_at <= ${resetBefore} THEN 1 ELSE r.count + 1 END)`;
  const result = await db.execute(sql`
    INSERT INTO rate_limits AS r (key, count, last_at, next_allowed_at)
    VALUES (${key}, 1, ${at}, ${at} + make_interval(secs => (${delaysSql})[1]))
    ON CONFLICT (key) DO UPDATE SET
      count = ${fresh},
      last_at = ${at},
      next_allowed_at = ${at} + make_interval(secs => (${delaysSql})[least(${fresh}, ${delays.length}::int)])
    -- Within the free attempts the count alone decides: concurrent requests carry clocks a few
    -- milliseconds apart, and one whose "now" is earlier must not be refused by a later one's row.
    WHERE ${fresh} <= ${policy.free}::int OR r.next_allowed_at <= ${at} OR r.last_at <= ${resetBefore}
    RETURNING count`);
  const [row] = rowsOf<{ count: number }>(result);
  if (row) return { allowed: true, count: Number(row.count) };
  const [limit] = await db.select({ nextAllowedAt: rateLimits.nextAllowedAt }).from(rateLimits).where(eq(rateLimits.key, key));
  const wait = limit ? Math.ceil((limit.nextAllowedAt.getTime() - now.getTime()) / 1000) : 1;
  return { allowed: false, retryAfterSeconds: Math.max(1, wait) };
}

/** A success: the key starts over (used for the account, not for the IP). */
export async function clearAttempts(db: Tx, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** A success from an address: that attempt no longer counts against it, its delay stays. */
export async function forgiveAttempt(db: Tx, key: string) {
  await db.update(rateLimits).set({ count: sql`greatest(${rateLimits.count} - 1, 0)` }).where(eq(rateLimits.key, key));
}
