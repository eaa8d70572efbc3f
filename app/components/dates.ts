/** Dates as people in Kazakhstan read them: DD.MM.YYYY, times in Kazakhstan time (UTC+5). */
import { kzDate, kzOffsetMinutes } from "../domain/kz-time";

export function formatDate(iso: string) {
  return iso.slice(0, 10).split("-").reverse().join(".");
}

export function formatKzDateTime(instantIso: string) {
  const instant = new Date(instantIso);
  const local = new Date(instant.getTime() + kzOffsetMinutes(instant) * 60_000);
  return `${formatDate(kzDate(instant))} ${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
}

/** The time of day in Kazakhstan, HH:MM. */
export function formatKzTime(instantIso: string) {
  return formatKzDateTime(instantIso).slice(11);
}

/** The last day of the month a month-start date ("2026-09-01") opens: "2026-09-30". */
export function lastDayOfMonth(monthStartIso: string) {
  const [y, m] = monthStartIso.slice(0, 7).split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A quarter as people read it: its first day to its last, "01.07.2026 — 30.09.2026". */
export function formatQuarter(q: { from: string; to: string }) {
  return { from: formatDate(q.from), to: formatDate(lastDayOfMonth(q.to)) };
}
