import { describe, expect, it } from "vitest";
import { iinCheckDigit, isValidIin, makeIin, parseIin, type IinResult } from "./iin";

describe("parseIin", () => {
  it.each([
    ["a man born Monday 1990-01-01", "900101300017", "1990-01-01", "M"],
    ["a woman born Monday 1990-01-01", "900101400013", "1990-01-01", "F"],
    ["a boy born Tuesday 2000-02-29, a leap day", "000229500018", "2000-02-29", "M"],
    ["a girl born Monday 2012-12-31", "121231600012", "2012-12-31", "F"],
    ["a man born Sunday 1899-12-31 (century digit 1)", "991231100010", "1899-12-31", "M"],
    ["an IIN whose first weight series gives 10 and the second gives 1", "900101300811", "1990-01-01", "M"],
  ])("accepts %s", (_name, iin, birthDate, sex) => {
    expect(parseIin(iin)).toEqual({ valid: true, iin, birthDate, sex });
    expect(isValidIin(iin)).toBe(true);
  });

  it("trims surrounding spaces", () => {
    expect(parseIin(" 900101300017\n")).toMatchObject({ valid: true, iin: "900101300017" });
  });

  it.each([
    ["11 digits", "90010130001", "format"],
    ["13 digits", "9001013000170", "format"],
    ["letters", "90010130001A", "format"],
    ["spaces inside", "900101 300017", "format"],
    ["a minus sign", "-90010130001", "format"],
    ["nothing", "", "format"],
    ["century digit 0", "900101000018", "century"],
    ["century digit 7", "900101700012", "century"],
    ["29 February of a non-leap year (1990)", "900229300010", "date"],
    ["29 February 1900, not a leap year", "000229300010", "date"],
    ["month 13", "901301300010", "date"],
    ["day 00", "900100300010", "date"],
    ["31 April", "900431300010", "date"],
    ["a wrong check digit", "900101300018", "checksum"],
    ["a check digit of 0 where the second series gives 1", "900101300810", "checksum"],
  ])("refuses %s", (_name, iin, reason) => {
    expect(parseIin(iin)).toEqual({ valid: false, reason });
    expect(isValidIin(iin)).toBe(false);
  });

  it("refuses every check digit for a serial whose both weight series give 10", () => {
    expect(iinCheckDigit("90010130080")).toBeNull();
    for (let d = 0; d <= 9; d++) expect(parseIin(`90010130080${d}`)).toEqual({ valid: false, reason: "checksum" });
  });
});

describe("makeIin", () => {
  it.each([
    ["a man born Monday 1990-01-01, serial 1", "1990-01-01", "M", 1, "900101300017"],
    ["a woman born Monday 1990-01-01, serial 1", "1990-01-01", "F", 1, "900101400013"],
    ["a boy born on the leap day Tuesday 2000-02-29", "2000-02-29", "M", 1, "000229500018"],
    ["a woman born Sunday 1899-12-31 (century digit 2)", "1899-12-31", "F", 1, "991231200017"],
    ["a serial where the second series decides", "1990-01-01", "M", 81, "900101300811"],
  ] as const)("builds %s", (_name, birthDate, sex, serial, expected) => {
    const iin = makeIin(birthDate, sex, serial);
    expect(iin).toBe(expected);
    expect(parseIin(iin!)).toEqual({ valid: true, iin, birthDate, sex });
  });

  it("returns null for a serial whose both weight series give 10", () => {
    expect(makeIin("1990-01-01", "M", 80)).toBeNull();
  });

  it("refuses years it cannot encode", () => {
    expect(() => makeIin("1799-12-31", "M", 1)).toThrow(/1799/);
    expect(() => makeIin("2100-01-01", "F", 1)).toThrow(/2100/);
  });
});

// An independent reading of the rules, written from the definition rather than from iin.ts.
function referenceParse(iin: string): IinResult {
  if (iin.length !== 12 || [...iin].some((c) => c < "0" || c > "9")) return { valid: false, reason: "format" };
  const d = [...iin].map((c) => c.charCodeAt(0) - 48);
  if (d[6] === 0 || d[6] > 6) return { valid: false, reason: "century" };
  const year = [1800, 1800, 1900, 1900, 2000, 2000][d[6] - 1] + d[0] * 10 + d[1];
  const month = d[2] * 10 + d[3];
  const day = d[4] * 10 + d[5];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLength = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!monthLength || day < 1 || day > monthLength) return { valid: false, reason: "date" };
  let check = 0;
  for (let i = 0; i < 11; i++) check += d[i] * (i + 1);
  check %= 11;
  if (check === 10) {
    check = 0;
    for (let i = 0; i < 11; i++) check += d[i] * (((i + 2) % 11) + 1);
    check %= 11;
  }
  if (check === 10 || check !== d[11]) return { valid: false, reason: "checksum" };
  const birthDate = `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return { valid: true, iin, birthDate, sex: d[6] % 2 === 1 ? "M" : "F" };
}

/** mulberry32: a small seeded generator, so a failure is reproducible. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("parseIin agrees with an independent implementation", () => {
  const rnd = random(20261123);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join("");

  it("on 20,000 random 12-digit strings", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const iin = digits(12);
      const expected = referenceParse(iin);
      expect(parseIin(iin), iin).toEqual(expected);
      seen.add(expected.valid ? "valid" : expected.reason);
    }
    expect([...seen].sort()).toEqual(["century", "checksum", "date", "valid"]);
  });

  it("on 20,000 IINs with a real birth date and every check digit tried", () => {
    let valid = 0;
    for (let i = 0; i < 2_000; i++) {
      const birth = new Date(Date.UTC(1800, 0, 1) + Math.floor(rnd() * 300 * 365.25) * 86_400_000);
      const yymmdd = birth.toISOString().slice(2, 10).replaceAll("-", "");
      const centuryDigit = (Math.floor(birth.getUTCFullYear() / 100) - 18) * 2 + 1 + Math.floor(rnd() * 2);
      const first11 = `${yymmdd}${centuryDigit}${digits(4)}`;
      for (let c = 0; c <= 9; c++) {
        const iin = `${first11}${c}`;
        const got = parseIin(iin);
        expect(got, iin).toEqual(referenceParse(iin));
        if (got.valid) valid++;
      }
    }
    // One check digit in ten is right, except for the ~1% of serials no digit fits.
    expect(valid).toBeGreaterThan(1_950);
    expect(valid).toBeLessThanOrEqual(2_000);
  });

  it("makeIin output always parses back to its birth date and sex", () => {
    for (let i = 0; i < 5_000; i++) {
      const birth = new Date(Date.UTC(1800, 0, 1) + Math.floor(rnd() * 300 * 365.25) * 86_400_000).toISOString().slice(0, 10);
      const sex = rnd() < 0.5 ? "M" : "F";
      const iin = makeIin(birth, sex, Math.floor(rnd() * 10_000));
      if (iin === null) continue;
      expect(referenceParse(iin)).toEqual({ valid: true, iin, birthDate: birth, sex });
    }
  });
});

describe("makeIin refuses what no IIN can encode", () => {
  it.each([
    ["29 February of a common year", "2023-02-29", 1],
    ["a serial above 9999", "1990-05-12", 10000],
    ["a negative serial", "1990-05-12", -1],
  ])("%s", (_name, date, serial) => {
    expect(() => makeIin(date, "M", serial)).toThrow(RangeError);
  });
});
