import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  isIsoDate,
  KZ_SINGLE_ZONE_SINCE,
  kzDate,
  kzOffsetMinutes,
  kzStartOfDay,
} from "./kz-time";

describe("kzDate gives the calendar day in Astana", () => {
  it.each([
    ["Sunday 2023-12-31 18:30 UTC is already New Year's Day at UTC+6", "2023-12-31T18:30:00Z", "2024-01-01"],
    ["Thursday 2024-02-29 17:59 UTC is 23:59 at UTC+6, still 29 February", "2024-02-29T17:59:00Z", "2024-02-29"],
    ["Thursday 2024-02-29 18:00 UTC is the switch: clocks show 23:00 at UTC+5", "2024-02-29T18:00:00Z", "2024-02-29"],
    ["Thursday 2024-02-29 18:59 UTC is 23:59 at UTC+5, still 29 February", "2024-02-29T18:59:59Z", "2024-02-29"],
    ["Thursday 2024-02-29 19:00 UTC is midnight of Friday 1 March at UTC+5", "2024-02-29T19:00:00Z", "2024-03-01"],
    ["Wednesday 2025-12-31 18:59 UTC is 23:59, still New Year's Eve", "2025-12-31T18:59:00Z", "2025-12-31"],
    ["Wednesday 2025-12-31 19:00 UTC is New Year's Day 2026", "2025-12-31T19:00:00Z", "2026-01-01"],
  ])("%s", (_name, instant, expected) => {
    expect(kzDate(new Date(instant))).toBe(expected);
  });

  it("keeps UTC+6 before the switch and UTC+5 from it", () => {
    expect(kzOffsetMinutes(new Date(KZ_SINGLE_ZONE_SINCE.getTime() - 1))).toBe(360);
    expect(kzOffsetMinutes(KZ_SINGLE_ZONE_SINCE)).toBe(300);
  });

  it("agrees with the Asia/Almaty zone of Node's tz data every 7 hours from 2023 to 2027", () => {
    const almaty = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" });
    const end = Date.UTC(2027, 0, 1);
    let checked = 0;
    for (let t = Date.UTC(2023, 0, 1); t < end; t += 7 * 3_600_000) {
      const instant = new Date(t);
      expect(kzDate(instant), instant.toISOString()).toBe(almaty.format(instant));
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("rejects an invalid Date", () => {
    expect(() => kzDate(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("kzStartOfDay gives the instant the day begins in Astana", () => {
  it.each([
    ["Thursday 2024-02-29 begins at 18:00 UTC the day before (UTC+6)", "2024-02-29", "2024-02-28T18:00:00.000Z"],
    ["Friday 2024-03-01 begins at 19:00 UTC the day before (UTC+5)", "2024-03-01", "2024-02-29T19:00:00.000Z"],
    ["Monday 2026-03-23 begins at 19:00 UTC the day before", "2026-03-23", "2026-03-22T19:00:00.000Z"],
  ])("%s", (_name, date, expected) => {
    expect(kzStartOfDay(date).toISOString()).toBe(expected);
  });

  it("is the first instant of that day, for every day from 2023 to 2026", () => {
    for (let d = "2023-01-01"; d < "2027-01-01"; d = addCalendarDays(d, 1)) {
      const start = kzStartOfDay(d);
      expect(kzDate(start)).toBe(d);
      expect(kzDate(new Date(start.getTime() - 1))).toBe(addCalendarDays(d, -1));
    }
  });
});

describe("addCalendarDays", () => {
  it.each([
    ["Wednesday 2024-02-28 + 1 is the leap day Thursday 2024-02-29", "2024-02-28", 1, "2024-02-29"],
    ["Saturday 2025-02-28 + 1 is Saturday 2025-03-01", "2025-02-28", 1, "2025-03-01"],
    ["Wednesday 2025-12-31 + 1 is Thursday 2026-01-01", "2025-12-31", 1, "2026-01-01"],
    ["Thursday 2026-01-01 − 1 is Wednesday 2025-12-31", "2026-01-01", -1, "2025-12-31"],
    ["Sunday 2026-03-01 + 30 is Tuesday 2026-03-31", "2026-03-01", 30, "2026-03-31"],
    ["Monday 2026-03-02 + 0 is itself", "2026-03-02", 0, "2026-03-02"],
  ])("%s", (_name, date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
    expect(calendarDaysBetween(date, expected)).toBe(n);
  });

  it("rejects a fractional number of days and a malformed date", () => {
    expect(() => addCalendarDays("2026-03-02", 0.5)).toThrow(RangeError);
    expect(() => addCalendarDays("2026-3-2", 1)).toThrow(RangeError);
  });
});

describe("isIsoDate and dayOfWeek", () => {
  it.each([
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-1-10", false],
    ["2026-01-10T00:00", false],
    [" 2026-01-10", false],
    ["", false],
  ])("%j is a date: %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ["2024-03-01", 5, "Friday"],
    ["2025-01-05", 0, "Sunday"],
    ["2026-03-21", 6, "Saturday"],
    ["2027-03-15", 1, "Monday"],
  ])("%s is day %i of the week, a %s", (date, dow) => {
    expect(dayOfWeek(date)).toBe(dow);
  });
});
