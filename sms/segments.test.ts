import { describe, expect, it } from "vitest";
import { countSegments, smsEncoding } from "./segments";

describe("smsEncoding", () => {
  it.each([
    ["plain Latin text", "Reply 1 or 2", "GSM-7"],
    ["GSM extension characters", "{[€]}~|^\\", "GSM-7"],
    ["accented letters of the GSM table", "Ç é ü Ñ à", "GSM-7"],
    ["a Latin letter outside the GSM table", "ç", "UCS-2"],
    ["Russian text", "Да", "UCS-2"],
    ["one Kazakh letter in Latin text", "OK ә", "UCS-2"],
    ["a bullet", "•••• 1234", "UCS-2"],
    ["an emoji", "OK 👍", "UCS-2"],
  ])("treats %s as %s", (_name, text, encoding) => {
    expect(smsEncoding(text)).toBe(encoding);
  });
});

describe("countSegments", () => {
  it.each([
    ["an empty text", "", 0, 1],
    ["160 GSM characters", "a".repeat(160), 160, 1],
    ["161 GSM characters (153 + 8)", "a".repeat(161), 161, 2],
    ["306 GSM characters (2 × 153)", "a".repeat(306), 306, 2],
    ["307 GSM characters", "a".repeat(307), 307, 3],
    ["80 euro signs, 2 septets each", "€".repeat(80), 160, 1],
    ["81 euro signs: an escape pair is never split, 76 fit a part", "€".repeat(81), 162, 2],
    ["152 GSM characters then a bracket that would straddle the part boundary", "a".repeat(152) + "[" + "a".repeat(152), 306, 3],
    ["70 Cyrillic characters", "д".repeat(70), 70, 1],
    ["71 Cyrillic characters (67 + 4)", "д".repeat(71), 71, 2],
    ["134 Cyrillic characters (2 × 67)", "д".repeat(134), 134, 2],
    ["135 Cyrillic characters", "д".repeat(135), 135, 3],
    ["134 Kazakh letters", "ә".repeat(134), 134, 2],
    ["159 Latin letters and one Cyrillic: the whole text becomes UCS-2", "a".repeat(159) + "д", 160, 3],
    ["an emoji counts two UTF-16 units", "👍", 2, 1],
    ["66 letters then an emoji that would straddle the part boundary", "д".repeat(66) + "👍" + "д".repeat(66), 134, 3],
  ])("counts %s", (_name, text, units, segments) => {
    expect(countSegments(text)).toMatchObject({ units, segments });
  });
});
