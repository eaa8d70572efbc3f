/**
 * Where list generation gets a district's act in force on a day, and which day it is. Until issue
 * 14a's rule set is merged this knows no act (every day reads as "no act loaded").
 */
import { kzDate } from "../domain/kz-time";
import type { ListRules } from "./rules";

export async function listRulesInForce(_districtKato: string, _day: string): Promise<ListRules | null> {
  return null;
}

export function listsToday(): string {
  return kzDate(new Date());
}
