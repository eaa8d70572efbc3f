/**
 * Kazakhstan mobile numbers as people type them ("8 701 555 01 01", "+7 (701) 555-01-01",
 * "7015550101") → E.164 "+77015550101". Mobile ranges start with 7 after the country code (70x, 74x,
 * 75x, 76x, 77x); landlines (7 + 1xx/2xx/3xx) cannot receive SMS and are refused.
 */
export function normalizeKzMobile(input: string): string | null {
  const digits = input.replace(/[\s()\-.]/g, "");
  if (!/^\+?\d+$/.test(digits)) return null;
  let d = digits.replace(/^\+/, "");
  // With "+" the country code must be there; without it, 8… (trunk prefix) or 7… or the bare 10 digits.
  if (digits.startsWith("+")) {
    if (d.length !== 11 || !d.startsWith("7")) return null;
    d = d.slice(1);
  } else if (d.length === 11 && (d.startsWith("8") || d.startsWith("7"))) d = d.slice(1);
  if (d.length !== 10) return null;
  if (!/^7[04567]\d{8}$/.test(d)) return null;
  return `+7${d}`;
}
