import { describe, expect, it } from "vitest";
import { rulesToday } from "./rules-day.server";

const NOW = new Date("2026-12-03T06:00:00Z");

describe("the rules day: KOMEK_TODAY only in tests and demonstrations", () => {
  it.each([
    [{ NODE_ENV: "test", KOMEK_TODAY: "2025-10-01" }, "2025-10-01", "tests"],
    [{ NODE_ENV: "production", KOMEK_DEMO: "1", KOMEK_TODAY: "2025-10-01" }, "2025-10-01", "a demo deployment"],
    [{ NODE_ENV: "development", KOMEK_TODAY: "2025-10-01" }, "2025-10-01", "a development start (demo by default)"],
    [{ NODE_ENV: "production", KOMEK_TODAY: "2025-10-01" }, "2026-12-03", "production ignores it"],
    [{ NODE_ENV: "development", KOMEK_DEMO: "0", KOMEK_TODAY: "2025-10-01" }, "2026-12-03", "demo switched off"],
    [{ NODE_ENV: "test" }, "2026-12-03", "not set: today in Kazakhstan"],
  ])("%o → %s (%s)", (env, day, _why: string) => {
    expect(rulesToday(NOW, env)).toBe(day);
  });

  it("a malformed KOMEK_TODAY stops the start rather than guessing", () => {
    expect(() => rulesToday(NOW, { NODE_ENV: "test", KOMEK_TODAY: "01.10.2025" })).toThrow(/YYYY-MM-DD/);
  });
});
