/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * JSON.stringify writes them (which makes this RFC 8785 / JCS for plain data). The browser signs
 * `canonicalJson(data)` and the server recomputes it from what it stored, so both sides compare
 * exactly the same bytes.
 *
 * Plain data only: objects, arrays, strings, finite numbers, booleans and null. `undefined` object
 * members are left out (as JSON.stringify does); anything else that JSON cannot carry faithfully
 * (NaN, Infinity, bigint, functions, symbols, undefined at top level or in arrays) throws, because a
 * silent `null` would let two different values sign to the same bytes.
 */
export function canonicalJson(value: unknown): string {
  return write(value, "$");
}

function write(value: unknown, at: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${at} is not a finite number`);
      return JSON.stringify(value);
    case "object": {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${at}[${i}]`)).join(",")}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonicalJson: ${at} is not a plain object`);
      }
      const entries = Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${at}.${k}`)}`);
      return `{${entries.join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${at} has type ${typeof value}, which JSON cannot carry`);
  }
}
