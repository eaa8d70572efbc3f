/**
 * Login throttling as a pure rule: given the failed attempts of one key (an IIN, a staff login or
 * an IP) inside the window, is the key locked now, and until when?
 */
export type ThrottlePolicy = { maxFailures: number; windowMinutes: number };
export type ThrottleVerdict = { locked: false } | { locked: true; retryAfterMinutes: number };

export function throttleVerdict(failures: Date[], now: Date, policy: ThrottlePolicy): ThrottleVerdict {
  const windowMs = policy.windowMinutes * 60_000;
  const recent = failures.filter((f) => now.getTime() - f.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < policy.maxFailures) return { locked: false };
  // Locked until the oldest counted failure leaves the window.
  const unlockAt = recent[recent.length - policy.maxFailures].getTime() + windowMs;
  return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000)) };
}
