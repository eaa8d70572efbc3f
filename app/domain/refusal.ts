/**
 * The grounds for refusing ASP, Annex 12 item 9 (seed 000), as data. The legal wording is in
 * locales/{ru,kk}/decision.json under `ground.<code>.legal` (ru as in the seed, kk a faithful
 * rendering), with a plain-words line under `ground.<code>.plain`.
 *
 * Three grounds bar a new application for six months from an event: the refusal of employment
 * measures, the breach of the social contract, the day the false information was given. A term
 * counted in months ends on the same date of the last month (Civil Code art. 171; the month's last
 * day when it has no such date), so a new application is not barred from the day after.
 */
import { addCalendarDays, isIsoDate, type IsoDate } from "./kz-time";

export const REFUSAL_GROUND_CODES = [
  "not_low_income",
  "refused_employment_measures",
  "social_contract_broken",
  "false_information",
  "commission_found_no_need",
] as const;
export type RefusalGroundCode = (typeof REFUSAL_GROUND_CODES)[number];

export type RefusalGround = {
  code: RefusalGroundCode;
  /** Sub-item of Annex 12 item 9. */
  item: 1 | 2 | 3 | 4 | 5;
  /** Months during which the ground bars ASP, counted from `barFrom`; 0 for grounds without a bar. */
  barMonths: number;
  /** The event the bar is counted from. */
  barFrom: "refusal_of_measures" | "breach_of_contract" | "submission_of_false_information" | null;
  /** i18n keys in the `decision` namespace. */
  legalKey: `ground.${RefusalGroundCode}.legal`;
  plainKey: `ground.${RefusalGroundCode}.plain`;
};

const ground = (code: RefusalGroundCode, item: RefusalGround["item"], barMonths: number, barFrom: RefusalGround["barFrom"]): RefusalGround => ({
  code,
  item,
  barMonths,
  barFrom,
  legalKey: `ground.${code}.legal`,
  plainKey: `ground.${code}.plain`,
});

export const REFUSAL_GROUNDS: Readonly<Record<RefusalGroundCode, RefusalGround>> = {
  not_low_income: ground("not_low_income", 1, 0, null),
  refused_employment_measures: ground("refused_employment_measures", 2, 6, "refusal_of_measures"),
  social_contract_broken: ground("social_contract_broken", 3, 6, "breach_of_contract"),
  false_information: ground("false_information", 4, 6, "submission_of_false_information"),
  commission_found_no_need: ground("commission_found_no_need", 5, 0, null),
};

export function isRefusalGroundCode(value: unknown): value is RefusalGroundCode {
  return typeof value === "string" && (REFUSAL_GROUND_CODES as readonly string[]).includes(value);
}

/** The last day the ground bars ASP, given the date of its event; null for grounds without a bar. */
export function barEndsOn(code: RefusalGroundCode, eventDate: IsoDate): IsoDate | null {
  const { barMonths } = REFUSAL_GROUNDS[code];
  if (barMonths === 0) return null;
  return addMonths(eventDate, barMonths);
}

/** The first day a new application is not barred by this ground; null when it never bars one. */
export function reapplyFrom(code: RefusalGroundCode, eventDate: IsoDate): IsoDate | null {
  const end = barEndsOn(code, eventDate);
  return end === null ? null : addCalendarDays(end, 1);
}

/** Does the ground's six-month bar cover an application made on `applicationDate`? */
export function isBarred(code: RefusalGroundCode, eventDate: IsoDate, applicationDate: IsoDate): boolean {
  const end = barEndsOn(code, eventDate);
  if (!isIsoDate(applicationDate)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${applicationDate}"`);
  return end !== null && eventDate <= applicationDate && applicationDate <= end;
}

function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${date}"`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = m % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
