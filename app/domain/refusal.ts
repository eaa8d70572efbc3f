/**
 * The grounds for refusing ASP, Annex 12 item 9 (seed 000), as data. The legal wording is in
 * locales/{ru,kk}/decision.json under `ground.<code>.legal` (ru as in the seed, kk a faithful
 * rendering), with a plain-words line under `ground.<code>.plain`.
 *
 * Three grounds bar a new application for six months from an event: the refusal of employment
 * measures, the breach of the social contract, the day the false information was given. A term
 * counted in months ends on the same date of the last month (Civil Code art. 171; the month's last
 * day when it has no such date), so a new application is not barred from the day after.
 *
 * Each of those grounds carries its own event (GroundEvent): a refusal may rest on several, each
 * with its own date. Ground 2 also names the member who refused, and article 2 item 6 of the Law
 * "On state targeted social assistance" exempts some members from employment measures altogether
 * (employmentExemption): a refusal never rests on them.
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

/** The event a six-month ground is counted from; ground 2 also names the member who refused. */
export type GroundEvent = { date: IsoDate; memberIin?: string };
export type GroundEvents = Partial<Record<RefusalGroundCode, GroundEvent>>;

/** Grounds that bar only within six months of their own event. */
export function hasBar(code: RefusalGroundCode): boolean {
  return REFUSAL_GROUNDS[code].barMonths > 0;
}

/** Why an event does not support its ground on this case, or null when it does. */
export type GroundWindowError = "event_in_future" | "event_after_application" | "outside_bar";

/**
 * Is the ground's six-month window open for this case? The event cannot lie after the day of the
 * decision. A breach of the social contract (9.3) must fall within the six months *before* the
 * application; a refusal of employment measures (9.2) or false information (9.4) may also happen
 * while the case is open (the event then lies after the application day and the window is open).
 * An event before the application bars it only while isBarred says so.
 */
export function groundWindowError(code: RefusalGroundCode, eventDate: IsoDate, applicationDate: IsoDate, decidedOn: IsoDate): GroundWindowError | null {
  if (!hasBar(code)) return null;
  if (!isIsoDate(eventDate)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: "${eventDate}"`);
  if (eventDate > decidedOn) return "event_in_future";
  if (eventDate > applicationDate) return code === "social_contract_broken" ? "event_after_application" : null;
  return isBarred(code, eventDate, applicationDate) ? null : "outside_bar";
}

/** The first day none of the refusal's grounds bars a new application; null when none bars one. */
export function reapplyFromAll(grounds: readonly RefusalGroundCode[], events: GroundEvents): IsoDate | null {
  const days = grounds.map((g) => (events[g] ? reapplyFrom(g, events[g]!.date) : null)).filter((d): d is IsoDate => d !== null);
  return days.length ? days.sort().at(-1)! : null;
}

/**
 * Article 2 item 6 of the Law (as ground 2 of Annex 12 item 9 cites it): persons with disabilities,
 * full-time students and those not of working age are not able-bodied members to be drawn into
 * employment measures. What the gateway reports: the statuses 'disability' and 'full_time_study'
 * in force on the day, and the date of birth (under 18).
 */
export type ExemptionReason = "disability" | "full_time_study" | "minor";
export const EXEMPTION_REASONS: readonly ExemptionReason[] = ["disability", "full_time_study", "minor"];

export function employmentExemption(
  person: { birthDate: IsoDate },
  statuses: readonly { kind: string; validFrom: IsoDate; validTo: IsoDate | null }[],
  on: IsoDate,
): ExemptionReason | null {
  const inForce = (kind: string) => statuses.some((s) => s.kind === kind && s.validFrom <= on && (s.validTo === null || s.validTo >= on));
  if (inForce("disability")) return "disability";
  if (inForce("full_time_study")) return "full_time_study";
  if (addMonths(person.birthDate, 18 * 12) > on) return "minor";
  return null;
}

/** The form field that carries a six-month ground's event date (shared by the page and its server side). */
export const eventField = (ground: RefusalGroundCode) => `event_${ground}`;
