/**
 * "Who looked at my data", grouped: a case page reloaded twenty times in two minutes is one visit, not
 * twenty rows. Reads by the same role, for the same purpose and reference, each within `gapMinutes` of
 * the previous one of them (other reads in between do not split them), become one row with the first
 * and last time and a count. Rows come newest first.
 * Pure.
 */
export type AccessEntry = { id: number; at: string; role: string; purpose: string; reference: string | null };
export type AccessGroup = { id: number; first: string; last: string; count: number; role: string; purpose: string; reference: string | null };

export const ACCESS_GAP_MINUTES = 30;

export function groupAccess(entries: readonly AccessEntry[], gapMinutes = ACCESS_GAP_MINUTES): AccessGroup[] {
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  const groups: AccessGroup[] = [];
  const open = new Map<string, AccessGroup>();
  for (const e of sorted) {
    const key = JSON.stringify([e.role, e.purpose, e.reference]);
    const g = open.get(key);
    if (g && Date.parse(g.first) - Date.parse(e.at) <= gapMinutes * 60_000) {
      g.first = e.at;
      g.count += 1;
    } else {
      const group = { id: e.id, first: e.at, last: e.at, count: 1, role: e.role, purpose: e.purpose, reference: e.reference };
      groups.push(group);
      open.set(key, group);
    }
  }
  return groups;
}
