/**
 * Sessions: the cookie holds a random id (signed); the row in `sessions` says who it is. A new id on
 * every sign-in; idle and absolute timeouts; logout revokes the row.
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "./db.server";
import { env } from "./env.server";
import * as accounts from "../db/queries/accounts";
import type { StaffAccount, Office, StaffRole } from "../db/schema";

export type CitizenUser = { kind: "citizen"; iin: string; sessionHash: string };
export type StaffUser = { kind: "staff"; staff: StaffAccount; office: Office; sessionHash: string };
export type SessionUser = CitizenUser | StaffUser;

export function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https" || (env().PUBLIC_BASE_URL ?? "").startsWith("https:");
}

/**
 * A cookie's name for this request: over HTTPS with the `__Host-` prefix (the browser then insists on
 * Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite it); development over
 * plain http keeps the plain name, which browsers would otherwise refuse.
 */
export function cookieName(request: Request, name: string) {
  return isHttps(request) ? `__Host-${name}` : name;
}

const sessionCookie = (request: Request) =>
  createCookie(cookieName(request, "komek_session"), { httpOnly: true, sameSite: "lax", path: "/", secrets: [env().SESSION_SECRET] });

const hashId = (id: string) => createHash("sha256").update(id).digest("hex");

/**
 * The client's address as the server saw it (cli/commands/serve.ts sets the header, overwriting any
 * the client sent; X-Forwarded-For is honoured there only with TRUST_PROXY).
 */
export function clientIp(request: Request) {
  return (request.headers.get("X-Komek-Client-Ip") || "local").slice(0, 64);
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** What the CSRF token of a signed-in browser is bound to: the hash of its session id, or null. */
export async function sessionBinding(request: Request): Promise<string | null> {
  const id = await readSessionId(request);
  return id ? hashId(id) : null;
}

/** Page reads (GET/HEAD): the root and the page loaders ask about the same request; look it up once. */
const seenThisRequest = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request, now?: Date): Promise<SessionUser | null> {
  if (now || (request.method !== "GET" && request.method !== "HEAD")) return lookUpUser(request, now ?? new Date());
  let user = seenThisRequest.get(request);
  if (!user) seenThisRequest.set(request, (user = lookUpUser(request, new Date())));
  return user;
}

async function lookUpUser(request: Request, now: Date): Promise<SessionUser | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const { db } = await getDb();
  const idHash = hashId(id);
  const session = await accounts.findLiveSession(db, idHash, now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > env().SESSION_IDLE_MINUTES * 60_000) {
    await accounts.revokeSession(db, idHash, now);
    return null;
  }
  // Touch at most once a minute: reading pages should not mean a write per request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await accounts.touchSession(db, idHash, now);
  if (session.subject === "citizen" && session.citizenIin) return { kind: "citizen", iin: session.citizenIin, sessionHash: idHash };
  if (session.subject === "staff" && session.staffId) {
    const found = await accounts.findStaffById(db, session.staffId);
    if (!found || !found.staff.active) return null;
    return { kind: "staff", staff: found.staff, office: found.office, sessionHash: idHash };
  }
  return null;
}

export { safeRedirect } from "./redirect";

export async function requireCitizen(request: Request): Promise<CitizenUser> {
  const user = await getUser(request);
  if (user?.kind === "citizen") return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function requireStaff(request: Request, roles: readonly StaffRole[]): Promise<StaffUser> {
  const user = await getUser(request);
  if (user?.kind !== "staff") {
    const url = new URL(request.url);
    throw redirect(`/staff/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!roles.includes(user.staff.role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/**
 * Does this staff member's office serve the settlement with this KATO code? Only district offices
 * serve settlements: a national office (empty prefix: the 1414 contact centre, the ministry) serves
 * none, whatever the role of its staff — cases are handled where the family lives.
 */
export function servesKato(user: StaffUser, katoCode: string) {
  return isDistrictOffice(user) && katoCode.startsWith(user.office.katoPrefix);
}

export function isDistrictOffice(user: StaffUser) {
  return user.office.katoPrefix !== "";
}

export async function startSession(
  request: Request,
  subject: { kind: "citizen"; iin: string } | { kind: "staff"; staffId: number },
  redirectTo: string,
  now = new Date(),
) {
  const { db } = await getDb();
  // Never reuse an id across a sign-in (session fixation): revoke whatever the browser had.
  const previous = await readSessionId(request);
  if (previous) await accounts.revokeSession(db, hashId(previous), now);
  const id = randomBytes(32).toString("base64url");
  await accounts.insertSession(db, {
    idHash: hashId(id),
    subject: subject.kind,
    citizenIin: subject.kind === "citizen" ? subject.iin : null,
    staffId: subject.kind === "staff" ? subject.staffId : null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
    ip: clientIp(request),
    userAgent: request.headers.get("User-Agent")?.slice(0, 500) ?? null,
  });
  const cookie = await sessionCookie(request).serialize(id, { secure: isHttps(request), maxAge: env().SESSION_MAX_HOURS * 3600 });
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export async function endSession(request: Request, redirectTo = "/") {
  const id = await readSessionId(request);
  if (id) {
    const { db } = await getDb();
    await accounts.revokeSession(db, hashId(id), new Date());
  }
  const cookie = await sessionCookie(request).serialize("", { maxAge: 0, secure: isHttps(request) });
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}
