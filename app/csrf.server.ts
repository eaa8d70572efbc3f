/**
 * CSRF protection by double submit: a random token in an httpOnly, SameSite=Lax cookie, repeated in a
 * hidden field of every form. SameSite alone already stops most cross-site posts; this covers the rest.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";
import { isHttps } from "./session.server";

const csrfCookie = () => createCookie("komek_csrf", { httpOnly: true, sameSite: "lax", path: "/", secrets: [env().SESSION_SECRET] });

/** The request's token, and a Set-Cookie when a new one had to be made. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const existing = await csrfCookie().parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await csrfCookie().serialize(token, { secure: isHttps(request) }) };
}

export async function assertCsrf(request: Request, form: FormData) {
  const expected = await csrfCookie().parse(request.headers.get("Cookie"));
  const given = form.get("csrf");
  const ok =
    typeof expected === "string" &&
    typeof given === "string" &&
    expected.length === given.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok) throw new Response("Invalid or missing form token. Reload the page and try again.", { status: 403 });
}
