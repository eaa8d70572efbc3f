/**
 * Least privilege for people who help a caller without being their case worker (1414 agents): the
 * shortest forms of personal data that still let the agent confirm they found the right person.
 * Pure functions; the database query already returns no more than these need (first letters, last
 * four characters), so the full values never reach the console process.
 */
import { maskIban } from "./iban";

/**
 * "А. С. Н.": first name, patronymic (when there is one) and surname, each cut to its first letter.
 * The surname comes last, as the caller would say "Айгерим Сериковна Н.".
 */
export function personInitials(name: { first: string | null; patronymic: string | null; last: string | null }): string {
  return [name.first, name.patronymic, name.last]
    .map((part) => firstLetter(part))
    .filter((letter): letter is string => letter !== null)
    .map((letter) => `${letter}.`)
    .join(" ");
}

function firstLetter(part: string | null): string | null {
  const trimmed = part?.trim();
  if (!trimmed) return null;
  // Array.from keeps a letter with a combining mark or outside the BMP whole.
  return Array.from(trimmed)[0].toLocaleUpperCase("ru");
}

/**
 * An account as its last four characters only ("•••• 1234"). Accepts the full IBAN or just the four
 * characters the database handed out; anything shorter is shown as unknown (null).
 */
export function accountLast4(ibanOrLast4: string | null | undefined): string | null {
  const compact = ibanOrLast4?.replace(/\s/g, "").toUpperCase();
  if (!compact || compact.length < 4 || !/^[0-9A-Z]+$/.test(compact)) return null;
  return maskIban(compact);
}

/** An IIN in a list an agent reads again later: only the last four digits ("••••••••0017"). */
export function maskIin(iin: string): string {
  const digits = iin.replace(/\D/g, "");
  if (digits.length < 4) return "•".repeat(12);
  return `${"•".repeat(Math.max(digits.length - 4, 0))}${digits.slice(-4)}`;
}
