import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { dayOfWeek } from "./kz-time";
import {
  addWorkingDays,
  CalendarRangeError,
  addDeadline,
  holidayOn,
  isWorkingDay,
  kzCalendar,
  makeCalendar,
  nextWorkingDay,
  substituteDaysOffByRule,
  workingDaysBetween,
} from "./workdays";

const cal = kzCalendar;

describe("isWorkingDay on the Kazakhstan calendar", () => {
  it.each([
    ["Monday 2025-01-06", "2025-01-06", true],
    ["Saturday 2025-01-11", "2025-01-11", false],
    ["Sunday 2025-01-12", "2025-01-12", false],
    ["Wednesday 2025-01-01, New Year", "2025-01-01", false],
    ["Thursday 2025-01-02, New Year", "2025-01-02", false],
    ["Friday 2025-01-03, day off moved from Sunday 5 January", "2025-01-03", false],
    ["Sunday 2025-01-05, worked in exchange for Friday 3 January", "2025-01-05", true],
    ["Tuesday 2025-01-07, Orthodox Christmas", "2025-01-07", false],
    ["Monday 2024-01-08, the day after Christmas on a Sunday (religious days are not moved)", "2024-01-08", true],
    ["Saturday 2024-05-04, worked in exchange for Wednesday 8 May", "2024-05-04", true],
    ["Wednesday 2024-05-08, day off moved from Saturday 4 May", "2024-05-08", false],
    ["Monday 2024-03-25, substitute for Nauryz on Saturday 23 March", "2024-03-25", false],
    ["Monday 2024-07-08, substitute for Capital Day on Saturday 6 July", "2024-07-08", false],
    ["Monday 2024-06-17, the day after Kurban Ait on a Sunday", "2024-06-17", true],
    ["Friday 2025-06-06, Kurban Ait", "2025-06-06", false],
    ["Wednesday 2026-05-27, Kurban Ait", "2026-05-27", false],
    ["Monday 2025-09-01, substitute for Constitution Day on Saturday 30 August", "2025-09-01", false],
    ["Monday 2026-08-31, no longer a day off: 30 August stopped being Constitution Day in 2026", "2026-08-31", true],
    ["Monday 2026-03-16, not a day off: the new Constitution Day is kept from 2027", "2026-03-16", true],
    ["Monday 2027-03-15, Constitution Day", "2027-03-15", false],
    ["Monday 2026-03-23, Nauryz", "2026-03-23", false],
    ["Tuesday 2026-03-24, substitute for Nauryz on Saturday 21 March", "2026-03-24", false],
    ["Wednesday 2026-03-25, substitute for Nauryz on Sunday 22 March", "2026-03-25", false],
    ["Monday 2026-10-26, substitute for Republic Day on Sunday 25 October", "2026-10-26", false],
    ["Tuesday 2024-12-17, no longer part of Independence Day", "2024-12-17", true],
    ["Wednesday 2026-12-16, Independence Day", "2026-12-16", false],
    ["Friday 2027-12-31, New Year's Eve is worked", "2027-12-31", true],
  ])("%s (%s) is a working day: %s", (_name, date, working) => {
    expect(isWorkingDay(date, cal)).toBe(working);
  });
});

