import { describe, expect, it } from "vitest";
import { iinCheckDigit, makeIin } from "../domain/iin";
import { formatProblem, parsePreschoolFile } from "./preschool-file";

const iin = (birth: string, sex: "M" | "F", serial: number) => {
  for (let s = serial; ; s++) {
    const made = makeIin(birth, sex, s);
    if (made) return made;
  }
};
const PARENT = iin("1988-03-14", "F", 4101);
const CHILD = iin("2021-06-01", "M", 4102);
const CHILD2 = iin("2020-02-10", "F", 4103);
const binOf = (first11: string) => `${first11}${iinCheckDigit(first11)}`;
const BIN = binOf("21034001234");
const HEADER = "parent_iin,child_iin,organisation_bin,monthly_fee,enrolled_from,enrolled_to";

describe("the education department's preschool file", () => {
  it("reads a CSV with a BOM and CRLF, columns in any order, an empty end date as still enrolled", () => {
    const text = `\uFEFFchild_iin,parent_iin,organisation_bin,monthly_fee,enrolled_from,enrolled_to\r\n${CHILD},${PARENT},${BIN},18000,2024-09-01,\r\n\r\n${CHILD2},${PARENT},${BIN},16500,2023-09-01,2026-05-31\r\n`;
    const parsed = parsePreschoolFile(text);
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 2, parentIin: PARENT, childIin: CHILD, organisationBin: BIN, monthlyFee: 18000, enrolledFrom: "2024-09-01", enrolledTo: null },
        { line: 4, parentIin: PARENT, childIin: CHILD2, organisationBin: BIN, monthlyFee: 16500, enrolledFrom: "2023-09-01", enrolledTo: "2026-05-31" },
      ],
    });
  });

  it("reads a semicolon-separated CSV as Excel saves it in Russian and Kazakh locales", () => {
    const text = `${HEADER.replaceAll(",", ";")}\n${PARENT};${CHILD};${BIN};18000;2024-09-01;\n`;
    expect(parsePreschoolFile(text)).toMatchObject({ ok: true, rows: [{ line: 2, parentIin: PARENT, childIin: CHILD, monthlyFee: 18000, enrolledTo: null }] });
  });

  it("reads the same rows from JSON, a row's position as its line", () => {
    const text = JSON.stringify([{ parent_iin: PARENT, child_iin: CHILD, organisation_bin: BIN, monthly_fee: 18000, enrolled_from: "2024-09-01", enrolled_to: null }]);
    expect(parsePreschoolFile(text)).toMatchObject({ ok: true, rows: [{ line: 1, parentIin: PARENT, monthlyFee: 18000, enrolledTo: null }] });
  });

  it("reports every problem of every row with its line and field, and no rows at all", () => {
    const wrongCheck = `${CHILD.slice(0, 11)}${(Number(CHILD[11]) + 1) % 10}`;
    const text = [
      HEADER,
      `${PARENT},${wrongCheck},${BIN},18000,2024-09-01,`, // 2: child's check digit
      `${PARENT},${CHILD},123,abc,2024-02-30,`, // 3: BIN, fee, date
      `${PARENT},${PARENT},${BIN},0,2024-09-01,2024-08-31`, // 4: same person, fee 0, end before start
      `${PARENT},${CHILD2},${BIN},18000,2024-09-01`, // 5: a cell short
      `${PARENT},${CHILD2},${BIN},18000,2024-09-01,`, // 6: fine
      `${PARENT},${CHILD2},${BIN},19000,2024-09-01,`, // 7: the same enrolment again
      `,${CHILD},${BIN},18000,2024-09-01,`, // 8: parent missing
    ].join("\n");
    const parsed = parsePreschoolFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(formatProblem)).toEqual([
      "line 2: child_iin: not a valid IIN: check digit (12th) does not match",
      "line 3: organisation_bin: not a BIN: must be 12 digits",
      "line 3: monthly_fee: must be whole tenge, digits only",
      "line 3: enrolled_from: not a calendar date",
      "line 4: monthly_fee: must be more than 0 and at most 300000 tenge",
      "line 4: child_iin: the child and the parent are the same person",
      "line 4: enrolled_to: is before enrolled_from",
      "line 5: row: has 5 cells, the header has 6",
      "line 7: child_iin: the same child and enrolled_from as line 6",
      "line 8: parent_iin: is required",
    ]);
  });

  it("names a missing or unknown column and an empty file", () => {
    expect(parsePreschoolFile("parent_iin,child_iin,bin,monthly_fee,enrolled_from,enrolled_to\n")).toEqual({
      ok: false,
      problems: [
        { line: 1, field: "header", message: "missing column(s): organisation_bin" },
        { line: 1, field: "header", message: "unknown column(s): bin" },
      ],
    });
    expect(parsePreschoolFile("")).toEqual({ ok: false, problems: [{ line: 1, field: "file", message: "the file is empty" }] });
    expect(parsePreschoolFile(`${HEADER}\n`)).toEqual({ ok: false, problems: [{ line: 1, field: "file", message: "no rows after the header" }] });
    expect(parsePreschoolFile("[{]")).toMatchObject({ ok: false, problems: [{ line: 1, field: "file" }] });
  });
});
