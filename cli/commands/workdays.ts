/**
 * `komek workdays add <YYYY-MM-DD> <n>` prints the date n working days after the given one;
 * `komek workdays is <YYYY-MM-DD>` prints `working` or `non-working`. Both use the reviewed
 * Kazakhstan calendar (app/domain/calendar/kz.json). Malformed input: exit 2; a date the calendar
 * does not cover: exit 1.
 */
import { isIsoDate } from "../../app/domain/kz-time";
import { addWorkingDays, CalendarRangeError, isWorkingDay, kzCalendar } from "../../app/domain/workdays";

const USAGE = "usage: komek workdays add <YYYY-MM-DD> <n>\n       komek workdays is <YYYY-MM-DD>\n";

export async function run(args: string[]): Promise<number> {
  const [sub, date, n, ...extra] = args;
  const fail = (message: string, code = 2) => {
    process.stderr.write(`${message}\n${USAGE}`);
    return code;
  };
  if (sub !== "add" && sub !== "is") return fail(sub ? `Unknown subcommand: ${sub}` : "Missing subcommand");
  if (date === undefined) return fail("Missing date");
  if (!isIsoDate(date)) return fail(`Not a calendar date in the form YYYY-MM-DD: ${date}`);
  if (sub === "is" && (n !== undefined || extra.length)) return fail("Too many arguments");
  if (sub === "add") {
    if (n === undefined) return fail("Missing number of working days");
    if (!/^\d{1,4}$/.test(n)) return fail(`The number of working days must be a whole number from 0 to 9999: ${n}`);
    if (extra.length) return fail("Too many arguments");
  }
  try {
    const line = sub === "add" ? addWorkingDays(date, Number(n), kzCalendar) : isWorkingDay(date, kzCalendar) ? "working" : "non-working";
    process.stdout.write(`${line}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CalendarRangeError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
