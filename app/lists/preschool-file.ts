/**
 * The district education department's file of children in preschool organisations and the monthly
 * parents' fee (seed 003 clause 8.7: 50 % of the fee, once a half-year, by list) — what
 * `npx komek registry import-facts FILE` reads (ADR 024). Pure: text in, rows or every problem out.
 *
 * CSV (comma- or, as Excel saves it in ru/kk locales, semicolon-separated), one row per child and
 * enrolment, header first (columns in any order):
 *   parent_iin,child_iin,organisation_bin,monthly_fee,enrolled_from,enrolled_to
 * or JSON: an array of objects with the same keys. `enrolled_to` may be empty (still enrolled).
 * The parent is the fee payer, the person the 8.7 list pays.
 */
import { z } from "zod";
import { parseIin, iinCheckDigit } from "../domain/iin";

export const PRESCHOOL_COLUMNS = ["parent_iin", "child_iin", "organisation_bin", "monthly_fee", "enrolled_from", "enrolled_to"] as const;

/** A month's parents' fee above this is a typing error (the highest fees in the country are far below). */
export const MAX_MONTHLY_FEE = 300_000;

export type PreschoolRow = {
  line: number;
  parentIin: string;
  childIin: string;
  organisationBin: string;
  monthlyFee: number;
  enrolledFrom: string;
  enrolledTo: string | null;
};

export type FileProblem = { line: number; field: string; message: string };
export type ParsedFile = { ok: true; rows: PreschoolRow[] } | { ok: false; problems: FileProblem[] };

const iinReason: Record<string, string> = {
  format: "must be 12 digits",
  century: "digit 7 (century and sex) must be 1–6",
  date: "digits 1–6 are not a birth date",
  checksum: "check digit (12th) does not match",
};

const iin = z.string().transform((s, ctx) => {
  const parsed = parseIin(s);
  if (!parsed.valid) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not a valid IIN: ${iinReason[parsed.reason]}` });
    return z.NEVER;
  }
  return parsed.iin;
});

/** A BIN has the IIN's check digit; its first six digits are a registration year and month, not a birth date. */
const bin = z
  .string()
  .regex(/^\d{12}$/, "not a BIN: must be 12 digits")
  .refine((s) => !/^\d{12}$/.test(s) || iinCheckDigit(s.slice(0, 11)) === Number(s[11]), "not a valid BIN: check digit (12th) does not match");

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a calendar date");

export const preschoolRowSchema = z
  .object({
    parent_iin: iin,
    child_iin: iin,
    organisation_bin: bin,
    monthly_fee: z
      .string()
      .regex(/^\d+$/, "must be whole tenge, digits only")
      .transform(Number)
      .refine((n) => n > 0 && n <= MAX_MONTHLY_FEE, `must be more than 0 and at most ${MAX_MONTHLY_FEE} tenge`),
    enrolled_from: isoDate,
    enrolled_to: z.union([z.literal("").transform(() => null), isoDate]),
  })
  .superRefine((r, ctx) => {
    if (r.parent_iin === r.child_iin) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["child_iin"], message: "the child and the parent are the same person" });
    if (r.enrolled_to && r.enrolled_to < r.enrolled_from) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["enrolled_to"], message: "is before enrolled_from" });
  });

/** Cells as strings, keyed by column, with the line each record starts on. */
type Record_ = { line: number; cells: Record<string, string> };

function csvRecords(text: string): { records: Record_[]; problems: FileProblem[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) return { records: [], problems: [{ line: 1, field: "file", message: "the file is empty" }] };
  // Excel in a Russian or Kazakh locale saves CSV with semicolons: the header says which.
  const delimiter = lines[headerIndex].includes(";") && !lines[headerIndex].includes(",") ? ";" : ",";
  const header = lines[headerIndex].split(delimiter).map((h) => h.trim().toLowerCase());
  const problems: FileProblem[] = [];
  const missing = PRESCHOOL_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(PRESCHOOL_COLUMNS as readonly string[]).includes(h));
  if (missing.length) problems.push({ line: headerIndex + 1, field: "header", message: `missing column(s): ${missing.join(", ")}` });
  if (unknown.length) problems.push({ line: headerIndex + 1, field: "header", message: `unknown column(s): ${unknown.join(", ")}` });
  if (problems.length) return { records: [], problems };
  const records: Record_[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = lines[i].split(delimiter);
    if (cells.length !== header.length) {
      problems.push({ line: i + 1, field: "row", message: `has ${cells.length} cells, the header has ${header.length}` });
      continue;
    }
    records.push({ line: i + 1, cells: Object.fromEntries(header.map((h, j) => [h, cells[j].trim()])) });
  }
  return { records, problems };
}

function jsonRecords(text: string): { records: Record_[]; problems: FileProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { records: [], problems: [{ line: 1, field: "file", message: `not JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data)) return { records: [], problems: [{ line: 1, field: "file", message: "must be a JSON array of rows" }] };
  const problems: FileProblem[] = [];
  const records: Record_[] = [];
  // In JSON a "line" is the row's position (1 = the first row), as a reader counts them.
  data.forEach((item, i) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      problems.push({ line: i + 1, field: "row", message: "must be an object" });
      return;
    }
    const unknown = Object.keys(item).filter((k) => !(PRESCHOOL_COLUMNS as readonly string[]).includes(k));
    if (unknown.length) problems.push({ line: i + 1, field: "row", message: `unknown key(s): ${unknown.join(", ")}` });
    const cells = Object.fromEntries(PRESCHOOL_COLUMNS.map((c) => [c, (item as Record<string, unknown>)[c] === null || (item as Record<string, unknown>)[c] === undefined ? "" : String((item as Record<string, unknown>)[c]).trim()]));
    records.push({ line: i + 1, cells });
  });
  return { records, problems };
}

/** Reads the file (JSON when it starts with '['), checks every row, and reports every problem with its line. */
export function parsePreschoolFile(text: string): ParsedFile {
  const { records, problems } = text.trimStart().startsWith("[") ? jsonRecords(text) : csvRecords(text);
  const rows: PreschoolRow[] = [];
  for (const { line, cells } of records) {
    const parsed = preschoolRowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, field: String(issue.path[0] ?? "row"), message: cells[String(issue.path[0])] === "" && issue.path[0] !== "enrolled_to" ? "is required" : issue.message });
      continue;
    }
    const r = parsed.data;
    rows.push({ line, parentIin: r.parent_iin, childIin: r.child_iin, organisationBin: r.organisation_bin, monthlyFee: r.monthly_fee, enrolledFrom: r.enrolled_from, enrolledTo: r.enrolled_to });
  }
  // One enrolment of a child per start day: a second row is a copy or a contradiction.
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.childIin}|${r.enrolledFrom}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: r.line, field: "child_iin", message: `the same child and enrolled_from as line ${first}` });
    else seen.set(key, r.line);
  }
  if (!records.length && !problems.length) problems.push({ line: 1, field: "file", message: "no rows after the header" });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, rows };
}

export const formatProblem = (p: FileProblem) => `line ${p.line}: ${p.field}: ${p.message}`;
