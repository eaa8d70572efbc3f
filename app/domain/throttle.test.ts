import { describe, expect, it } from "vitest";
import { delayAfter, delaySchedule, retryMinutes } from "./throttle";

const policy = { free: 5, baseSeconds: 30, capSeconds: 300, resetMinutes: 15 };

describe("attempt limits: growing delays, no long lock", () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [8, 240],
    [9, 300],
    [40, 300],
  ])("after attempt %i the next one waits %i s", (n, seconds) => {
    expect(delayAfter(n, policy)).toBe(seconds);
  });

  it("never waits longer than the cap, however many attempts", () => {
    expect(Math.max(...Array.from({ length: 1000 }, (_, i) => delayAfter(i + 1, policy)))).toBe(300);
  });

  it("lists the schedule up to the first capped delay", () => {
    expect(delaySchedule(policy)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 300]);
    expect(delaySchedule({ free: 10, baseSeconds: 3600, capSeconds: 3600, resetMinutes: 60 })).toHaveLength(10);
  });

  it("tells the wait in whole minutes, at least one", () => {
    expect([1, 60, 61, 300].map(retryMinutes)).toEqual([1, 1, 2, 5]);
  });
});
