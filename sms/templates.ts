/**
 * Renders the SMS texts of the proactive offer from locales/{ru,kk}/sms.json with a private i18next
 * instance (no React, synchronous init), and formats instants in Kazakhstan time as DD.MM.YYYY HH:MM.
 */
import { plainI18n as i18n } from "../app/plain-text";
import type { Language, resources } from "../locales";
import { isIsoDate, kzDate, kzOffsetMinutes, type IsoDate } from "../app/domain/kz-time";
import { countSegments } from "./segments";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the `sms` namespace, e.g. "payment.askWithAccount". */
export type SmsKey = Leaves<(typeof resources)["ru"]["sms"]>;
export type SmsParams = Record<string, string>;

/** One text to send: the key and params it came from (for the outbox and audit) and what it says. */
export type Outbound = { key: SmsKey; params: SmsParams; language: Language; text: string; segments: number };

/** The budget every message is written against: two concatenated UCS-2 parts (2 × 67 units). */
export const MAX_SEGMENTS = 2;


export function render(language: Language, key: SmsKey, params: SmsParams = {}): Outbound {
  if (!i18n.exists(key, { lng: language, ns: "sms" })) throw new Error(`missing sms text ${language}:${key}`);
  const text = i18n.t(key, { ...params, lng: language, ns: "sms" });
  if (text.includes("{{")) throw new Error(`sms text ${language}:${key} is missing a parameter: ${text}`);
  return { key, params, language, text, segments: countSegments(text).segments };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "28.02.2026 23:59" in Kazakhstan time. */
export function formatKzDateTime(at: Date | string): string {
  const instant = new Date(at);
  const local = new Date(instant.getTime() + kzOffsetMinutes(instant) * 60_000);
  return `${formatCalendarDate(kzDate(instant))} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "28.02.2026" in Kazakhstan time. */
export function formatKzDate(at: Date | string): string {
  return formatCalendarDate(kzDate(new Date(at)));
}

/** "2026-02-28" (a calendar date, no time zone) → "28.02.2026". */
export function formatCalendarDate(day: IsoDate): string {
  if (!isIsoDate(day)) throw new Error(`expected a YYYY-MM-DD date, got ${day}`);
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}
