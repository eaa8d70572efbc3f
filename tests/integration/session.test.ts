import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { ensureCitizenAccount, setCitizenPassword } from "../../db/queries/accounts";
import { loginCitizen } from "../../app/auth/login.server";
import { hashPassword } from "../../app/auth/password.server";
import { testIins } from "../support/people";
import { endSession, getUser, startSession } from "../../app/session.server";
import { requestAs } from "../support/session";

const IIN = "900512440017";

async function signIn(previousCookie?: string, now = new Date()) {
  const request = requestAs(previousCookie ?? null, "/login", { method: "POST" });
  const response = await startSession(request, { kind: "citizen", iin: IIN }, "/cabinet", now);
  return { response, cookie: response.headers.get("Set-Cookie")!.split(";")[0] };
}

describe("sessions", () => {
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await createFreshDb();
    setDb(fresh);
    await ensureCitizenAccount(fresh.db, IIN);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("the session cookie is httpOnly and SameSite=Lax, and Secure behind HTTPS", async () => {
    const { response } = await signIn();
    const header = response.headers.get("Set-Cookie")!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/i);
    const https = await startSession(new Request("https://komek.kz/login", { method: "POST" }), { kind: "citizen", iin: IIN }, "/");
    expect(https.headers.get("Set-Cookie")).toMatch(/Secure/i);
  });

  it("signing in again gives a new session id and ends the old one", async () => {
    const first = await signIn();
    const second = await signIn(first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect(await getUser(requestAs(first.cookie, "/cabinet"))).toBeNull();
    expect(await getUser(requestAs(second.cookie, "/cabinet"))).toMatchObject({ kind: "citizen", iin: IIN });
  });

  it("a session idle for longer than the idle timeout is over", async () => {
    const start = new Date("2026-11-23T06:00:00Z");
    const { cookie } = await signIn(undefined, start);
    expect(await getUser(requestAs(cookie, "/cabinet"), new Date(start.getTime() + 19 * 60_000))).not.toBeNull();
    // Touched at 19 minutes: idle counts from there.
    expect(await getUser(requestAs(cookie, "/cabinet"), new Date(start.getTime() + 38 * 60_000))).not.toBeNull();
    expect(await getUser(requestAs(cookie, "/cabinet"), new Date(start.getTime() + 60 * 60_000))).toBeNull();
  });

  it("logout revokes the session on the server, not only in the browser", async () => {
    const { cookie } = await signIn();
    const response = await endSession(requestAs(cookie, "/logout", { method: "POST" }));
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await getUser(requestAs(cookie, "/cabinet"))).toBeNull();
  });

  it("failed sign-ins are throttled per IIN and per address, with the same answer for unknown IINs", async () => {
    const from = (ip: string) => new Request("http://localhost/login", { method: "POST", headers: { "X-Komek-Client-Ip": ip } });
    const unknown = await loginCitizen(from("10.0.0.1"), "850314300013", "nope");
    const wrong = await loginCitizen(from("10.0.0.1"), IIN, "nope");
    expect(unknown).toEqual(wrong);
    for (let i = 0; i < 4; i++) await loginCitizen(from("10.0.0.1"), IIN, `nope-${i}`);
    // Five failures for this IIN: even the right password waits now, from any address.
    await setCitizenPassword(fresh.db, IIN, await hashPassword("right-password-1"));
    expect(await loginCitizen(from("10.0.0.2"), IIN, "right-password-1")).toMatchObject({ ok: false, error: "throttled" });
    // Twenty failures from one address lock the address for every IIN.
    const others = testIins(20, 7700);
    for (const other of others) await loginCitizen(from("10.0.0.3"), other, "nope");
    await ensureCitizenAccount(fresh.db, others[0]);
    await setCitizenPassword(fresh.db, others[0], await hashPassword("right-password-2"));
    expect(await loginCitizen(from("10.0.0.3"), others[0], "right-password-2")).toMatchObject({ ok: false, error: "throttled" });
    expect(await loginCitizen(from("10.0.0.4"), others[0], "right-password-2")).toMatchObject({ ok: true });
  });

  it("a forged or tampered cookie is nobody", async () => {
    const { cookie } = await signIn();
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("A") ? "B" : "A") + cookie.slice(-2);
    expect(await getUser(requestAs(tampered, "/cabinet"))).toBeNull();
    expect(await getUser(requestAs("komek_session=abc", "/cabinet"))).toBeNull();
  });
});
