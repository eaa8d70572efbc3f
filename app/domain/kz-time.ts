/**
 * Kazakhstan local dates. Deadlines and registration days are counted in the country's calendar
 * days, not the server's, so every function takes the instant explicitly (no hidden "now").
 *
 * Since 00:00 on 1 March 2024 the whole country keeps UTC+5; before that Astana and Almaty (where
 * the ministries and most applicants are) kept UTC+6. The offset is computed here rather than
 * through Intl so the result does not depend on the tz data Node was built with.
 */

/** 'YYYY-MM-DD', a calendar day in Kazakhstan. */
export type IsoDate = string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 2024-03-01 00:00 at UTC+6, when the clocks in Astana went back to 2024-02-29 23:00 (UTC+5). */
export const KZ_SINGLE_ZONE_SINCE = new Date(Date.UTC(2024, 1, 29, 18, 0, 0));

/** Minutes east of UTC in Astana at that instant. */
export function kzOffsetMinutes(instant: Date): number {
  return instantMs(instant) < KZ_SINGLE_ZONE_SINCE.getTime() ? 360 : 300;
}

/** The Kazakhstan calendar date of an instant. */
export function kzDate(instant: Date): IsoDate {
  const ms = instantMs(instant) + kzOffsetMinutes(instant) * 60_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant Kazakhstan's day `date` begins (local midnight). */
export function kzStartOfDay(date: IsoDate): Date {
  const utcMidnight = isoDateToUtcMs(date);
  // Try the current offset first; a midnight before the switch was at UTC+6.
  const atUtc5 = utcMidnight - 5 * HOUR;
  return new Date(atUtc5 >= KZ_SINGLE_ZONE_SINCE.getTime() ? atUtc5 : utcMidnight - 6 * HOUR);
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** `date` moved by `n` calendar days (n may be negative). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addCalendarDays needs a whole number of days, got ${n}`);
  return new Date(isoDateToUtcMs(date) + n * DAY).toISOString().slice(0, 10);
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(isoDateToUtcMs(date)).getUTCDay();
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((isoDateToUtcMs(b) - isoDateToUtcMs(a)) / DAY);
}

function isoDateToUtcMs(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${date}"`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid Date");
  return ms;
}
