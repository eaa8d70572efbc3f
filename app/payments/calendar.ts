/**
 * The payment calendar of seed 003 clauses 19–23, on the Kazakhstan working-day calendar. Pure.
 *
 * - Clause 19: the State Corporation forms the demand for funds for one-off payments every day, and
 *   for monthly and quarterly payments by the 29th of the month before the payment month. "By the
 *   29th" is a deadline; when the 29th is not a working day (or the month has no 29th) the demand is
 *   formed on the last working day before it. The 29th rule names monthly and quarterly payments
 *   only: a half-yearly, yearly or heating-season payment is, like a one-off one, a single payment
 *   for its occasion, demanded in the daily demand from its payment month on (ADR 023).
 * - Clause 20: the demand is sent to the district's authorised body no later than the next working
 *   day; the body transfers the money within two working days of receiving it, and a demand received
 *   on the 27th is not funded before the 1st of the payment month (then the two working days count
 *   from the 1st: the transfer is due on the second working day on or after the 1st).
 * - Clause 21: payment orders within two working days of the transfer.
 * - Clause 22: a return is recorded within three working days of the payment organisation's notice.
 * - Clause 23: sums returned to the State Corporation go back to the district body by the last
 *   working day of the month they arrived in.
 * - Clause 14: grounds 1–3 (death, move out of the district, placement in a state medical-social
 *   institution) stop payments from the next month; grounds 4–5 (false information, lost grounds)
 *   from the date itself.
 */
import { addCalendarDays, isIsoDate, type IsoDate } from "../domain/kz-time";
import { addWorkingDays, isWorkingDay, nextWorkingDay, type Calendar } from "../domain/workdays";

/** 'YYYY-MM'. */
export type Month = string;
export type Periodicity = "one_off" | "monthly" | "quarterly" | "half_yearly" | "yearly" | "heating_season";
export const PERIODICITIES = ["one_off", "monthly", "quarterly", "half_yearly", "yearly", "heating_season"] as const satisfies readonly Periodicity[];

/**
 * Months between two payments of a periodicity; 0 for a one-off payment. A heating-season payment is
 * once per season: every twelfth month from the decision's first (an assignment for one season is paid once).
 */
export const PERIODICITY_STEP: Record<Periodicity, number> = { one_off: 0, monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12, heating_season: 12 };

/**
 * Clause 19 names two demand rules: one-off payments "daily", monthly and quarterly ones "by the 29th
 * of the month before the payment month". The 29th rule is for those two alone; every other payment
 * (half-yearly, yearly, per heating season) is a single payment for its occasion and goes with the
 * daily demand, from its payment month on — never demanded a month ahead on a rule the seed does not give it.
 */
export type DemandRule = "daily" | "by_29th";
export function demandRule(periodicity: Periodicity): DemandRule {
  return periodicity === "monthly" || periodicity === "quarterly" ? "by_29th" : "daily";
}

/** The periodicities demanded daily (the schedule SQL and the demand run take them as a list). */
export const DAILY_PERIODICITIES: readonly Periodicity[] = PERIODICITIES.filter((p) => demandRule(p) === "daily");

/**
 * The payment months of an assignment from `from` to `to` (inclusive, 'YYYY-MM'): every month,
 * every third, sixth or twelfth month counted from the first, or the first month alone for a one-off
 * payment. The schedule SQL (db/queries/payments.ts scheduleLines) generates the same series.
 */
export function paymentMonths(periodicity: Periodicity, from: Month, to: Month): Month[] {
  assertMonth(from);
  assertMonth(to);
  if (to < from) return [];
  const step = PERIODICITY_STEP[periodicity];
  if (step === 0) return [from];
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, step)) out.push(m);
  return out;
}

export const DEMAND_DAY_OF_MONTH = 29;
export const LATE_DEMAND_DAY_OF_MONTH = 27;
export const TRANSFER_WORKING_DAYS = 2;
export const ORDER_WORKING_DAYS = 2;
export const RETURN_RECORD_WORKING_DAYS = 3;

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

function assertMonth(month: Month) {
  if (!isMonth(month)) throw new RangeError(`not a month in the form YYYY-MM: "${month}"`);
}

export function firstOfMonth(month: Month): IsoDate {
  assertMonth(month);
  return `${month}-01`;
}

export function monthOf(date: IsoDate): Month {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${date}"`);
  return date.slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  assertMonth(month);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function lastDayOfMonth(month: Month): IsoDate {
  return addCalendarDays(firstOfMonth(addMonths(month, 1)), -1);
}

/** The latest working day on or before `date`. */
export function workingDayOnOrBefore(date: IsoDate, cal: Calendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, cal)) day = addCalendarDays(day, -1);
  return day;
}

/** The earliest working day on or after `date`. */
export function workingDayOnOrAfter(date: IsoDate, cal: Calendar): IsoDate {
  return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
}

export function lastWorkingDayOfMonth(month: Month, cal: Calendar): IsoDate {
  return workingDayOnOrBefore(lastDayOfMonth(month), cal);
}

