import { describe, expect, it } from "vitest";
import { dayOfWeek } from "../domain/kz-time";
import { kzCalendar as cal } from "../domain/workdays";
import {
  addMonths, demandDate, demandRule, demandSendBy, lastWorkingDayOfMonth, ordersDueBy, paymentMonths, returnIsLate, returnRecordBy, returnToDistrictBy,
  terminationStart, transferWindow, undueTiyn,
} from "./calendar";

const NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Friday 2026-11-27" → "2026-11-27", after checking the table's weekday name is right. */
function d(named: string): string {
  const [name, date] = named.split(" ");
  expect(NAMES[dayOfWeek(date)], `weekday of ${date} in the table`).toBe(name);
  return date;
}

describe("clause 19: the demand date", () => {
  it.each([
    ["monthly, December 2026: Sunday 29 November → Friday", "2026-12", "Friday 2026-11-27"],
    ["monthly, January 2027: the 29th is a working Tuesday", "2027-01", "Tuesday 2026-12-29"],
    ["monthly, March 2026: February has no 29th, Saturday the 28th → Friday", "2026-03", "Friday 2026-02-27"],
    ["monthly, April 2026: Sunday 29 March → Friday", "2026-04", "Friday 2026-03-27"],
    ["monthly, November 2026: Thursday 29 October", "2026-11", "Thursday 2026-10-29"],
    ["monthly, March 2027: Sunday 28 February → Friday", "2027-03", "Friday 2027-02-26"],
    ["monthly, June 2026: Friday 29 May", "2026-06", "Friday 2026-05-29"],
  ])("%s", (_what, month, expected) => {
    expect(demandDate({ periodicity: "monthly", month }, cal)).toBe(d(expected));
    expect(demandDate({ periodicity: "quarterly", month }, cal)).toBe(d(expected));
  });

  it.each([
    ["one-off decided on Nauryz (Saturday) waits for the substitute days off to pass", "Saturday 2026-03-21", "Thursday 2026-03-26"],
    ["one-off decided on a working Friday is demanded that day", "Friday 2026-03-20", "Friday 2026-03-20"],
    ["one-off decided on Independence Day", "Wednesday 2026-12-16", "Thursday 2026-12-17"],
  ])("%s", (_what, decided, expected) => {
    expect(demandDate({ periodicity: "one_off", on: d(decided) }, cal)).toBe(d(expected));
  });
});

describe("clause 20: sent by the next working day", () => {
  it.each([
    ["Friday before Nauryz → after the two substitute days", "Friday 2026-03-20", "Thursday 2026-03-26"],
    ["Tuesday before Independence Day", "Tuesday 2026-12-15", "Thursday 2026-12-17"],
    ["Friday 27 November → Monday", "Friday 2026-11-27", "Monday 2026-11-30"],
  ])("%s", (_what, formed, expected) => {
    expect(demandSendBy(d(formed), cal)).toBe(d(expected));
  });
});

describe("clause 20: the transfer within 2 working days, the 27th not before the 1st", () => {
  it.each([
    ["received on the 27th for December: held to Tuesday 1 December", "Friday 2026-11-27", "2026-12", "Tuesday 2026-12-01", "Wednesday 2026-12-02", true],
    ["received on the 27th for March 2026: the 1st is a Sunday", "Friday 2026-02-27", "2026-03", "Monday 2026-03-02", "Tuesday 2026-03-03", true],
    ["received on the 27th for April 2026", "Friday 2026-03-27", "2026-04", "Wednesday 2026-04-01", "Thursday 2026-04-02", true],
    ["received on 30 December: New Year and its substitute Monday", "Wednesday 2026-12-30", "2027-01", "Wednesday 2026-12-30", "Tuesday 2027-01-05", false],
    ["one-off received on Friday before Nauryz", "Friday 2026-03-20", "2026-03", "Friday 2026-03-20", "Friday 2026-03-27", false],
    ["a one-off of the 27th for its own month is not held", "Friday 2026-11-27", "2026-11", "Friday 2026-11-27", "Tuesday 2026-12-01", false],
  ])("%s", (_what, received, month, earliest, dueBy, held) => {
    expect(transferWindow(d(received), month, cal)).toEqual({ earliest: d(earliest), dueBy: d(dueBy), heldTo1st: held });
  });
});

