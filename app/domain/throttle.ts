/**
 * Attempt limits as a pure rule: the first `free` attempts of a key (an IIN, a staff login, an IP,
 * an applicant adding members) need no wait; after that each attempt makes the next one wait longer,
 * doubling from `baseSeconds` up to `capSeconds`. A key left alone for `resetMinutes` starts over.
 * There is no long lock: whoever guesses at someone else's account delays its owner by at most
 * `capSeconds`, and signing in with ЭЦП is never throttled by it.
 *
 * db/queries/limits.ts counts an attempt in one statement using `delaySchedule`, so the counting
 * and the waiting cannot be raced by concurrent requests.
 */
export type ThrottlePolicy = { free: number; baseSeconds: number; capSeconds: number; resetMinutes: number };

/** Seconds to wait after the n-th attempt (n ≥ 1). */
export function delayAfter(n: number, policy: ThrottlePolicy): number {
  if (n < policy.free) return 0;
  return Math.min(policy.capSeconds, policy.baseSeconds * 2 ** (n - policy.free));
}

/** delayAfter(1…k), ending at the first attempt whose delay reaches the cap (later ones repeat it). */
export function delaySchedule(policy: ThrottlePolicy): number[] {
  const out: number[] = [];
  for (let n = 1; ; n++) {
    out.push(delayAfter(n, policy));
    if (out[n - 1] >= policy.capSeconds || n >= 64) return out;
  }
}

/** Whole minutes to tell the person, at least one. */
export function retryMinutes(seconds: number) {
  return Math.max(1, Math.ceil(seconds / 60));
}
