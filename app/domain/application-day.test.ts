import { describe, expect, it } from "vitest";
import { applicationDates, applicationDay, parseWorkingHours } from "./application-day";
import { addWorkingDays, kzCalendar } from "./workdays";
import { channelOf } from "../services/definition";
import { aspDefinition } from "../services/asp/definition";

const at = (iso: string) => new Date(iso);

describe("applicationDay: after working time, on days off and holidays the next working day (Annex 12 item 7.3)", () => {
  it.each([
    ["Monday 31 March 2025 23:00 → Tuesday 1 April (the next quarter)", "2025-03-31T23:00:00+05:00", "2025-04-01"],
    ["Monday 31 March 2025 18:29 → that day", "2025-03-31T18:29:00+05:00", "2025-03-31"],
    ["Monday 31 March 2025 18:30 → Tuesday (working time has ended)", "2025-03-31T18:30:00+05:00", "2025-04-01"],
    ["Monday 31 March 2025 03:00 → that day (before opening, the same working day)", "2025-03-31T03:00:00+05:00", "2025-03-31"],
    ["the same instant written in UTC", "2025-03-31T18:00:00Z", "2025-04-01"],
    ["Saturday 5 April 2025 → Monday 7 April", "2025-04-05T11:00:00+05:00", "2025-04-07"],
    ["Sunday 6 April 2025 23:59 → Monday 7 April", "2025-04-06T23:59:00+05:00", "2025-04-07"],
    ["Thursday 20 March 2025 19:00 → Wednesday 26 March, after Nauryz and its substitute days", "2025-03-20T19:00:00+05:00", "2025-03-26"],
    ["Friday 21 March 2025 (Nauryz) noon → Wednesday 26 March", "2025-03-21T12:00:00+05:00", "2025-03-26"],
    ["Wednesday 31 December 2025 20:00 → the first working day of 2026", "2025-12-31T20:00:00+05:00", "2026-01-05"],
  ])("%s", (_name, instant, expected) => {
    expect(applicationDay(at(instant), kzCalendar)).toBe(expected);
  });

  it("takes the working hours as data", () => {
    const early = parseWorkingHours({ start: "08:30", end: "18:00" });
    expect(applicationDay(at("2025-03-31T18:15:00+05:00"), kzCalendar, early)).toBe("2025-04-01");
    expect(applicationDay(at("2025-03-31T18:15:00+05:00"), kzCalendar)).toBe("2025-03-31");
  });

  it("refuses malformed working hours", () => {
    expect(() => parseWorkingHours({ start: "9:00", end: "18:30" })).toThrow(/HH:MM/);
    expect(() => parseWorkingHours({ start: "18:30", end: "09:00" })).toThrow(/not before/);
  });
});

describe("applicationDates: the due date counts from the application day by the service definition's channel deadline", () => {
  it.each([
    ["portal", 15],
    ["centre", 15],
    ["proactive", 15],
    ["akim", 18],
  ] as const)("ASP %s: %i working days", (channel, days) => {
    const { applicationDay: day, dueDate } = applicationDates(at("2025-03-31T23:00:00+05:00"), channelOf(aspDefinition, channel), kzCalendar);
    expect(day).toBe("2025-04-01");
    expect(dueDate).toBe(addWorkingDays("2025-04-01", days, kzCalendar));
  });

  it.each([
    ["portal, registered Monday 2026-03-02 → Friday 2026-03-27 (15 working days over 8 March and Nauryz)", "2026-03-02T10:00:00+05:00", "portal", "2026-03-27"],
    ["akim, registered Monday 2026-03-02 → Wednesday 2026-04-01 (18 working days)", "2026-03-02T10:00:00+05:00", "akim", "2026-04-01"],
    ["proactive, consent on Friday 2026-04-24 → Wednesday 2026-05-20 (May holidays)", "2026-04-24T10:00:00+05:00", "proactive", "2026-05-20"],
  ] as const)("ASP %s", (_name, instant, channel, expected) => {
    expect(applicationDates(at(instant), channelOf(aspDefinition, channel), kzCalendar).dueDate).toBe(expected);
  });

  it("takes a deadline in calendar days as the definition states it", () => {
    // Saturday 5 April 2025 → accepted Monday 7 April; 30 calendar days later is Wednesday 7 May.
    expect(applicationDates(at("2025-04-05T10:00:00+05:00"), { deadline: { days: 30, dayKind: "calendar" } }, kzCalendar)).toEqual({ applicationDay: "2025-04-07", dueDate: "2025-05-07" });
  });
});