describe("clause 21: payment orders within 2 working days of the transfer", () => {
  it.each([
    ["Wednesday → Friday", "Wednesday 2026-12-02", "Friday 2026-12-04"],
    ["over Independence Day", "Tuesday 2026-12-15", "Friday 2026-12-18"],
    ["over Orthodox Christmas", "Tuesday 2027-01-05", "Friday 2027-01-08"],
    ["over Victory Day on a Saturday and its substitute Monday", "Friday 2026-05-08", "Wednesday 2026-05-13"],
  ])("%s", (_what, transferred, expected) => {
    expect(ordersDueBy(d(transferred), cal)).toBe(d(expected));
  });
});

describe("clauses 22–23: returns", () => {
  it("a return is recorded within 3 working days (over Defender Day and the Victory Day substitute)", () => {
    expect(returnRecordBy(d("Wednesday 2026-05-06"), cal)).toBe(d("Wednesday 2026-05-13"));
  });

  it.each([
    ["May 2026 ends on a Sunday", "Tuesday 2026-05-12", "Friday 2026-05-29"],
    ["October 2026 ends on a Saturday", "Monday 2026-10-05", "Friday 2026-10-30"],
    ["December 2026 ends on a working Thursday", "Thursday 2026-12-17", "Thursday 2026-12-31"],
    ["February 2026 ends on a Saturday", "Monday 2026-02-02", "Friday 2026-02-27"],
    ["January 2027 ends on a Sunday", "Friday 2027-01-08", "Friday 2027-01-29"],
  ])("returned sums go back by the month's last working day: %s", (_what, received, expected) => {
    expect(returnToDistrictBy(d(received), cal)).toBe(d(expected));
  });

  it("lastWorkingDayOfMonth of October 2027 (Sunday 31st)", () => {
    expect(lastWorkingDayOfMonth("2027-10", cal)).toBe(d("Friday 2027-10-29"));
  });
});

describe("clause 14: termination", () => {
  it.each([
    ["death mid-month stops from the next month", "death", "Friday 2027-01-15", "2027-02-01"],
    ["a move on New Year's Eve stops from January", "moved_out", "Thursday 2026-12-31", "2027-01-01"],
    ["placement in an institution", "institution", "Monday 2026-11-30", "2026-12-01"],
    ["false information stops from the date", "false_information", "Friday 2027-01-15", "2027-01-15"],
    ["lost grounds stop from the date", "lost_grounds", "Monday 2026-11-02", "2026-11-02"],
  ] as const)("%s", (_what, ground, event, expected) => {
    expect(terminationStart(ground, d(event))).toBe(expected);
  });

  it("rejects an unknown ground", () => {
    expect(() => terminationStart("bored" as never, "2027-01-15")).toThrow(/unknown termination ground/);
  });

  it.each([
    ["a whole month after the stop", "2027-02", 3_100_000, "2027-02-01", 3_100_000],
    ["a month before the stop", "2027-01", 3_100_000, "2027-02-01", 0],
    ["17 of January's 31 days from the 15th", "2027-01", 3_100_000, "2027-01-15", 1_700_000],
    ["rounded down to the tiyn", "2026-02", 1_000_001, "2026-02-15", 500_000],
  ])("undue part: %s", (_what, month, amount, stop, expected) => {
    expect(undueTiyn(month, amount, stop)).toBe(expected);
  });

  it("month arithmetic crosses years", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(addMonths("2026-03", 13)).toBe("2027-04");
  });
});

