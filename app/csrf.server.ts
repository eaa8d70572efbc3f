/**
 * CSRF protection bound to the session: the token in every form is an HMAC of the browser's session
 * id (hashed) — or, before sign-in, of a random value in an httpOnly, SameSite=Lax cookie. A token
 * from another session, or from before sign-in, is refused; SameSite alone stops most cross-site
 * posts already, this covers the rest.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";
import { cookieName, isHttps, sessionBinding } from "./session.server";

const csrfCookie = (request: Request) =>
  createCookie(cookieName(request, "komek_csrf"), { httpOnly: true, sameSite: "lax", path: "/", secrets: [env().SESSION_SECRET] });

const tokenFor = (binding: string) => createHmac("sha256", env().SESSION_SECRET).update(`komek-csrf:${binding}`).digest("base64url");

async function anonymousSeed(request: Request): Promise<string | null> {
  const value = await csrfCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/** What the request's token is bound to: its session, else its anonymous cookie (null: none yet). */
async function binding(request: Request): Promise<string | null> {
  const session = await sessionBinding(request);
  if (session) return `s:${session}`;
  const seed = await anonymousSeed(request);
  return seed ? `a:${seed}` : null;
}

/** The request's token, and a Set-Cookie when an anonymous seed had to be made. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const bound = await binding(request);
  if (bound) return { token: tokenFor(bound) };
  const seed = randomBytes(32).toString("base64url");
  return { token: tokenFor(`a:${seed}`), setCookie: await csrfCookie(request).serialize(seed, { secure: isHttps(request) }) };
}

export async function assertCsrf(request: Request, form: FormData) {
  const bound = await binding(request);
  const given = form.get("csrf");
  const expected = bound ? tokenFor(bound) : null;
  const ok = expected !== null && typeof given === "string" && expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok) throw new Response("Invalid or missing form token. Reload the page and try again.", { status: 403 });
}
