import { describe, expect, it } from "vitest";
import { formatKzDateTime, formatKzTime, formatQuarter, lastDayOfMonth } from "./dates";

describe("dates as people read them", () => {
  it.each([
    ["2026-09-01", "2026-09-30"],
    ["2026-12-01", "2026-12-31"],
    ["2026-03-01", "2026-03-31"],
    ["2024-02-01", "2024-02-29"],
    ["2026-06-01", "2026-06-30"],
  ])("the month opened by %s ends on %s", (start, end) => {
    expect(lastDayOfMonth(start)).toBe(end);
  });

  it("a quarter ends on its last day, not on the first of its last month", () => {
    expect(formatQuarter({ from: "2026-07-01", to: "2026-09-01" })).toEqual({ from: "01.07.2026", to: "30.09.2026" });
  });

  it("times are Astana time (UTC+5), never UTC", () => {
    expect(formatKzDateTime("2026-05-12T07:47:00Z")).toBe("12.05.2026 12:47");
    expect(formatKzTime("2026-05-12T07:47:00Z")).toBe("12:47");
    expect(formatKzDateTime("2026-05-12T20:10:00Z")).toBe("13.05.2026 01:10");
  });
});
