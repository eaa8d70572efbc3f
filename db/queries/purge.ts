/**
 * The purge job's deletions (sms/worker.server.ts runs them every PURGE_INTERVAL): rows that only
 * served a moment — spent or expired ЭЦП sign-in challenges, old sign-in attempts, ended sessions,
 * expired one-time codes. None of these tables is evidence (db/roles.ts APPEND_ONLY_TABLES), and
 * each has an index on the column deleted by (migration 0009). Deletes in batches so that no
 * statement holds many row locks for long.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";

export type PurgePolicy = {
  /** Sign-in attempts are kept this long (well past any throttling window). */
  attemptsDays: number;
  /** Expired or revoked sessions, spent challenges and expired codes are kept this long after they end. */
  graceHours: number;
};

export const defaultPurgePolicy: PurgePolicy = { attemptsDays: 30, graceHours: 24 };

export type PurgeResult = { challenges: number; attempts: number; sessions: number; codes: number; limits: number };

const BATCH = 5000;

async function deleteInBatches(db: Tx, table: string, where: ReturnType<typeof sql>): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ n }] = rowsOf<{ n: number }>(
      await db.execute(sql`with gone as (delete from ${sql.identifier(table)} where ctid in (select ctid from ${sql.identifier(table)} where ${where} limit ${BATCH}) returning 1)
                           select count(*)::int as n from gone`),
    );
    total += n;
    if (n < BATCH) return total;
  }
}

export async function purgeExpired(db: Tx, now: Date, policy: PurgePolicy = defaultPurgePolicy): Promise<PurgeResult> {
  // ISO strings: raw SQL parameters go to the driver as they are, and postgres.js binds no Date.
  const ended = sql`${new Date(now.getTime() - policy.graceHours * 3_600_000).toISOString()}::timestamptz`;
  const attemptsBefore = sql`${new Date(now.getTime() - policy.attemptsDays * 86_400_000).toISOString()}::timestamptz`;
  return {
    challenges: await deleteInBatches(db, "auth_challenges", sql`expires_at < ${ended}`),
    attempts: await deleteInBatches(db, "login_attempts", sql`at < ${attemptsBefore}`),
    sessions: await deleteInBatches(db, "sessions", sql`expires_at < ${ended} or revoked_at < ${ended} or last_seen_at < ${ended}`),
    codes: await deleteInBatches(db, "otp_codes", sql`expires_at < ${ended}`),
    // An attempt counter idle past its window starts over anyway (ADR 010); older rows are dead weight.
    limits: await deleteInBatches(db, "rate_limits", sql`last_at < ${ended} and next_allowed_at < ${ended}`),
  };
}
