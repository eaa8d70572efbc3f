/** Dates as people in Kazakhstan read them: DD.MM.YYYY, times in Kazakhstan time (UTC+5). */
import { kzDate, kzOffsetMinutes } from "~/domain/kz-time";

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
