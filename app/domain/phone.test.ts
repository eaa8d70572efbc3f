import { describe, expect, it } from "vitest";
import { normalizeKzMobile } from "./phone";

describe("Kazakhstan mobile numbers", () => {
  it.each([
    ["+77015550101", "+77015550101"],
    ["+7 701 555 01 01", "+77015550101"],
    ["8 (701) 555-01-01", "+77015550101"],
    ["87475550101", "+77475550101"],
    ["7055550101", "+77055550101"],
    ["77785550101", "+77785550101"],
  ])("%s is read as %s", (input, expected) => {
    expect(normalizeKzMobile(input)).toBe(expected);
  });

  it.each([
    ["a landline in Astana", "+77172555010"],
    ["a Russian mobile", "+79161234567"],
    ["too short", "+7701555010"],
    ["too long", "+770155501011"],
    ["letters", "+7701555O101"],
    ["empty", ""],
  ])("%s is refused", (_name, input) => {
    expect(normalizeKzMobile(input)).toBeNull();
  });
});
