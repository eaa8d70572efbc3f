/**
 * Where to go after signing in: only a path on this portal. The candidate is refused when it holds a
 * control character (raw or percent-encoded: browsers drop TAB and newlines, so "/\t/host" becomes
 * "//host"), a backslash (read as a slash), or starts with "//"; what is left is resolved with
 * `new URL` against a placeholder origin and must still have that origin.
 */
const BASE = "http://komek.invalid";
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function looksForeign(s: string) {
  return !s.startsWith("/") || s.startsWith("//") || s.includes("\\") || CONTROL.test(s);
}

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || to.length > 2048 || looksForeign(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (looksForeign(decoded)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