describe("addWorkingDays counts n working days after the date", () => {
  it.each([
    // New Year
    ["Tuesday 2024-12-31 + 1 is the worked Sunday 2025-01-05", "2024-12-31", 1, "2025-01-05"],
    ["Tuesday 2024-12-31 + 2 is Monday 2025-01-06", "2024-12-31", 2, "2025-01-06"],
    ["Tuesday 2024-12-31 + 3 skips Christmas to Wednesday 2025-01-08", "2024-12-31", 3, "2025-01-08"],
    ["Wednesday 2025-12-31 + 1 is Monday 2026-01-05", "2025-12-31", 1, "2026-01-05"],
    ["Thursday 2026-12-31 + 1 skips the substitute Monday to Tuesday 2027-01-05", "2026-12-31", 1, "2027-01-05"],
    ["Friday 2024-01-05 + 1 is Monday 2024-01-08 (Christmas on Sunday gives no substitute)", "2024-01-05", 1, "2024-01-08"],
    // Nauryz
    ["Wednesday 2024-03-20 + 1 is Tuesday 2024-03-26", "2024-03-20", 1, "2024-03-26"],
    ["Thursday 2025-03-20 + 1 is Wednesday 2025-03-26", "2025-03-20", 1, "2025-03-26"],
    ["Friday 2026-03-20 + 1 is Thursday 2026-03-26", "2026-03-20", 1, "2026-03-26"],
    ["Friday 2027-03-19 + 1 is Thursday 2027-03-25 (Nauryz from Sunday, substitute Wednesday)", "2027-03-19", 1, "2027-03-25"],
    // May holidays and the 2024 transfer
    ["Friday 2024-05-03 + 1 is the worked Saturday 2024-05-04", "2024-05-03", 1, "2024-05-04"],
    ["Friday 2024-05-03 + 2 is Monday 2024-05-06", "2024-05-03", 2, "2024-05-06"],
    ["Monday 2024-05-06 + 1 is Friday 2024-05-10 (7, 8 and 9 May off)", "2024-05-06", 1, "2024-05-10"],
    ["Thursday 2026-04-30 + 1 is Monday 2026-05-04", "2026-04-30", 1, "2026-05-04"],
    ["Wednesday 2026-05-06 + 1 is Friday 2026-05-08", "2026-05-06", 1, "2026-05-08"],
    ["Friday 2026-05-08 + 1 is Tuesday 2026-05-12 (Victory Day on Saturday)", "2026-05-08", 1, "2026-05-12"],
    // holidays on a weekend
    ["Friday 2024-07-05 + 1 is Tuesday 2024-07-09 (Capital Day on Saturday)", "2024-07-05", 1, "2024-07-09"],
    ["Friday 2025-10-24 + 1 is Tuesday 2025-10-28 (Republic Day on Saturday)", "2025-10-24", 1, "2025-10-28"],
    ["Friday 2025-08-29 + 1 is Tuesday 2025-09-02 (Constitution Day on Saturday)", "2025-08-29", 1, "2025-09-02"],
    ["Friday 2026-08-28 + 1 is Monday 2026-08-31 (30 August no longer a holiday)", "2026-08-28", 1, "2026-08-31"],
    // Kurban Ait
    ["Friday 2024-06-14 + 1 is Monday 2024-06-17 (Kurban Ait on Sunday, not moved)", "2024-06-14", 1, "2024-06-17"],
    ["Thursday 2025-06-05 + 1 is Monday 2025-06-09", "2025-06-05", 1, "2025-06-09"],
    ["Tuesday 2026-05-26 + 1 is Thursday 2026-05-28", "2026-05-26", 1, "2026-05-28"],
    // end of year
    ["Friday 2024-12-13 + 1 is Tuesday 2024-12-17", "2024-12-13", 1, "2024-12-17"],
    ["Monday 2025-12-15 + 1 is Wednesday 2025-12-17", "2025-12-15", 1, "2025-12-17"],
    ["Thursday 2027-12-30 + 1 is Friday 2027-12-31", "2027-12-30", 1, "2027-12-31"],
    // starting on a non-working day
    ["Saturday 2025-03-22 + 1 is Wednesday 2025-03-26", "2025-03-22", 1, "2025-03-26"],
    ["Sunday 2026-01-04 + 10 is Monday 2026-01-19", "2026-01-04", 10, "2026-01-19"],
  ])("%s", (_name, date, n, expected) => {
    expect(addWorkingDays(date, n, cal)).toBe(expected);
    expect(isWorkingDay(expected, cal)).toBe(true);
  });

  it.each([
    ["Wednesday 2025-01-01, a holiday", "2025-01-01"],
    ["Tuesday 2025-03-18, a working day", "2025-03-18"],
  ])("adding 0 working days to %s returns the date itself", (_name, date) => {
    expect(addWorkingDays(date, 0, cal)).toBe(date);
  });

  it.each([[-1], [1.5], [Number.NaN]])("rejects n = %s", (n) => {
    expect(() => addWorkingDays("2025-03-18", n, cal)).toThrow(RangeError);
  });

  it("refuses to step past the years the calendar covers", () => {
    expect(() => addWorkingDays("2027-12-30", 2, cal)).toThrow(CalendarRangeError);
    expect(() => isWorkingDay("2023-12-29", cal)).toThrow(/covers 2024–2027, not 2023-12-29/);
  });

  it("rejects a malformed date", () => {
    expect(() => addWorkingDays("2025-02-29", 1, cal)).toThrow(RangeError);
    expect(() => isWorkingDay("25.03.2025", cal)).toThrow(RangeError);
  });
});

