/**
 * Working-day arithmetic for Kazakhstan's legal deadlines. Pure: the calendar is data (holidays,
 * weekend substitutions, the government's transfers), reviewed in app/domain/calendar/kz.json, so
 * a new year's decree is a data change, not a code change.
 *
 * Outside the years a calendar covers, the functions throw CalendarRangeError rather than guess:
 * a deadline computed without the year's holidays would be silently wrong.
 */
import kzData from "./calendar/kz.json";
import { addCalendarDays, dayOfWeek, isIsoDate, type IsoDate } from "./kz-time";

/** 'holiday': a state or national holiday, moved off a weekend; 'religious': a day off that is not. */
export type HolidayKind = "holiday" | "religious";
export type Holiday = { date: IsoDate; kind: HolidayKind; ru: string; kk: string };
/** A weekday given off because the holiday `for` fell on a Saturday or Sunday. */
export type SubstituteDayOff = { date: IsoDate; for: IsoDate };
/** A decree moving a day off: `workingDay` (usually a weekend day) is worked, `dayOff` is not. */
export type DayTransfer = { workingDay: IsoDate; dayOff: IsoDate; basis: string };

export type CalendarData = {
  years: number[];
  holidays: Holiday[];
  substituteDaysOff: SubstituteDayOff[];
  transfers: DayTransfer[];
};

export type Calendar = CalendarData & {
  readonly index: {
    years: ReadonlySet<number>;
    holidays: ReadonlyMap<IsoDate, Holiday>;
    daysOff: ReadonlySet<IsoDate>;
    workedWeekendDays: ReadonlySet<IsoDate>;
  };
};

/**
 * A deadline as a service definition states it (app/services/definition.ts, channelOf(…).deadline):
 * the legal deadlines live there, this module is only the calendar.
 */
export type Deadline = { days: number; dayKind: "working" | "calendar" };

export class CalendarRangeError extends RangeError {
  constructor(readonly date: IsoDate, readonly years: readonly number[]) {
    super(`the working-day calendar covers ${describeYears(years)}, not ${date}`);
    this.name = "CalendarRangeError";
  }
}

/** Builds the lookup index; checks that every date is real and inside the covered years. */
export function makeCalendar(data: CalendarData): Calendar {
  const years = new Set(data.years);
  const check = (date: string, what: string) => {
    if (!isIsoDate(date)) throw new Error(`calendar: ${what} "${date}" is not a YYYY-MM-DD date`);
    if (!years.has(Number(date.slice(0, 4)))) throw new Error(`calendar: ${what} ${date} is outside ${describeYears(data.years)}`);
  };
  const holidays = new Map<IsoDate, Holiday>();
  for (const h of data.holidays) {
    check(h.date, "holiday");
    if (h.kind !== "holiday" && h.kind !== "religious") throw new Error(`calendar: holiday ${h.date} has unknown kind "${h.kind}"`);
    holidays.set(h.date, h);
  }
  const daysOff = new Set<IsoDate>();
  for (const s of data.substituteDaysOff) {
    check(s.date, "substitute day off");
    daysOff.add(s.date);
  }
  const workedWeekendDays = new Set<IsoDate>();
  for (const t of data.transfers) {
    check(t.workingDay, "transferred working day");
    check(t.dayOff, "transferred day off");
    workedWeekendDays.add(t.workingDay);
    daysOff.add(t.dayOff);
  }
  return { ...data, index: { years, holidays, daysOff, workedWeekendDays } };
}

export const kzCalendar: Calendar = makeCalendar(kzData as CalendarData);

export function isWorkingDay(date: IsoDate, cal: Calendar): boolean {
  assertCovered(date, cal);
  const { holidays, daysOff, workedWeekendDays } = cal.index;
  if (holidays.has(date) || daysOff.has(date)) return false;
  if (workedWeekendDays.has(date)) return true;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/** The holiday on `date`, if any (for showing its name). */
export function holidayOn(date: IsoDate, cal: Calendar): Holiday | undefined {
  return cal.index.holidays.get(date);
}

/** The working day `n` working days after `date`; `date` itself is not counted, n = 0 returns it. */
export function addWorkingDays(date: IsoDate, n: number, cal: Calendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number ≥ 0, got ${n}`);
  assertCovered(date, cal);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, cal: Calendar): IsoDate {
  return addWorkingDays(date, 1, cal);
}

/**
 * Working days d with a < d ≤ b, so that workingDaysBetween(a, addWorkingDays(a, n)) = n.
 * Negative when b is before a.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, cal: Calendar): number {
  assertCovered(a, cal);
  assertCovered(b, cal);
  if (b < a) return -workingDaysBetween(b, a, cal);
  let count = 0;
  for (let day = addCalendarDays(a, 1); day <= b; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, cal)) count++;
  }
  return count;
}

/**
 * The substitute days off the Law "On holidays" art. 5 gives for a list of holidays: each holiday
 * of kind 'holiday' on a Saturday or Sunday moves the day off to the next weekday that is not a
 * holiday and not already given. Religious days off are not moved. Used to check the reviewed data
 * and to draft a new year's entries.
 */
export function substituteDaysOffByRule(holidays: readonly Holiday[]): SubstituteDayOff[] {
  const holidayDates = new Set(holidays.map((h) => h.date));
  const given = new Set<IsoDate>();
  const result: SubstituteDayOff[] = [];
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date));
  for (const h of sorted) {
    const dow = dayOfWeek(h.date);
    if (h.kind !== "holiday" || (dow !== 0 && dow !== 6)) continue;
    let day = addCalendarDays(h.date, 1);
    while (holidayDates.has(day) || given.has(day) || [0, 6].includes(dayOfWeek(day))) day = addCalendarDays(day, 1);
    given.add(day);
    result.push({ date: day, for: h.date });
  }
  return result;
}

function assertCovered(date: IsoDate, cal: Calendar) {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${date}"`);
  if (!cal.index.years.has(Number(date.slice(0, 4)))) throw new CalendarRangeError(date, cal.years);
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return "no years";
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}–${sorted[sorted.length - 1]}`;
}

/**
 * A deadline as a service definition states it: `days` working days (on the calendar) or calendar
 * days, counted from the day after `from`.
 */
export function addDeadline(from: IsoDate, deadline: Deadline, cal: Calendar): IsoDate {
  if (deadline.dayKind === "working") return addWorkingDays(from, deadline.days, cal);
  return addCalendarDays(from, deadline.days);
}