describe("clause 22 enforced: a return recorded late is flagged", () => {
  it.each([
    ["notice Thursday 3 December, recorded the same day", "Thursday 2026-12-03", "Thursday 2026-12-03", false],
    ["notice Thursday 3 December, recorded Tuesday 8th (3rd working day; 5–6 weekend)", "Thursday 2026-12-03", "Tuesday 2026-12-08", false],
    ["notice Thursday 3 December, recorded Wednesday 9th", "Thursday 2026-12-03", "Wednesday 2026-12-09", true],
    ["notice Monday 14 December, Independence Day 16th off: Friday 18th still in time", "Monday 2026-12-14", "Friday 2026-12-18", false],
    ["notice Monday 14 December, recorded Monday 21st", "Monday 2026-12-14", "Monday 2026-12-21", true],
    ["notice Saturday 2 January, recorded Wednesday 6th", "Saturday 2027-01-02", "Wednesday 2027-01-06", false],
  ])("%s", (_what, notice, recorded, late) => {
    expect(returnIsLate(d(notice), d(recorded), cal)).toBe(late);
  });
});

describe("payment months of a periodicity", () => {
  it.each([
    ["one-off: the first month only", "one_off", "2027-03", "2027-03", ["2027-03"]],
    ["one-off with a period: still once", "one_off", "2027-03", "2027-08", ["2027-03"]],
    ["monthly: every month", "monthly", "2026-11", "2027-02", ["2026-11", "2026-12", "2027-01", "2027-02"]],
    ["quarterly: every third month from the first", "quarterly", "2026-11", "2027-10", ["2026-11", "2027-02", "2027-05", "2027-08"]],
    ["half-yearly across a year", "half_yearly", "2026-12", "2027-12", ["2026-12", "2027-06", "2027-12"]],
    ["yearly", "yearly", "2027-01", "2029-06", ["2027-01", "2028-01", "2029-01"]],
    ["a period ending before it starts: nothing", "monthly", "2027-03", "2027-02", []],
  ] as const)("%s", (_what, periodicity, from, to, expected) => {
    expect(paymentMonths(periodicity, from, to)).toEqual(expected);
  });

  it.each([
    ["heating season: once a season from the first month", "heating_season", "2026-10", "2027-04", ["2026-10"]],
    ["heating season over two seasons", "heating_season", "2026-10", "2027-10", ["2026-10", "2027-10"]],
  ] as const)("%s", (_what, periodicity, from, to, expected) => {
    expect(paymentMonths(periodicity, from, to)).toEqual(expected);
  });
});

describe("clause 19: the rule each periodicity is demanded by", () => {
  it.each([
    ["one_off", "daily"],
    ["monthly", "by_29th"],
    ["quarterly", "by_29th"],
    ["half_yearly", "daily"],
    ["yearly", "daily"],
    ["heating_season", "daily"],
  ] as const)("%s → %s", (periodicity, rule) => {
    expect(demandRule(periodicity)).toBe(rule);
  });

  // The seed gives the 29th only to monthly and quarterly payments: a half-yearly, yearly or
  // heating-season payment is demanded daily, on the first working day of its payment month (or the
  // run's day when later) — not on the 29th of the month before.
  it.each([
    ["half-yearly, July 2027: Thursday 1 July, not Tuesday 29 June", "half_yearly", "2027-07", undefined, "Thursday 2027-07-01"],
    ["yearly, January 2027: New Year 1–2 January, Sunday 3, Monday 4 the day off moved from Saturday 2 → Tuesday 5, not Tuesday 29 December", "yearly", "2027-01", undefined, "Tuesday 2027-01-05"],
    ["heating season, October 2026: Thursday 1 October", "heating_season", "2026-10", undefined, "Thursday 2026-10-01"],
    ["half-yearly, December 2026, asked on Independence Day: the next working day", "half_yearly", "2026-12", "Wednesday 2026-12-16", "Thursday 2026-12-17"],
    ["yearly, March 2026, asked on a Sunday in the month: Monday", "yearly", "2026-03", "Sunday 2026-03-01", "Monday 2026-03-02"],
    ["half-yearly, a decision of Friday 27 November for December: not before the 1st (Tuesday)", "half_yearly", "2026-12", "Friday 2026-11-27", "Tuesday 2026-12-01"],
    ["monthly, December 2026, whatever the day asked: Friday 27 November", "monthly", "2026-12", "Wednesday 2026-12-16", "Friday 2026-11-27"],
  ] as const)("%s", (_what, periodicity, month, on, expected) => {
    expect(demandDate({ periodicity, month, ...(on ? { on: d(on) } : {}) }, cal)).toBe(d(expected));
  });
});
