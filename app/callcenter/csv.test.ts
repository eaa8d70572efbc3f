import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain text stays as it is", "CC-123", "CC-123"],
    ["a comma makes the cell quoted", "a,b", '"a,b"'],
    ["quotes are doubled inside a quoted cell", 'say "1"', '"say ""1"""'],
    ["a line break makes the cell quoted", "one\ntwo", '"one\ntwo"'],
    ["a formula starting with = is neutralised", "=HYPERLINK(\"http://x\")", '"\'=HYPERLINK(""http://x"")"'],
    ["a cell starting with + is neutralised", "+77015550101", "'+77015550101"],
    ["a cell starting with - is neutralised", "-2+3", "'-2+3"],
    ["a cell starting with @ is neutralised", "@SUM(A1)", "'@SUM(A1)"],
    ["a cell starting with a tab is neutralised", "\t=1", "'\t=1"],
    ["Cyrillic is kept", "А. С. Н.", "А. С. Н."],
  ])("%s", (_case, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ["a negative number is a number, not a formula", -5, "-5"],
    ["null is an empty cell", null, ""],
    ["undefined is an empty cell", undefined, ""],
    ["a date is written as an ISO instant", new Date("2026-11-23T05:00:00Z"), "2026-11-23T05:00:00.000Z"],
    ["an object is written as quoted JSON", { a: 1, b: "x" }, '"{""a"":1,""b"":""x""}"'],
  ])("%s", (_case, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("writes a BOM, a header and rows separated by CRLF", () => {
    expect(toCsv(["id", "call"], [[1, "=cmd"], [2, "ok"]])).toBe("\uFEFFid,call\r\n1,'=cmd\r\n2,ok\r\n");
  });
});
