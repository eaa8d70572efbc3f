/**
 * IIN (ИИН / ЖСН): 12 digits. Digits 1-6 are the birth date YYMMDD, digit 7 the century and sex
 * (1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd = male), digits 8-11 a serial, digit 12 a check digit:
 * Σ dᵢ·i mod 11 with weights 1…11; when that is 10, weights 3…11,1,2; when that is 10 again, the IIN
 * is never issued.
 */
export type Sex = "M" | "F";
export type IinReason = "format" | "century" | "date" | "checksum";
export type IinResult = { valid: true; iin: string; birthDate: string; sex: Sex } | { valid: false; reason: IinReason };

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first 11 digits, or null when no digit fits (such IINs are not issued). */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const sum = (w: number[]) => digits.reduce((acc, d, i) => acc + d * w[i], 0) % 11;
  let c = sum(WEIGHTS_1);
  if (c === 10) c = sum(WEIGHTS_2);
  return c === 10 ? null : c;
}

export function parseIin(input: string): IinResult {
  const iin = input.trim();
  if (!/^\d{12}$/.test(iin)) return { valid: false, reason: "format" };
  const centuryDigit = Number(iin[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return { valid: false, reason: "century" };
  const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (!isCalendarDate(year, month, day)) return { valid: false, reason: "date" };
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return { valid: false, reason: "checksum" };
  const birthDate = `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
  return { valid: true, iin, birthDate, sex: centuryDigit % 2 === 1 ? "M" : "F" };
}

export function isValidIin(input: string): boolean {
  return parseIin(input).valid;
}

/**
 * Builds a valid IIN for a birth date, sex and serial (0-9999). Returns null when that serial has no
 * valid check digit; callers try the next serial.
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const [y, m, d] = birthDate.split("-").map(Number);
  if (!isCalendarDate(y, m, d)) throw new RangeError(`not a calendar date: ${birthDate}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) throw new RangeError(`IIN serial must be 0-9999, got ${serial}`);
  const centuryIndex = Math.floor(y / 100) - 18; // 0 for 1800s, 1 for 1900s, 2 for 2000s
  if (centuryIndex < 0 || centuryIndex > 2) throw new Error(`IIN cannot encode year ${y}`);
  const centuryDigit = centuryIndex * 2 + (sex === "M" ? 1 : 2);
  const first11 = `${pad2(y % 100)}${pad2(m)}${pad2(d)}${centuryDigit}${String(serial).padStart(4, "0")}`;
  const check = iinCheckDigit(first11);
  return check === null ? null : `${first11}${check}`;
}

function isCalendarDate(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return false;
  const dt = new Date(Date.UTC(year, month - 1, day));
  return dt.getUTCFullYear() === year && dt.getUTCMonth() === month - 1 && dt.getUTCDate() === day;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
