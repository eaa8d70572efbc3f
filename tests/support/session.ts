import { startSession } from "../../app/session.server";

/** A Cookie header for a fresh session of this subject, made the way the login routes make it. */
export async function sessionCookie(subject: { kind: "citizen"; iin: string } | { kind: "staff"; staffId: number }, origin = "http://localhost") {
  // Over https the cookie is named __Host-komek_session, as the server there expects.
  const response = await startSession(new Request(`${origin}/login`, { method: "POST" }), subject, "/");
  const setCookie = response.headers.get("Set-Cookie")!;
  return setCookie.split(";")[0];
}

export function requestAs(cookie: string | null, url: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${url}`, { ...init, headers });
}

/** Runs a loader/action and returns what it answered, whether it returned or threw a Response. */
export async function outcome(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null; body?: unknown }> {
  try {
    const value = await run();
    if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), body: value };
    const v = value as { type?: string; data?: unknown; init?: { status?: number } } | undefined;
    if (v && v.type === "DataWithResponseInit") return { status: v.init?.status ?? 200, body: v.data };
    return { status: 200, body: value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

import { getCsrfToken } from "../../app/csrf.server";

/**
 * The form token a browser with this session (or none) gets from any page, and the Cookie header to
 * send with it: the token is bound to the session, or before sign-in to an anonymous cookie.
 */
export async function csrfFor(sessionCookieValue: string | null, origin = "http://localhost") {
  const request = new Request(`${origin}/`, { headers: sessionCookieValue ? { Cookie: sessionCookieValue } : {} });
  const { token, setCookie } = await getCsrfToken(request);
  return { token, cookie: [sessionCookieValue, setCookie?.split(";")[0]].filter(Boolean).join("; ") };
}

/** A form POST carrying the session cookie and its CSRF token. */
export async function postForm(sessionCookieValue: string, url: string, fields: Record<string, string>) {
  const csrf = await csrfFor(sessionCookieValue);
  const body = new URLSearchParams({ ...fields, csrf: csrf.token });
  return requestAs(csrf.cookie, url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}
