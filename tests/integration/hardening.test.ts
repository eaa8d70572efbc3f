/**
 * Issue 12, second half: each hole found by trying the portal as an attacker, reproduced against the
 * real database and now closed — the SMS account check, family members from the household only,
 * attempt limits that concurrency cannot race, case roles only in district offices, session-bound
 * form tokens, cookies and headers, and 400 for bad bodies.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { demoCitizens, DEMO_PASSWORD } from "../../db/seed/demo-people";
import { getOrCreateDraft } from "../../db/queries/applications";
import { upsertStaff } from "../../db/queries/accounts";
import { applications, staffAccounts } from "../../db/schema";
import { runProactiveScan } from "../../sms/scan";
import { handleInboundWebhook, handleStatusWebhook, signedWebhookRequest } from "../../sms/inbound.server";
import { kzDate } from "../../app/domain/kz-time";
import { loginCitizen } from "../../app/auth/login.server";
import { checkOtp, sendOtp } from "../../app/application/otp.server";
import { registerDemoCase } from "../../app/staff/demo-case.server";
import { resetEnv } from "../../app/env.server";
import { startSession } from "../../app/session.server";
import { getCsrfToken } from "../../app/csrf.server";
import { action as membersAction, loader as membersLoader } from "../../app/routes/applications.$id.members";
import { loader as incomesLoader } from "../../app/routes/applications.$id.incomes";
import { action as loginAction } from "../../app/routes/login";
import { loader as caseLoader } from "../../app/routes/staff.cases.$id";
import { loader as signLoader } from "../../app/routes/staff.cases.$id_.sign";
import { loader as incomeStepLoader } from "../../app/routes/staff.cases.$id_.income";
import { loader as staffHomeLoader } from "../../app/routes/staff._index";
import { get } from "./callcenter-app";
import { csrfFor, outcome, postForm, requestAs, sessionCookie } from "../support/session";
import { testIins } from "../support/people";

const TOKEN = "hardening-test-token";
const BASE = "https://komek.example.kz";
const SCAN_AT = new Date("2026-11-23T06:00:00Z");
const at = (minutes: number) => new Date(SCAN_AT.getTime() + minutes * 60_000);
const citizen = (scenario: string) => demoCitizens.find((c) => c.scenario === scenario)!;
const IVAN = citizen("proactive_ru"); // Смирнов, ru, a Kaspi account on file
const KK = citizen("proactive_kk");
const AIGERIM = citizen("eligible_portal"); // a stranger to both
const APPLICANT = citizen("eligible_portal"); // a family of five in Nura, applying on the portal
const STRANGER = citizen("callcenter_demo"); // in no household of theirs
const sid = () => `SM${randomBytes(16).toString("hex")}`;

describe("issue 12: the privacy and money holes, closed", () => {
  let fresh: FreshDb;
  const q = <T>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_hardening", max: 30 });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { referenceDate: kzDate(SCAN_AT), generatedPersons: 50 });
    await seedAccounts(fresh.db);
  }, 120_000);
  afterAll(async () => {
    await fresh.drop();
  });

  describe("the SMS path checks the account exactly as the portal does", () => {
    let clock = at(60);
    const post = (from: string, body: string) =>
      handleInboundWebhook(signedWebhookRequest(`${BASE}/sms/inbound`, { MessageSid: sid(), From: from, To: "1414", Body: body, AccountSid: "AC1" }, TOKEN), {
        db: fresh.db, authToken: TOKEN, publicBaseUrl: BASE, now: () => clock,
      });
    const offerOf = async (phone: string) =>
      (await q<{ stage: string; application_id: string | null }>(`select stage, application_id from proactive_offers where phone = $1 order by id desc limit 1`, [phone]))[0];
    const lastSms = async (phone: string) =>
      (await q<{ body: string }>(`select body from sms_messages where phone = $1 and direction = 'out' order by id desc limit 1`, [phone]))[0].body;

    beforeAll(async () => {
      await runProactiveScan(fresh.db, { now: SCAN_AT, cooldownDays: 90 });
    });

    it.each([
      ["ru", IVAN, "не на ваше имя"],
      ["kk", KK, "атыңызға ашылмаған"],
    ] as const)("refuses a stranger's valid IBAN by SMS, with a clear reply in %s", async (_language, person, words) => {
      const [stranger] = await q<{ iban: string }>(`select iban from registry.bank_accounts where iin = $1 and closed_at is null limit 1`, [AIGERIM.iin]);
      clock = at(60);
      await post(person.phone!, "1");
      expect((await offerOf(person.phone!)).stage).toBe("awaiting_payment");
      clock = at(65);
      await post(person.phone!, stranger.iban);
      const offer = await offerOf(person.phone!);
      expect(offer).toEqual({ stage: "awaiting_iban", application_id: null });
      expect(await lastSms(person.phone!)).toContain(words);
      expect(await q(`select 1 from applications where applicant_iin = $1 and channel = 'proactive'`, [person.iin])).toHaveLength(0);
    });

    it("registers the recipient's own IBAN given after the refusal", async () => {
      const [own] = await q<{ iban: string }>(`select iban from registry.bank_accounts where iin = $1 and closed_at is null limit 1`, [IVAN.iin]);
      clock = at(70);
      await post(IVAN.phone!, own.iban.replace(/(.{4})/g, "$1 "));
      const offer = await offerOf(IVAN.phone!);
      expect(offer.stage).toBe("registered");
      const [application] = await q<{ draft: { proactive: { payment: { iban: string } } } }>(`select draft from applications where id = $1`, [offer.application_id]);
      expect(application.draft.proactive.payment.iban).toBe(own.iban);
    });

    it("takes a reply with a NUL byte in Body (dropped), and answers 400 to an unstorable MessageSid", async () => {
      clock = at(80);
      const withNul = await post(KK.phone!, "\u0000ST\u0000OP");
      expect(withNul.status).toBe(200);
      expect((await offerOf(KK.phone!)).stage).toBe("opted_out");
      const longSid = await handleInboundWebhook(
        signedWebhookRequest(`${BASE}/sms/inbound`, { MessageSid: `SM${"a".repeat(100)}`, From: IVAN.phone!, Body: "1" }, TOKEN),
        { db: fresh.db, authToken: TOKEN, publicBaseUrl: BASE },
      );
      expect(longSid.status).toBe(400);
      const nulStatus = await handleStatusWebhook(
        signedWebhookRequest(`${BASE}/sms/status`, { MessageSid: "SM1\u0000", MessageStatus: "delivered" }, TOKEN),
        { db: fresh.db, authToken: TOKEN, publicBaseUrl: BASE },
      );
      expect(nulStatus.status).toBe(400);
    });
  });

  describe("family members only from the applicant's registry household", () => {
    let draftId: string;
    let ivan: string;
    const add = async (cookie: string, id: string, iin: string) =>
      outcome(async () => membersAction({ request: await postForm(cookie, `/applications/${id}/members`, { intent: "add", iin, relation: "child" }), params: { id }, context: {} }));
    const readsOf = (iin: string) =>
      q<{ actor_iin: string; purpose: string; reference: string }>(`select actor_iin, purpose, reference from data_access_log where subject_iin = $1 order by id`, [iin]);

    beforeAll(async () => {
      draftId = (await getOrCreateDraft(fresh.db, "asp", APPLICANT.iin, new Date())).id;
      ivan = await sessionCookie({ kind: "citizen", iin: APPLICANT.iin });
    });

    it("refuses another person's IIN without reading, showing or logging anything of them", async () => {
      const before = (await fresh.db.select().from(applications).where(eq(applications.id, draftId)))[0].draft;
      const r = await add(ivan, draftId, STRANGER.iin);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ errors: { iin: "apply:errors.memberNotInHousehold" } });
      expect(JSON.stringify(r.body)).not.toContain(STRANGER.lastNameRu);
      expect((await fresh.db.select().from(applications).where(eq(applications.id, draftId)))[0].draft).toEqual(before);
      // The incomes step shows only the household, so nothing of hers either.
      const incomes = await outcome(() => incomesLoader({ request: requestAs(ivan, `/applications/${draftId}/incomes`), params: { id: draftId }, context: {} }));
      expect(JSON.stringify(incomes.body)).not.toContain(STRANGER.iin);
      expect(JSON.stringify(incomes.body)).not.toContain(STRANGER.lastNameRu);
      expect(await readsOf(STRANGER.iin)).toEqual([]);
    });

    it("writes each read of a household member's name and incomes to that member's access log", async () => {
      const household = await q<{ iin: string }>(
        `select iin from registry.persons where household_id = (select household_id from registry.persons where iin = $1) and iin <> $1 and death_date is null`,
        [APPLICANT.iin],
      );
      expect(household.length).toBeGreaterThan(0);
      const before = new Map(await Promise.all(household.map(async ({ iin }) => [iin, (await readsOf(iin)).length] as const)));
      const page = await outcome(() => membersLoader({ request: requestAs(ivan, `/applications/${draftId}/members`), params: { id: draftId }, context: {} }));
      expect((page.body as { members: { iin: string; name: string | null }[] }).members.map((m) => m.iin).sort()).toEqual(household.map((h) => h.iin).sort());
      await outcome(() => incomesLoader({ request: requestAs(ivan, `/applications/${draftId}/incomes`), params: { id: draftId }, context: {} }));
      for (const { iin } of household) {
        expect((await readsOf(iin)).slice(before.get(iin))).toEqual([
          { actor_iin: APPLICANT.iin, purpose: "family_application", reference: draftId },
          { actor_iin: APPLICANT.iin, purpose: "family_application", reference: draftId },
        ]);
      }
      // The member sees it on «who looked at my data», as a family member, not as an employee.
      const { accessSeenBy } = await import("../../app/audit/access.server");
      const seen = await accessSeenBy(household[0].iin);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (const e of seen) expect([e.role, e.purpose, e.reference]).toEqual(["family_applicant", "family_application", draftId]);
    });

    it("limits adding members with a counter that 25 parallel posts cannot race", async () => {
      const applicant = citizen("split_settlements");
      const id = (await getOrCreateDraft(fresh.db, "asp", applicant.iin, new Date())).id;
      const cookie = await sessionCookie({ kind: "citizen", iin: applicant.iin });
      const results = await Promise.all(Array.from({ length: 25 }, () => add(cookie, id, STRANGER.iin)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 400)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      expect(results.find((r) => r.status === 429)?.body).toMatchObject({ errors: { iin: expect.stringContaining("apply:errors.memberAddThrottled") } });
    });
  });

  describe("attempt limits are counted in the database before the check", () => {
    it("40 parallel wrong passwords, then the right one: not signed in, and at most 5 were checked", async () => {
      const who = citizen("above_poverty_line");
      const now = new Date();
      const wrong = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          loginCitizen(new Request("http://localhost/login", { headers: { "X-Komek-Client-Ip": `10.0.0.${i}` } }), who.iin, "wrong-password", now),
        ),
      );
      expect(wrong.filter((o) => !o.ok && o.error === "invalid")).toHaveLength(5);
      expect(wrong.filter((o) => !o.ok && o.error === "throttled")).toHaveLength(35);
      const right = await loginCitizen(new Request("http://localhost/login", { headers: { "X-Komek-Client-Ip": "10.0.1.1" } }), who.iin, DEMO_PASSWORD, new Date(now.getTime() + 5_000));
      expect(right).toMatchObject({ ok: false, error: "throttled", retryAfterMinutes: 1 });
      // A growing delay, not a long lock: the owner is in as soon as it has passed.
      const later = await loginCitizen(new Request("http://localhost/login", { headers: { "X-Komek-Client-Ip": "10.0.1.1" } }), who.iin, DEMO_PASSWORD, new Date(now.getTime() + 31_000));
      expect(later).toMatchObject({ ok: true, iin: who.iin });
    });

    it("keeps a per-address limit across accounts", async () => {
      const ip = { "X-Komek-Client-Ip": "192.0.2.7" };
      const iins = testIins(22, 7300, "1970-01-01"); // other accounts each time: only the address is counted up
      const outcomes = [];
      for (let i = 0; i < 22; i++) outcomes.push(await loginCitizen(new Request("http://localhost/login", { headers: ip }), iins[i % iins.length], "nope", new Date()));
      expect(outcomes.at(-1)).toMatchObject({ ok: false, error: "throttled" });
    });

    it("the sign-in form answers 429 with the wait in minutes", async () => {
      const who = citizen("member_has_asp");
      const csrf = await csrfFor(null);
      const attempt = () =>
        outcome(() =>
          loginAction({
            request: requestAs(csrf.cookie, "/login", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Komek-Client-Ip": "198.51.100.9" }, body: new URLSearchParams({ iin: who.iin, password: "x", csrf: csrf.token }) }),
            params: {},
            context: {},
          }),
        );
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await attempt());
      expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(results[5].body).toMatchObject({ errors: { password: expect.stringContaining("auth:errors.throttled") } });
    });

    it("60 parallel one-time-code guesses: at most 5 are compared, then even the right code is refused", async () => {
      let code = "";
      const iin = citizen("eligible_portal_kk").iin;
      await sendOtp(fresh.db, { iin, purpose: "mobile_number", phone: "+77015550107", language: "kk", render: (c) => ((code = c), `код ${c}`), now: new Date() });
      const wrongCode = code === "000000" ? "111111" : "000000";
      const answers = await Promise.all(Array.from({ length: 60 }, () => checkOtp(fresh.db, { iin, purpose: "mobile_number", code: wrongCode, now: new Date() })));
      expect(answers.filter((a) => !a.ok && a.error === "wrong")).toHaveLength(4);
      const [row] = await q<{ attempts: number }>(`select attempts from otp_codes where iin = $1 and used_at is null order by id desc limit 1`, [iin]);
      expect(row.attempts).toBe(5);
      expect(await checkOtp(fresh.db, { iin, purpose: "mobile_number", code, now: new Date() })).toEqual({ ok: false, error: "expired" });
    });
  });

  describe("case roles only in district offices", () => {
    let caseId: string;
    const cookies: Record<string, string> = {};
    beforeAll(async () => {
      caseId = (await registerDemoCase(fresh.db, citizen("deciding_demo").iin)).applicationId;
      for (const [login, role, office] of [["ministry.specialist", "specialist", "ministry"], ["ministry.head", "head", "ministry"], ["cc.head", "head", "contact-centre"]] as const) {
        await upsertStaff(fresh.db, { login, iin: "800101300011", fullNameRu: login, fullNameKk: login, role, officeCode: office, passwordHash: "scrypt$x" });
      }
      for (const login of ["ministry.specialist", "ministry.head", "cc.head", "nura.specialist", "nura.head", "admin", "cc.agent"]) {
        const [s] = await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, login));
        cookies[login] = await sessionCookie({ kind: "staff", staffId: s.id });
      }
    });
    const open = (loader: (args: LoaderFunctionArgs) => Promise<unknown>, who: string, suffix = "") =>
      outcome(() => loader({ request: requestAs(cookies[who], `/staff/cases/${caseId}${suffix}`), params: { id: caseId }, context: {} }));

    it("a national office's specialist or head cannot open, work on or sign a district's case", async () => {
      for (const who of ["ministry.specialist", "ministry.head", "cc.head"]) expect((await open(caseLoader, who)).status).toBe(404);
      expect((await open(incomeStepLoader, "ministry.specialist", "/income")).status).toBe(404);
      expect((await open(signLoader, "ministry.head", "/sign")).status).toBe(404);
      // The district's own staff still can.
      expect((await open(caseLoader, "nura.specialist")).status).toBe(200);
      expect((await open(signLoader, "nura.head", "/sign")).status).not.toBe(404);
    });

    it("national roles read only what their role needs: no cases and no country-wide journal", async () => {
      expect((await open(caseLoader, "admin")).status).toBe(403);
      expect((await open(caseLoader, "cc.agent")).status).toBe(403);
      for (const who of ["admin", "ministry.specialist", "cc.agent"]) {
        const home = await outcome(() => staffHomeLoader({ request: requestAs(cookies[who], "/staff"), params: {}, context: {} }));
        expect((home.body as { journal: unknown }).journal).toBeNull();
      }
      const district = await outcome(() => staffHomeLoader({ request: requestAs(cookies["nura.specialist"], "/staff"), params: {}, context: {} }));
      expect((district.body as { journal: unknown }).journal).not.toBeNull();
    });
  });

  describe("form tokens, cookies and headers", () => {
    afterEach(() => {
      delete process.env.PUBLIC_BASE_URL;
      resetEnv();
    });

    it("binds the form token to the session: another session's token, or the one from before sign-in, is refused", async () => {
      const draftId = (await getOrCreateDraft(fresh.db, "asp", APPLICANT.iin, new Date())).id;
      const ivan = await sessionCookie({ kind: "citizen", iin: APPLICANT.iin });
      const other = await csrfFor(await sessionCookie({ kind: "citizen", iin: STRANGER.iin }));
      const anonymous = await csrfFor(null);
      const ownToken = (await csrfFor(ivan)).token;
      expect(ownToken).not.toBe(other.token);
      const postWith = (token: string, cookie: string) =>
        outcome(() =>
          membersAction({
            request: requestAs(cookie, "", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ intent: "confirm", csrf: token }) }),
            params: { id: draftId },
            context: {},
          }),
        );
      expect((await postWith(other.token, ivan)).status).toBe(403);
      // A fixed pre-sign-in pair (cookie and token) no longer works once a session is there.
      expect((await postWith(anonymous.token, `${ivan}; ${anonymous.cookie}`)).status).toBe(403);
      expect((await postWith(ownToken, ivan)).status).toBe(400); // past the token: the confirm box is missing
    });

    it("over https: __Host- cookies with Secure, and HSTS; over http: plain names, no HSTS", async () => {
      process.env.PUBLIC_BASE_URL = "https://komek.example.kz";
      resetEnv();
      const secure = await startSession(new Request("http://localhost/login", { method: "POST" }), { kind: "citizen", iin: IVAN.iin }, "/cabinet");
      const cookie = secure.headers.get("Set-Cookie")!;
      expect(cookie).toMatch(/^__Host-komek_session=/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
      const csrf = await getCsrfToken(new Request("http://localhost/"));
      expect(csrf.setCookie).toMatch(/^__Host-komek_csrf=.*; Secure/);
      const page = await get(cookie.split(";")[0], "/cabinet/access");
      expect(page.status).toBe(200);
      expect(page.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);

      delete process.env.PUBLIC_BASE_URL;
      resetEnv();
      const plain = await startSession(new Request("http://localhost/login", { method: "POST" }), { kind: "citizen", iin: IVAN.iin }, "/cabinet");
      expect(plain.headers.get("Set-Cookie")).toMatch(/^komek_session=/);
      const dev = await get(plain.headers.get("Set-Cookie")!.split(";")[0], "/cabinet/access");
      expect(dev.headers.get("Strict-Transport-Security")).toBeNull();
    });

    it("a nonce-based CSP without 'unsafe-inline' scripts, every inline script carrying the nonce; no-store on pages and .data", async () => {
      const ivan = await sessionCookie({ kind: "citizen", iin: IVAN.iin });
      const page = await get(ivan, "/cabinet/access");
      const csp = page.headers.get("Content-Security-Policy")!;
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
      const scripts = [...page.text.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attrs of scripts.filter((a) => !/\bsrc=/.test(a))) expect(attrs).toContain(`nonce="${nonce}"`);
      expect(page.headers.get("Cache-Control")).toBe("no-store");
      const second = await get(ivan, "/cabinet/access");
      expect(second.headers.get("Content-Security-Policy")).not.toContain(nonce);
      const data = await get(ivan, "/cabinet/access.data");
      expect(data.status).toBe(200);
      expect(data.headers.get("Cache-Control")).toBe("no-store");
    });
  });

  describe("400, not 500, for bad bodies", () => {
    let draftId: string;
    let ivan: string;
    beforeAll(async () => {
      draftId = (await getOrCreateDraft(fresh.db, "asp", APPLICANT.iin, new Date())).id;
      ivan = await sessionCookie({ kind: "citizen", iin: APPLICANT.iin });
    });
    const send = async (body: BodyInit, contentType: string) => {
      const csrf = await csrfFor(ivan);
      return outcome(() =>
        membersAction({ request: requestAs(csrf.cookie, "", { method: "POST", headers: { "Content-Type": contentType }, body }), params: { id: draftId }, context: {} }),
      );
    };

    it.each([
      ["a NUL byte in a field", () => `intent=add&iin=%00&relation=child`, "application/x-www-form-urlencoded"],
      ["an over-long value", () => `intent=add&relation=child&iin=${"9".repeat(70 * 1024)}`, "application/x-www-form-urlencoded"],
      ["a multipart body that does not parse", () => "--x\r\nContent-Disposition: form-data; name=\"iin\"\r\n\r\n1", "multipart/form-data; boundary=y"],
    ])("%s", async (_name, body, contentType) => {
      const r = await send(body(), contentType);
      expect(r.status).toBe(400);
      const text = await (r.body as Response | undefined)?.text?.();
      if (text) expect(text).toMatch(/[а-я]/i);
    });
  });
});
