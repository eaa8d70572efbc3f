import { describe, expect, it } from "vitest";
import { throttleVerdict } from "./throttle";

const now = new Date("2026-11-23T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const policy = { maxFailures: 5, windowMinutes: 15 };

describe("login throttling", () => {
  it.each([
    ["no failures", [], false],
    ["four failures in the window", [1, 2, 3, 4], false],
    ["five failures in the window", [1, 2, 3, 4, 5], true],
    ["five failures, one outside the window", [1, 2, 3, 4, 16], false],
    ["six failures, oldest outside the window", [1, 2, 3, 4, 5, 30], true],
  ])("%s → locked is %s", (_name, ago, locked) => {
    expect(throttleVerdict((ago as number[]).map(minutesAgo), now, policy).locked).toBe(locked);
  });

  it("says how long until the oldest counted failure leaves the window", () => {
    expect(throttleVerdict([1, 2, 3, 4, 10].map(minutesAgo), now, policy)).toEqual({ locked: true, retryAfterMinutes: 5 });
  });
});
