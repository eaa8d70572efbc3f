/**
 * The application day (Annex 12 item 7 sub-item 3, seed 000): the portal accepts round the clock,
 * but an application filed after the end of the provider's working time, on a day off or on a
 * holiday is accepted on the next working day. That day fixes the income quarter and starts the
 * deadline. Pure: the working hours and the calendar are data.
 *
 * The same rule is used for every channel: at the Centre and the akim an application is taken in
 * working time anyway, and a proactive consent arriving by SMS at night is an electronic contact
 * like the portal's (clause 6: the day of application is the day the consent is received, which the
 * provider can only receive in working time).
 */
import hoursData from "./calendar/working-hours.json";
import { kzDate, kzOffsetMinutes, type IsoDate } from "./kz-time";
import { addDeadline, isWorkingDay, nextWorkingDay, type Calendar, type Deadline } from "./workdays";

/** Local Astana time 'HH:MM'. */
export type WorkingHours = { start: string; end: string };

export const DEFAULT_WORKING_HOURS: WorkingHours = parseWorkingHours(hoursData);

export function parseWorkingHours(value: { start: string; end: string }): WorkingHours {
  const minutes = (hhmm: string) => {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
    if (!m) throw new Error(`working hours: "${hhmm}" is not HH:MM`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  if (minutes(value.start) >= minutes(value.end)) throw new Error(`working hours: ${value.start} is not before ${value.end}`);
  return { start: value.start, end: value.end };
}

/** Minutes since local midnight in Astana at `instant`. */
function kzMinuteOfDay(instant: Date): number {
  const local = new Date(instant.getTime() + kzOffsetMinutes(instant) * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The day an application filed at `instant` is accepted: that Kazakhstan day when it is a working
 * day and the instant is before the end of working time (an early-morning filing waits for the
 * same day's opening), otherwise the next working day.
 */
export function applicationDay(instant: Date, cal: Calendar, hours: WorkingHours = DEFAULT_WORKING_HOURS): IsoDate {
  const day = kzDate(instant);
  if (isWorkingDay(day, cal) && kzMinuteOfDay(instant) < toMinutes(hours.end)) return day;
  return nextWorkingDay(day, cal);
}

/**
 * The application day and the decision's due date by the channel's deadline, as the service's
 * definition states it: `applicationDates(at, channelOf(getService(key), channel), cal)`.
 */
export function applicationDates(
  instant: Date,
  channel: { deadline: Deadline },
  cal: Calendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): { applicationDay: IsoDate; dueDate: IsoDate } {
  const day = applicationDay(instant, cal, hours);
  return { applicationDay: day, dueDate: addDeadline(day, channel.deadline, cal) };
}
