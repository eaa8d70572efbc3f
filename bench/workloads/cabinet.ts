/**
 * cabinet: the citizen's cabinet (/cabinet), server-rendered by the running portal for signed-in
 * citizens who have applications, against the bare node:http handler.
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { FreshDb } from "../../db/testing";
import { ensureCitizenAccount, insertSession } from "../../db/queries/accounts";
import type { LoadRequest } from "../load-worker";
import { runLoad, type Server } from "../http";
import { figure, type Figure } from "../report";

export const BENCH_SESSION_SECRET = "komek-bench-session-secret-0123456789";

/** Signed-in sessions for these citizens, as the login page would make them; returns Cookie headers. */
export async function citizenCookies(fresh: FreshDb, iins: string[], now: Date): Promise<string[]> {
  const cookie = createCookie("komek_session", { httpOnly: true, sameSite: "lax", path: "/", secrets: [BENCH_SESSION_SECRET] });
  const headers: string[] = [];
  for (const iin of iins) {
    const id = randomBytes(32).toString("base64url");
    await ensureCitizenAccount(fresh.db, iin);
    await insertSession(fresh.db, {
      idHash: createHash("sha256").update(id).digest("hex"),
      subject: "citizen",
      citizenIin: iin,
      staffId: null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3_600_000),
      ip: "bench",
      userAgent: "komek bench",
    });
    headers.push((await cookie.serialize(id)).split(";")[0]);
  }
  return headers;
}

export async function cabinetWorkload(
  fresh: FreshDb,
  persons: number,
  servers: { portal: Server; bare: Server },
  options: { citizens: string[]; seconds: number; connections: number; log: (line: string) => void },
): Promise<Figure> {
  const cookies = await citizenCookies(fresh, options.citizens, new Date());
  const requests: LoadRequest[] = cookies.map((c) => ({ method: "GET", path: "/cabinet", headers: { Cookie: c } }));
  // The page must really be the cabinet, not a redirect to the login page.
  const probe = await fetch(`${servers.portal.url}/cabinet`, { headers: { Cookie: cookies[0] }, redirect: "manual" });
  const html = await probe.text();
  if (probe.status !== 200 || !html.includes("applications-heading")) throw new Error(`cabinet: the probe got ${probe.status}, not the cabinet page`);
  const [, portal, , bare] = await runLoad([
    { label: "portal warm-up", url: servers.portal.url, connections: options.connections, requests, seconds: 2 },
    { label: "portal", url: servers.portal.url, connections: options.connections, requests, seconds: options.seconds },
    { label: "bare warm-up", url: servers.bare.url, connections: options.connections, requests, seconds: 2 },
    { label: "bare", url: servers.bare.url, connections: options.connections, requests, seconds: 5 },
  ]);
  if (portal.non2xx || portal.errors) throw new Error(`cabinet: ${portal.non2xx} non-2xx answers and ${portal.errors} errors`);
  options.log(`cabinet: ${portal.perSecond.toFixed(0)}/s (p50 ${portal.p50} ms, p99 ${portal.p99} ms), ${cookies.length} citizens, ${Math.round(html.length / 1024)} KB a page; bare ${bare.perSecond.toFixed(0)}/s`);
  return figure("cabinet", "req/s", portal.perSecond, bare.perSecond, persons, "bare node:http 200", `${cookies.length} citizens, ${options.connections} connections, ${Math.round(html.length / 1024)} KB page`);
}
