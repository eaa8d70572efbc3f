/**
 * The day whose district act applies (issue 14): today in Kazakhstan — or KOMEK_TODAY (YYYY-MM-DD),
 * honoured only in tests (NODE_ENV=test) and in a demonstration (demoMode: KOMEK_DEMO=1, or a
 * development start), so the demo and the e2e run inside an act's period (Nura's act № 159 applies
 * 2025-05-16 – 2026-05-04). It moves only which act applies; registration days, deadlines and
 * signatures keep the real clock. A production start ignores it.
 */
import { demoMode } from "../../env.server";
import { isIsoDate, kzDate } from "../../domain/kz-time";

export function rulesClockOverride(e: Record<string, string | undefined> = process.env): string | null {
  const fixed = e.KOMEK_TODAY?.trim();
  if (!fixed) return null;
  if (e.NODE_ENV !== "test" && !demoMode(e)) return null;
  if (!isIsoDate(fixed)) throw new Error(`KOMEK_TODAY must be a date YYYY-MM-DD, got "${fixed}"`);
  return fixed;
}

export function rulesToday(now: Date = new Date(), e: Record<string, string | undefined> = process.env): string {
  return rulesClockOverride(e) ?? kzDate(now);
}