describe("nextWorkingDay", () => {
  it.each([
    ["Friday 2025-03-14 → Monday 2025-03-17", "2025-03-14", "2025-03-17"],
    ["Friday 2025-01-03 (a day off) → the worked Sunday 2025-01-05", "2025-01-03", "2025-01-05"],
    ["Monday 2025-03-17 → Tuesday 2025-03-18", "2025-03-17", "2025-03-18"],
  ])("%s", (_name, date, expected) => {
    expect(nextWorkingDay(date, cal)).toBe(expected);
  });
});

describe("workingDaysBetween counts working days after a, up to and including b", () => {
  it.each([
    ["Friday 2026-03-20 to Friday 2026-03-27 is 2 (Nauryz week)", "2026-03-20", "2026-03-27", 2],
    ["Friday 2026-03-27 back to Friday 2026-03-20 is -2", "2026-03-27", "2026-03-20", -2],
    ["Monday 2025-03-17 to itself is 0", "2025-03-17", "2025-03-17", 0],
    ["Friday 2024-05-03 to Friday 2024-05-10 is 3 (worked Saturday, Monday, Friday)", "2024-05-03", "2024-05-10", 3],
  ])("%s", (_name, a, b, expected) => {
    expect(workingDaysBetween(a, b, cal)).toBe(expected);
  });

  // Totals for the five-day week. 2024: the Ministry of Labour's balance of working time (248, with
  // Kurban Ait on Monday 17 June) plus that Monday, worked once Kurban Ait fell on Sunday 16 June;
  // the May transfer is neutral. 2025: the published 119 days of rest (365 − 119). 2026: 261
  // weekdays less 14 weekday days off, with 31 August worked after the Constitution change.
  it.each([
    [2024, 249],
    [2025, 246],
    [2026, 247],
  ])("the year %i has %i working days", (year, expected) => {
    expect(workingDaysBetween(`${year}-01-01`, `${year}-12-31`, cal)).toBe(expected);
    expect(isWorkingDay(`${year}-01-01`, cal)).toBe(false);
  });

  it("is the inverse of addWorkingDays", () => {
    for (let n = 0; n <= 60; n++) {
      expect(workingDaysBetween("2025-12-10", addWorkingDays("2025-12-10", n, cal), cal)).toBe(n);
    }
  });
});

describe("addDeadline counts a definition's deadline on the calendar (the days are the service's, app/services)", () => {
  const working = (days: number) => ({ days, dayKind: "working" as const });
  it.each([
    ["15 working days from Monday 2026-03-02 → Friday 2026-03-27 (over 8 March and Nauryz)", "2026-03-02", working(15), "2026-03-27"],
    ["18 working days from Monday 2026-03-02 → Wednesday 2026-04-01", "2026-03-02", working(18), "2026-04-01"],
    ["15 working days from Friday 2026-04-24 → Wednesday 2026-05-20 (May holidays)", "2026-04-24", working(15), "2026-05-20"],
    ["15 working days from Monday 2026-11-16 → Monday 2026-12-07", "2026-11-16", working(15), "2026-12-07"],
    ["10 calendar days from Friday 2026-04-24 → Monday 2026-05-04, holidays or not", "2026-04-24", { days: 10, dayKind: "calendar" as const }, "2026-05-04"],
  ])("%s", (_name, date, deadline, expected) => {
    expect(addDeadline(date, deadline, cal)).toBe(expected);
  });
});