/**
 * The day the demand for a payment is formed (clause 19). Monthly and quarterly: the last working day
 * on or before the 29th of the month before the payment month (the month's last day when it has no
 * 29th). Daily (one-off, half-yearly, yearly, heating season, `demandRule`): the first working day
 * on or after both the day it is asked for (`on`: the decision day, the run's day) and the 1st of its
 * payment month (`month`, default: `on`'s own month).
 */
export function demandDate(
  p: { periodicity: Periodicity; month: Month; on?: IsoDate } | { periodicity: Periodicity; month?: Month; on: IsoDate },
  cal: Calendar,
): IsoDate {
  if (demandRule(p.periodicity) === "daily") {
    const on = p.on ?? firstOfMonth(p.month!);
    const first = firstOfMonth(p.month ?? monthOf(on));
    return workingDayOnOrAfter(on > first ? on : first, cal);
  }
  if (!p.month) throw new RangeError(`a ${p.periodicity} payment is demanded for a payment month`);
  const previous = addMonths(p.month, -1);
  const last = lastDayOfMonth(previous);
  const the29th = `${previous}-${DEMAND_DAY_OF_MONTH}`;
  return workingDayOnOrBefore(the29th < last ? the29th : last, cal);
}

/** Clause 20: the demand reaches the district's authorised body no later than the next working day. */
export function demandSendBy(formedOn: IsoDate, cal: Calendar): IsoDate {
  return nextWorkingDay(formedOn, cal);
}

/**
 * Clause 20: when the district may and must transfer the money for a demand it received on
 * `receivedOn` for payments of `paymentMonth`.
 */
export function transferWindow(receivedOn: IsoDate, paymentMonth: Month, cal: Calendar): { earliest: IsoDate; dueBy: IsoDate; heldTo1st: boolean } {
  const first = firstOfMonth(paymentMonth);
  if (Number(receivedOn.slice(8, 10)) === LATE_DEMAND_DAY_OF_MONTH && receivedOn < first) {
    return {
      earliest: workingDayOnOrAfter(first, cal),
      dueBy: addWorkingDays(addCalendarDays(first, -1), TRANSFER_WORKING_DAYS, cal),
      heldTo1st: true,
    };
  }
  return { earliest: receivedOn, dueBy: addWorkingDays(receivedOn, TRANSFER_WORKING_DAYS, cal), heldTo1st: false };
}

/** Clause 21: payment orders are formed within two working days of the transfer. */
export function ordersDueBy(transferredOn: IsoDate, cal: Calendar): IsoDate {
  return addWorkingDays(transferredOn, ORDER_WORKING_DAYS, cal);
}

/** Clause 22: the return is recorded within three working days after the organisation's notice. */
export function returnRecordBy(noticeOn: IsoDate, cal: Calendar): IsoDate {
  return addWorkingDays(noticeOn, RETURN_RECORD_WORKING_DAYS, cal);
}

/**
 * Clause 22 enforced: a return recorded after its three working days is late (flagged on the item
 * and shown to the payment officer); recording it on the notice day or within the window is not.
 */
export function returnIsLate(noticeOn: IsoDate, recordedOn: IsoDate, cal: Calendar): boolean {
  return recordedOn > returnRecordBy(noticeOn, cal);
}

/** Clause 23: sums that came back go to the district body by the month's last working day. */
export function returnToDistrictBy(receivedOn: IsoDate, cal: Calendar): IsoDate {
  return lastWorkingDayOfMonth(monthOf(receivedOn), cal);
}

/** Clause 14 grounds, numbered as in the seed. */
export const TERMINATION_GROUNDS = ["death", "moved_out", "institution", "false_information", "lost_grounds"] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];

/** The first day no longer paid: grounds 1–3 the 1st of the next month, grounds 4–5 the event date. */
export function terminationStart(ground: TerminationGround, eventDate: IsoDate): IsoDate {
  if (!isIsoDate(eventDate)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${eventDate}"`);
  const index = TERMINATION_GROUNDS.indexOf(ground);
  if (index < 0) throw new RangeError(`unknown termination ground "${ground}"`);
  return index <= 2 ? firstOfMonth(addMonths(monthOf(eventDate), 1)) : eventDate;
}

/**
 * The part of a monthly amount no longer due when payment stops from `stopFrom`: whole months on or
 * after it are not due at all; in the month it falls in (grounds 4–5) the days from it to the month's
 * end are not due, in proportion to the month's calendar days, rounded down to the tiyn in the
 * recipient's favour.
 */
export function undueTiyn(month: Month, amountTiyn: number, stopFrom: IsoDate): number {
  const first = firstOfMonth(month);
  const last = lastDayOfMonth(month);
  if (stopFrom <= first) return amountTiyn;
  if (stopFrom > last) return 0;
  const days = Number(last.slice(8, 10));
  const undueDays = days - Number(stopFrom.slice(8, 10)) + 1;
  return Math.floor((amountTiyn * undueDays) / days);
}
