/**
 * `komek workdays add <YYYY-MM-DD> <n>` prints the date n working days after the given one;
 * `komek workdays is <YYYY-MM-DD>` prints `working` or `non-working`;
 * `komek workdays application-day <ISO-8601 instant with offset> [--channel portal|centre|akim|proactive] [--service <key>]`
 * prints one JSON line {"applicationDay","dueDate"}: the day an application filed at that instant is
 * accepted (after working time, on a day off or a holiday: the next working day, Annex 12 item 7.3)
 * and its due date by the channel's deadline (default portal) as the service's definition states it
 * (default asp, the service the command was first written for). All use the reviewed
 * Kazakhstan calendar (app/domain/calendar/kz.json). Malformed input: exit 2; a date the calendar
 * does not cover: exit 1.
 */
import { isIsoDate } from "../../app/domain/kz-time";
import { addWorkingDays, CalendarRangeError, isWorkingDay, kzCalendar } from "../../app/domain/workdays";
import { applicationDates } from "../../app/domain/application-day";
import { findService } from "../../app/services/registry";
import { channelOf } from "../../app/services/definition";

const USAGE =
  "usage: komek workdays add <YYYY-MM-DD> <n>\n       komek workdays is <YYYY-MM-DD>\n" +
  "       komek workdays application-day <YYYY-MM-DDTHH:MM[:SS]±HH:MM|Z> [--channel portal|centre|akim|proactive] [--service <key>]\n";

/** An ISO-8601 instant that says its offset: a local time without one would be read in the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export async function run(args: string[]): Promise<number> {
  const [sub, date, n, ...extra] = args;
  const fail = (message: string, code = 2) => {
    process.stderr.write(`${message}\n${USAGE}`);
    return code;
  };
  if (sub === "application-day") return applicationDayCommand(args.slice(1), fail);
  if (sub !== "add" && sub !== "is") return fail(sub ? `Unknown subcommand: ${sub}` : "Missing subcommand");
  if (date === undefined) return fail("Missing date");
  if (!isIsoDate(date)) return fail(`Not a calendar date in the form YYYY-MM-DD: ${date}`);
  if (sub === "is" && (n !== undefined || extra.length)) return fail("Too many arguments");
  if (sub === "add") {
    if (n === undefined) return fail("Missing number of working days");
    if (!/^\d{1,4}$/.test(n)) return fail(`The number of working days must be a whole number from 0 to 9999: ${n}`);
    if (extra.length) return fail("Too many arguments");
  }
  return printLine(() => (sub === "add" ? addWorkingDays(date, Number(n), kzCalendar) : isWorkingDay(date, kzCalendar) ? "working" : "non-working"));
}

function applicationDayCommand(args: string[], fail: (message: string, code?: number) => number): number {
  const options: Record<"channel" | "service", string> = { channel: "portal", service: "asp" };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const name = (["channel", "service"] as const).find((o) => a === `--${o}` || a.startsWith(`--${o}=`));
    if (!name) {
      if (a.startsWith("--")) return fail(`Unknown option: ${a}`);
      rest.push(a);
      continue;
    }
    const value = a === `--${name}` ? args[++i] : a.slice(`--${name}=`.length);
    if (!value) return fail(`--${name} needs a value`);
    options[name] = value;
  }
  const service = findService(options.service);
  if (!service) return fail(`--service: unknown service "${options.service}"`);
  const channels = service.channels.map((c) => c.channel);
  if (!channels.includes(options.channel as (typeof channels)[number])) return fail(`--channel must be one of ${channels.join(", ")}, got ${options.channel}`);
  const [instant, ...extra] = rest;
  if (instant === undefined) return fail("Missing instant");
  if (extra.length) return fail("Too many arguments");
  const at = new Date(instant);
  if (!INSTANT.test(instant) || !isIsoDate(instant.slice(0, 10)) || Number.isNaN(at.getTime())) return fail(`Not an ISO-8601 instant with an offset (e.g. 2025-03-31T23:00:00+05:00): ${instant}`);
  // The deadline is the service's, for that channel (app/services/definition.ts); workdays is the calendar.
  return printLine(() => JSON.stringify(applicationDates(at, channelOf(service, options.channel), kzCalendar)));
}

/** Prints one line; a date outside the reviewed calendar's years exits 1 with its message. */
function printLine(line: () => string): number {
  try {
    process.stdout.write(`${line()}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CalendarRangeError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
