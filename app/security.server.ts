/**
 * Headers every HTML page carries. Scripts only from our own origin or with this response's nonce
 * (Remix's inline hydration scripts get it; no 'unsafe-inline'); no framing; HSTS when the portal is
 * published over https; never stored by a browser or proxy cache — every page carries the session's
 * CSRF token, most carry personal data.
 */
import { randomBytes } from "node:crypto";
import { env } from "./env.server";

export function newNonce() {
  return randomBytes(16).toString("base64");
}

export function securityHeaders(nonce: string): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...privateHeaders(),
  };
  return headers;
}

/** For every response that may hold personal data: pages, loader data (`.data`), files. */
export function privateHeaders(): Record<string, string> {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if ((env().PUBLIC_BASE_URL ?? "").startsWith("https:")) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
