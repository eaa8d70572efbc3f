/**
 * CSV as RFC 4180 writes it (CRLF, quoted fields, doubled quotes), safe to open in a spreadsheet:
 * a text cell that starts with = + - @ (or a tab or carriage return) is prefixed with ' so it is
 * never taken for a formula (OWASP "CSV injection"). A BOM lets Excel read the Cyrillic as UTF-8.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value !== "number" && typeof value !== "bigint" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
