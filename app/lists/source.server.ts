/**
 * Where list generation gets a district's act in force on a day (issue 14a's rule set,
 * app/services/local) and which day it is (the list clock).
 *
 * The list clock: the real date in Kazakhstan, except in a demonstration (KOMEK_DEMO=1) or a test
 * run, where KOMEK_TODAY=YYYY-MM-DD sets the day (issue 14a's rules clock, rules-day.server.ts); a
 * demonstration without it uses DEMO_LISTS_DAY, a
 * day inside the Nura act № 159 (in force 16.05.2025–04.05.2026), a week before 9 May 2026, so
 * `npm start` can generate the 9 May list. A production deployment never runs on a made-up day.
 */
import { kzDate } from "../domain/kz-time";
import { demoMode } from "../env.server";
import { rulesClockOverride } from "../services/local/rules-day.server";
import { ruleSetInForce, ruleSetOfAct } from "../services/local/acts.server";
import { toListRules } from "./adapt";
import type { ListRules } from "./rules";

export const DEMO_LISTS_DAY = "2026-04-27";

export async function listRulesInForce(districtKato: string, day: string): Promise<ListRules | null> {
  const rs = ruleSetInForce(districtKato, day);
  return rs ? toListRules(rs) : null;
}

/** The act a list was made under (its id: KATO-number-date), even after its repeal: a list is decided under it. */
export async function listRulesOfAct(actId: string): Promise<ListRules | null> {
  const [kato, number] = actId.split("-");
  const rs = kato && number ? ruleSetOfAct(kato, number) : null;
  return rs ? toListRules(rs) : null;
}

/** The rules clock of issue 14a (KOMEK_TODAY in tests and demonstrations), with the demonstration's own default day. */
export function listsToday(now = new Date()): string {
  const fixed = rulesClockOverride();
  if (fixed) return fixed;
  if (demoMode()) return DEMO_LISTS_DAY;
  return kzDate(now);
}
