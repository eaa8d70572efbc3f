import { afterEach, vi } from "vitest";

// A test fails on any console.error: an error nobody asserted on is a bug.
const original = console.error;
let errors: unknown[][] = [];
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};
afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length) throw new Error(`console.error was called: ${seen.map((a) => a.map(String).join(" ")).join("\n")}`);
});
vi.stubEnv("TZ", "UTC");