describe("the reviewed calendar data", () => {
  it("lists exactly the substitute days off the Law 'On holidays' art. 5 gives", () => {
    expect(substituteDaysOffByRule(cal.holidays)).toEqual(cal.substituteDaysOff);
  });

  it("does not move religious days off a weekend", () => {
    const religious = cal.holidays.filter((h) => h.kind === "religious");
    expect(religious.map((h) => h.date)).toContain("2024-01-07"); // a Sunday
    expect(substituteDaysOffByRule(religious)).toEqual([]);
  });

  it("has transfers that make a weekend day worked and a plain weekday off", () => {
    for (const t of cal.transfers) {
      expect([0, 6]).toContain(dayOfWeek(t.workingDay));
      expect([0, 6]).not.toContain(dayOfWeek(t.dayOff));
      expect(holidayOn(t.dayOff, cal)).toBeUndefined();
    }
  });

  it("names every holiday in Russian and Kazakh", () => {
    for (const h of cal.holidays) {
      expect(h.ru).toMatch(/[А-Яа-яЁё]/);
      expect(h.kk).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
    }
    expect(holidayOn("2026-03-22", cal)).toMatchObject({ ru: "Наурыз мейрамы", kk: "Наурыз мейрамы" });
    expect(holidayOn("2026-05-27", cal)).toMatchObject({ kind: "religious", kk: "Құрбан айттың бірінші күні" });
  });

  it("agrees with date-holidays@3.37.0 on weekday days off except the reviewed corrections", () => {
    const hd = new Holidays("KZ");
    const theirs = new Set<string>();
    for (const year of cal.years) {
      for (const h of hd.getHolidays(year)) {
        const date = h.date.slice(0, 10);
        if (h.type === "public" && ![0, 6].includes(dayOfWeek(date))) theirs.add(date);
      }
    }
    const ours = new Set(
      [...cal.holidays.map((h) => h.date), ...cal.substituteDaysOff.map((s) => s.date)].filter(
        (d) => ![0, 6].includes(dayOfWeek(d)),
      ),
    );
    // date-holidays keeps 15-16 March 2026 for the new Constitution Day (kept only from 2027) and
    // puts the Nauryz substitute on 23 March, itself a holiday, in 2026 and 2027.
    expect([...theirs].filter((d) => !ours.has(d)).sort()).toEqual(["2026-03-16"]);
    expect([...ours].filter((d) => !theirs.has(d)).sort()).toEqual(["2026-03-25", "2027-03-24"]);
  });
});

describe("makeCalendar", () => {
  it("takes a calendar as data, so a test can use its own holidays", () => {
    const tiny = makeCalendar({
      years: [2030],
      holidays: [{ date: "2030-06-05", kind: "holiday", ru: "Тест", kk: "Сынақ" }],
      substituteDaysOff: [],
      transfers: [{ workingDay: "2030-06-08", dayOff: "2030-06-07", basis: "test" }],
    });
    // Tuesday 4 June → Wednesday 5 (holiday), Thursday 6, Friday 7 (day off), Saturday 8 (worked)
    expect(addWorkingDays("2030-06-04", 1, tiny)).toBe("2030-06-06");
    expect(addWorkingDays("2030-06-04", 2, tiny)).toBe("2030-06-08");
    expect(addWorkingDays("2030-06-04", 3, tiny)).toBe("2030-06-10");
  });

  it.each([
    ["a malformed date", { date: "2030-02-30", kind: "holiday" }, /not a YYYY-MM-DD date/],
    ["a date outside its years", { date: "2031-01-01", kind: "holiday" }, /outside 2030/],
    ["an unknown kind", { date: "2030-01-01", kind: "festival" }, /unknown kind/],
  ])("refuses %s", (_name, holiday, message) => {
    const data = { years: [2030], holidays: [{ ru: "x", kk: "x", ...holiday }], substituteDaysOff: [], transfers: [] };
    expect(() => makeCalendar(data as Parameters<typeof makeCalendar>[0])).toThrow(message);
  });
});
