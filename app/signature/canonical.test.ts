import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("gives the same bytes for the same data built in a different order", () => {
    const one = { iin: "900512440017", members: [{ name: "Айгерім", share: 0.5 }], consent: true };
    const two = { consent: true, members: [{ share: 0.5, name: "Айгерім" }], iin: "900512440017" };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it("keeps array order, Kazakh letters and escapes as JSON does", () => {
    expect(canonicalJson(["ә", "ғ", 'қ"\n', null, false])).toBe('["ә","ғ","қ\\"\\n",null,false]');
  });

  it("sorts keys by UTF-16 code units, as RFC 8785 does", () => {
    expect(canonicalJson({ б: 1, a: 2, Z: 3, "10": 4, "9": 5 })).toBe('{"10":4,"9":5,"Z":3,"a":2,"б":1}');
  });

  it("leaves out undefined members and writes dates as ISO strings", () => {
    expect(canonicalJson({ a: undefined, at: new Date("2026-03-02T00:00:00Z") })).toBe('{"at":"2026-03-02T00:00:00.000Z"}');
  });

  it.each([
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["a bigint", 1n],
    ["undefined", undefined],
    ["undefined inside an array", [undefined]],
    ["a function", () => 1],
    ["a Map", new Map()],
  ])("refuses %s rather than signing an ambiguous value", (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
