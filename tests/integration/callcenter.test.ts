import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { upsertOffice, upsertStaff } from "../../db/queries/accounts";
import { insertLookup } from "../../db/queries/callcenter";
import { callcenterLookups, dataAccessLog, incomes, persons, registrations, staffAccounts, bankAccounts, mobileNumbers } from "../../db/schema";
import { createLookupDemo, DEMO_OFFER_FIGURES, type LookupDemo } from "../../app/callcenter/demo-fixture.server";
import { lookUp } from "../../app/callcenter/lookup.server";
import { recordAccess, recordCaseAccess } from "../../app/audit/access.server";
import { loader as consoleLoader, action as consoleAction } from "../../app/routes/callcenter";
import { loader as historyLoader } from "../../app/routes/callcenter_.history";
import { loader as adminLoader } from "../../app/routes/admin.lookups";
import { loader as csvLoader } from "../../app/routes/admin.lookups[.]csv";
import { loader as accessLoader } from "../../app/routes/cabinet.access";
import { loader as caseLoader } from "../../app/routes/staff.cases.$id";
import { kzDate } from "../../app/domain/kz-time";
import type { ShownSummary } from "../../app/callcenter/summary";
import type { StaffUser } from "../../app/session.server";
import { outcome, requestAs, sessionCookie } from "../support/session";
import { testIins } from "../support/people";
import { get, post, withCsrf } from "./callcenter-app";

/** Kazakh-only letters: a page with one of them speaks Kazakh. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

describe("the 1414 status console", () => {
  let fresh: FreshDb;
  let demo: LookupDemo;
  let cookies: Record<string, string>;
  let staffIds: Record<string, number>;

  beforeAll(async () => {
    // The suite makes more look-ups than an agent may in a minute; the limit has its own tests below.
    process.env.CALLCENTER_MAX_LOOKUPS_PER_MINUTE = "1000";
    fresh = await createFreshDb();
    setDb(fresh);
    const today = kzDate(new Date());
    await seedDemoIfEmpty(fresh.db, { referenceDate: today, generatedPersons: 150 });
    await seedAccounts(fresh.db);
    await upsertStaff(fresh.db, {
      login: "cc.second", iin: "830617440012", fullNameRu: "Второй Оператор", fullNameKk: "Екінші Оператор",
      role: "callcenter", officeCode: "contact-centre", passwordHash: "x",
    });
    demo = await createLookupDemo(fresh.db);
    const rows = await fresh.db.select({ id: staffAccounts.id, login: staffAccounts.login }).from(staffAccounts);
    staffIds = Object.fromEntries(rows.map((r) => [r.login, r.id]));
    const staff = async (login: string) => sessionCookie({ kind: "staff", staffId: staffIds[login] });
    cookies = {
      agent: await staff("cc.agent"),
      second: await staff("cc.second"),
      admin: await staff("admin"),
      specialist: await staff("nura.specialist"),
      commission: await staff("nura.commission"),
      head: await staff("nura.head"),
      citizen: await sessionCookie({ kind: "citizen", iin: demo.portal.iin }),
    };
  });
  afterAll(async () => {
    delete process.env.CALLCENTER_MAX_LOOKUPS_PER_MINUTE;
    await fresh.drop();
  });

  /** Looks up through the page as a browser without JavaScript would: POST, follow the redirect. */
  async function lookUpAs(session: string, fields: { iin?: string; number?: string; speak?: string; callReference?: string }, url = "/callcenter") {
    const { token, cookie } = await withCsrf(session);
    const posted = await post(cookie, url, {
      csrf: token, callReference: fields.callReference ?? "CC-2026-000777", iin: fields.iin ?? "", number: fields.number ?? "", speak: fields.speak ?? "ru",
    });
    if (posted.status !== 302) return { posted, page: null };
    const page = await get(session, posted.location!);
    // The form token is random: drop it so a digit run in it cannot pass for a leaked number.
    return { posted, page: { ...page, text: page.text.replace(/name="csrf" value="[^"]*"/g, "") } };
  }

  const lookupCount = async () => (await fresh.db.select({ n: sql<number>`count(*)::int` }).from(callcenterLookups))[0].n;

  describe("who may use it", () => {
    it("sends a visitor who is not signed in to the staff sign-in, and back afterwards", async () => {
      const r = await outcome(() => consoleLoader({ request: requestAs(null, "/callcenter"), params: {}, context: {} }));
      expect(r.status).toBe(302);
      expect(r.location).toBe("/staff/login?redirectTo=%2Fcallcenter");
    });

    it("sends a signed-in citizen to the staff sign-in", async () => {
      const r = await outcome(() => consoleLoader({ request: requestAs(cookies.citizen, "/callcenter"), params: {}, context: {} }));
      expect(r.status).toBe(302);
      expect(r.location).toMatch(/^\/staff\/login/);
    });

    it.each(["specialist", "commission", "head"])("refuses a %s with 403, for reading and for looking up", async (role) => {
      const read = await outcome(() => consoleLoader({ request: requestAs(cookies[role], "/callcenter"), params: {}, context: {} }));
      expect(read.status).toBe(403);
      const before = await lookupCount();
      const { token, cookie } = await withCsrf(cookies[role]);
      const body = new URLSearchParams({ csrf: token, callReference: "CC-1", iin: demo.portal.iin, number: "", speak: "ru" });
      const write = await outcome(() =>
        consoleAction({ request: requestAs(cookie, "/callcenter", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } }), params: {}, context: {} }),
      );
      expect(write.status).toBe(403);
      expect(await lookupCount()).toBe(before);
      const history = await outcome(() => historyLoader({ request: requestAs(cookies[role], "/callcenter/history"), params: {}, context: {} }));
      expect(history.status).toBe(403);
    });

    it("lets the agent and the admin in", async () => {
      for (const who of ["agent", "admin"]) {
        const r = await outcome(() => consoleLoader({ request: requestAs(cookies[who], "/callcenter"), params: {}, context: {} }));
        expect(r.status).toBe(200);
      }
    });

    it("keeps the look-up log of everyone for the admin alone", async () => {
      for (const who of ["agent", "specialist"]) {
        expect((await outcome(() => adminLoader({ request: requestAs(cookies[who], "/admin/lookups"), params: {}, context: {} }))).status).toBe(403);
        expect((await outcome(() => csvLoader({ request: requestAs(cookies[who], "/admin/lookups.csv"), params: {}, context: {} }))).status).toBe(403);
      }
      expect((await outcome(() => adminLoader({ request: requestAs(cookies.admin, "/admin/lookups"), params: {}, context: {} }))).status).toBe(200);
    });

    it("is never linked from staff pages", () => {
      const dir = path.resolve("app/routes");
      const staffFiles = [
        ...fs.readdirSync(dir).filter((f) => f.startsWith("staff")).map((f) => path.join(dir, f)),
        ...fs.readdirSync(path.resolve("app/staff"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)),
      ];
      expect(staffFiles.length).toBeGreaterThan(2);
      for (const file of staffFiles) expect(fs.readFileSync(file, "utf8"), file).not.toMatch(/["'`]\/callcenter/);
    });
  });

  describe("a look-up", () => {
    it("needs a call reference, and records nothing without one", async () => {
      const before = await lookupCount();
      const { posted } = await lookUpAs(cookies.agent, { iin: demo.portal.iin, callReference: "  " });
      expect(posted.status).toBe(400);
      expect(posted.text).toContain("Введите номер звонка");
      expect(posted.text).toContain('href="#callReference"');
      expect(await lookupCount()).toBe(before);
    });

    it.each([
      ["an IIN with a wrong check digit", { iin: "900512440018" }, "Такого ИИН не существует"],
      ["an IIN with letters", { iin: "90051244OO17" }, "ИИН должен состоять из 12 цифр"],
      ["neither an IIN nor a number", {}, "Введите ИИН или регистрационный номер"],
      ["both an IIN and a number", { iin: "900512440017", number: "ASP26-000001" }, "Заполните что-то одно"],
      ["a malformed registration number", { number: "26-1" }, "Регистрационный номер выглядит так"],
    ])("refuses %s with a message that says what to do", async (_case, fields, message) => {
      const { posted } = await lookUpAs(cookies.agent, fields);
      expect(posted.status).toBe(400);
      expect(posted.text).toContain(message);
    });

    it("shows the portal application in Russian: status, stage, channel, dates, next step, initials and account's last 4", async () => {
      const { page } = await lookUpAs(cookies.agent, { iin: demo.portal.iin, speak: "ru" });
      expect(page!.status).toBe(200);
      const html = page!.text;
      expect(html).toContain(demo.portal.registrationNumber);
      expect(html).toContain("Зарегистрировано");
      expect(html).toContain("1 из 8");
      expect(html).toContain("Портал");
      expect(html).toContain("В срок");
      expect(html).toContain("Ничего делать не нужно. Заявление передаётся в участковую комиссию.");
      const [p] = await fresh.db.select().from(persons).where(eq(persons.iin, demo.portal.iin));
      const initials = [p.firstNameRu, p.patronymicRu, p.lastNameRu].filter(Boolean).map((s) => `${s![0]}.`).join(" ");
      expect(html).toContain(`Заявитель: ${initials}`);
      const [account] = await fresh.db.select().from(bankAccounts).where(eq(bankAccounts.iin, demo.portal.iin));
      if (account) expect(html).toContain(`•••• ${account.iban.slice(-4)}`);
    });

    it("shows the proactive offer: SMS delivered, awaiting the reply, and until when", async () => {
      const { page } = await lookUpAs(cookies.agent, { iin: demo.offer.iin, speak: "ru" });
      const html = page!.text;
      expect(html).toContain("Доставлено");
      expect(html).toContain("Ожидается ответ");
      expect(html).toContain("Ждём согласия на обследование");
      expect(html).toContain("Ответьте на SMS до");
    });

    it("answers in Kazakh when the call is in Kazakh, whatever the page's language, without a new look-up", async () => {
      const { page, posted } = await lookUpAs(cookies.agent, { iin: demo.portal.iin, speak: "kk" });
      expect(posted.location).toMatch(/speak=kk$/);
      expect(page!.text).toContain("Тіркелді");
      expect(page!.text).toContain("Ештеңе істеудің қажеті жоқ");
      expect(page!.text).toContain('lang="kk"');
      // The form around it stays in the agent's language.
      expect(page!.text).toContain("Номер звонка");
      const before = await lookupCount();
      const toRussian = await get(cookies.agent, posted.location!.replace("speak=kk", "speak=ru"));
      expect(toRussian.text).toContain("Зарегистрировано");
      expect(await lookupCount()).toBe(before);
    });

    it("finds the same person by registration number", async () => {
      const { page } = await lookUpAs(cookies.agent, { number: demo.portal.registrationNumber.toLowerCase() });
      expect(page!.text).toContain(demo.portal.registrationNumber);
      expect(page!.text).toContain("Зарегистрировано");
      const [row] = await fresh.db.select().from(callcenterLookups).orderBy(sql`${callcenterLookups.id} desc`).limit(1);
      expect(row.queryKind).toBe("registration_number");
      expect(row.subjectIin).toBe(demo.portal.iin);
    });

    it("says plainly when nothing is found, and still records that the IIN was asked about", async () => {
      const [nobody] = testIins(1, 9100, "1961-02-03");
      const { page } = await lookUpAs(cookies.agent, { iin: nobody });
      expect(page!.text).toContain("По этому запросу ничего не найдено");
      const access = await fresh.db.select().from(dataAccessLog).where(eq(dataAccessLog.subjectIin, nobody));
      expect(access).toHaveLength(1);
      const [row] = await fresh.db.select().from(callcenterLookups).where(eq(callcenterLookups.query, nobody));
      expect(row.outcome).toBe("not_found");
    });

    it("does not show another agent's look-up, nor an old one", async () => {
      const { posted } = await lookUpAs(cookies.agent, { iin: demo.portal.iin });
      const asOther = await get(cookies.second, posted.location!);
      expect(asOther.text).not.toContain(demo.portal.registrationNumber);
      expect(asOther.text).toContain("больше не показывается");
    });
  });

  describe("least privilege", () => {
    /** Everything the console must never show about the people of these households. */
    async function secretsOf(iins: string[]) {
      const household = await fresh.db.select().from(persons).where(inArray(persons.householdId, sql`(select household_id from registry.persons where iin in (${sql.join(iins.map((i) => sql`${i}`), sql`, `)}))`));
      const all = household.map((p) => p.iin);
      const [addr, inc, accounts, phones] = await Promise.all([
        fresh.db.select().from(registrations).where(inArray(registrations.iin, all)),
        fresh.db.select().from(incomes).where(inArray(incomes.iin, all)),
        fresh.db.select().from(bankAccounts).where(inArray(bankAccounts.iin, all)),
        fresh.db.select().from(mobileNumbers).where(inArray(mobileNumbers.iin, all)),
      ]);
      return {
        iins: all,
        names: household.flatMap((p) => [p.firstNameRu, p.lastNameRu, p.firstNameKk, p.lastNameKk, p.patronymicRu, p.patronymicKk]).filter((n): n is string => !!n && n.length > 2),
        addresses: addr.flatMap((r) => [r.addressRu, r.addressKk]),
        // Amounts as a page could print them: plain and grouped by thousands.
        incomes: inc.filter((i) => i.amount >= 1000).flatMap((i) => [String(i.amount), i.amount.toLocaleString("ru-RU")]),
        ibans: accounts.map((a) => a.iban),
        phones: phones.flatMap((m) => [m.phone, m.phone.slice(1)]),
      };
    }

    it.each(["ru", "kk"])("never puts an income, an address, a member's IIN, a full name, an IBAN or a phone into the console's HTML (%s)", async (speak) => {
      for (const iin of [demo.portal.iin, demo.offer.iin]) {
        const { page } = await lookUpAs(cookies.agent, { iin, speak });
        const html = page!.text;
        expect(html).toContain(speak === "kk" ? "Жауап тілі" : "Язык ответа");
        const secrets = await secretsOf([iin]);
        expect(secrets.addresses.length).toBeGreaterThan(0);
        expect(secrets.iins.length).toBeGreaterThan(1);
        // The person's own IIN too: the answer repeats only its last four digits.
        for (const value of secrets.iins) expect(html, `IIN ${value}`).not.toContain(value);
        for (const value of secrets.addresses) expect(html, `address ${value}`).not.toContain(value);
        for (const value of secrets.incomes) expect(html, `income ${value}`).not.toContain(value);
        for (const value of secrets.names) expect(html, `name ${value}`).not.toContain(value);
        for (const value of secrets.ibans) expect(html, `IBAN ${value}`).not.toContain(value);
        for (const value of secrets.phones) expect(html, `phone ${value}`).not.toContain(value);
        for (const value of Object.values(DEMO_OFFER_FIGURES)) expect(html).not.toContain(String(value));
      }
    });

    it("stores as 'shown' no more than the page showed", async () => {
      await lookUpAs(cookies.agent, { iin: demo.portal.iin });
      const [row] = await fresh.db.select().from(callcenterLookups).orderBy(sql`${callcenterLookups.id} desc`).limit(1);
      const stored = JSON.stringify(row.shown);
      for (const value of (await secretsOf([demo.portal.iin])).iins) expect(stored).not.toContain(value);
      const shown = row.shown as ShownSummary;
      expect(shown.applications[0]).toMatchObject({ number: demo.portal.registrationNumber, status: "registered", channel: "portal", overdue: false });
    });
  });

  describe("accountability", () => {
    it("records every look-up: agent, time, call, query, language and what was shown; and the person's data-access log", async () => {
      const before = await lookupCount();
      const accessBefore = (await fresh.db.select().from(dataAccessLog).where(eq(dataAccessLog.subjectIin, demo.offer.iin))).length;
      const started = Date.now();
      for (let i = 0; i < 3; i++) await lookUpAs(cookies.agent, { iin: demo.offer.iin, callReference: `CC-AUDIT-${i}`, speak: i % 2 ? "kk" : "ru" });
      expect(await lookupCount()).toBe(before + 3);
      const rows = await fresh.db.select().from(callcenterLookups).where(sql`${callcenterLookups.callReference} like 'CC-AUDIT-%'`).orderBy(callcenterLookups.id);
      expect(rows.map((r) => [r.agentId, r.callReference, r.queryKind, r.query, r.language, r.outcome, r.subjectIin])).toEqual([
        [staffIds["cc.agent"], "CC-AUDIT-0", "iin", demo.offer.iin, "ru", "found", demo.offer.iin],
        [staffIds["cc.agent"], "CC-AUDIT-1", "iin", demo.offer.iin, "kk", "found", demo.offer.iin],
        [staffIds["cc.agent"], "CC-AUDIT-2", "iin", demo.offer.iin, "ru", "found", demo.offer.iin],
      ]);
      for (const r of rows) {
        expect(r.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
        expect((r.shown as ShownSummary).offers[0]).toMatchObject({ delivery: "delivered", answer: "awaiting_reply", stage: "offered" });
      }
      const access = await fresh.db.select().from(dataAccessLog).where(eq(dataAccessLog.subjectIin, demo.offer.iin));
      expect(access.length).toBe(accessBefore + 3);
      expect(access.at(-1)).toMatchObject({ actorRole: "callcenter", actorId: staffIds["cc.agent"], purpose: "callcenter_lookup", reference: "CC-AUDIT-2" });
    });

    it("keeps the logs append-only", async () => {
      await expect(fresh.db.update(callcenterLookups).set({ callReference: "edited" })).rejects.toThrow();
      await expect(fresh.db.delete(dataAccessLog)).rejects.toThrow();
    });

    it("shows the agent their own history, with IINs masked", async () => {
      const r = await outcome(() => historyLoader({ request: requestAs(cookies.agent, "/callcenter/history"), params: {}, context: {} }));
      const body = r.body as { rows: { agentLogin: string; query: string; callReference: string }[] };
      expect(body.rows.length).toBeGreaterThan(0);
      expect(new Set(body.rows.map((x) => x.agentLogin))).toEqual(new Set(["cc.agent"]));
      expect(body.rows.some((x) => x.query === `••••••••${demo.offer.iin.slice(-4)}`)).toBe(true);
      expect(body.rows.some((x) => x.query === demo.offer.iin)).toBe(false);
    });

    it("lets the admin filter everyone's look-ups by agent", async () => {
      await lookUpAs(cookies.second, { iin: demo.portal.iin, callReference: "CC-SECOND-1" });
      const page = await get(cookies.admin, "/admin/lookups?agent=cc.second");
      expect(page.status).toBe(200);
      expect(page.text).toContain("CC-SECOND-1");
      expect(page.text).not.toContain("CC-AUDIT-0");
    });

    it("exports the log as CSV, escaped and safe to open in a spreadsheet", async () => {
      await insertLookup(fresh.db, {
        agentId: staffIds["cc.second"], at: new Date(), callReference: '=HYPERLINK("http://evil","x")', queryKind: "iin",
        query: "+77010000000", language: "ru", outcome: "not_found", subjectIin: null, shown: { version: 1, subject: null, applications: [], offers: [] },
      });
      const csv = await get(cookies.admin, "/admin/lookups.csv?agent=cc.second");
      expect(csv.status).toBe(200);
      expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("Content-Disposition")).toMatch(/attachment/);
      const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toBe("id,at,agent_login,agent_role,call_reference,query_kind,query,answer_language,outcome,subject_iin,shown");
      expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
      expect(csv.text).toContain(",'+77010000000,");
      expect(csv.text).toContain("CC-SECOND-1");
      expect(csv.text).not.toContain("CC-AUDIT-0");
    });
  });

  describe("the per-minute limit", () => {
    const agent = () => ({ id: staffIds["cc.second"], role: "callcenter" as const });
    const query = () => ({ kind: "iin" as const, iin: demo.portal.iin });

    it("refuses the look-up after the limit, logs the refusal, and allows again once the minute has passed", async () => {
      const t0 = new Date(Date.now() + 3_600_000);
      const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
      const results = [];
      for (const s of [0, 10, 20, 30]) {
        results.push(await lookUp(fresh.db, { agent: agent(), callReference: `CC-RATE-${s}`, query: query(), language: "ru", now: at(s), maxPerMinute: 3 }));
      }
      expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
      expect(results[3]).toEqual({ ok: false, reason: "rate_limited", limit: 3, retryAfterSeconds: 30 });
      const [refusal] = await fresh.db.select().from(callcenterLookups).where(eq(callcenterLookups.callReference, "CC-RATE-30"));
      expect(refusal).toMatchObject({ outcome: "rate_limited", shown: null, subjectIin: null, query: demo.portal.iin });
      // Refusals do not count against the agent: at 61 s the first look-up has left the window.
      const later = await lookUp(fresh.db, { agent: agent(), callReference: "CC-RATE-61", query: query(), language: "ru", now: at(61), maxPerMinute: 3 });
      expect(later.ok).toBe(true);
    });

    it("holds under simultaneous requests", async () => {
      const now = new Date(Date.now() + 7_200_000);
      const all = await Promise.all(
        Array.from({ length: 8 }, (_, i) => lookUp(fresh.db, { agent: agent(), callReference: `CC-BURST-${i}`, query: query(), language: "ru", now, maxPerMinute: 5 })),
      );
      expect(all.filter((r) => r.ok)).toHaveLength(5);
      const rows = await fresh.db.select().from(callcenterLookups).where(sql`${callcenterLookups.callReference} like 'CC-BURST-%'`);
      expect(rows.filter((r) => r.outcome === "rate_limited")).toHaveLength(3);
    });

    it("answers 429 with a clear message in the agent's language (CALLCENTER_MAX_LOOKUPS_PER_MINUTE)", async () => {
      process.env.CALLCENTER_MAX_LOOKUPS_PER_MINUTE = "1";
      try {
        await lookUpAs(cookies.second, { iin: demo.portal.iin, callReference: "CC-429-A" }, "/callcenter?lng=kk");
        const { posted } = await lookUpAs(cookies.second, { iin: demo.portal.iin, callReference: "CC-429-B" }, "/callcenter?lng=kk");
        expect(posted.status).toBe(429);
        expect(Number(posted.headers.get("Retry-After"))).toBeGreaterThan(0);
        expect(posted.text).toContain("Сұрау тым көп: бір минутта ең көбі 1 сұрау жасауға болады");
        expect(posted.text).toMatch(KAZAKH_LETTERS);
        const [row] = await fresh.db.select().from(callcenterLookups).where(eq(callcenterLookups.callReference, "CC-429-B"));
        expect(row.outcome).toBe("rate_limited");
      } finally {
        process.env.CALLCENTER_MAX_LOOKUPS_PER_MINUTE = "1000";
      }
    });
  });

  describe("who looked at my data", () => {
    it("shows the citizen each look-up with date, role and purpose, but not the agent's name", async () => {
      await lookUpAs(cookies.agent, { iin: demo.portal.iin, callReference: "CC-CITIZEN-1" });
      const page = await get(cookies.citizen, "/cabinet/access");
      expect(page.status).toBe(200);
      expect(page.text).toContain("Оператор контакт-центра 1414");
      expect(page.text).toContain("Ответ на звонок в контакт-центр 1414 о статусе заявления");
      expect(page.text).toContain("CC-CITIZEN-1");
      for (const name of ["Исаева", "Динара", "cc.agent"]) expect(page.text).not.toContain(name);
    });

    it("includes staff who opened the case, for the applicant and each family member", async () => {
      const [app] = await fresh.query<{ id: string; applicant_iin: string; registration_number: string }>(
        `select id, applicant_iin, registration_number from applications where registration_number = $1`, [demo.portal.registrationNumber],
      );
      const [admin] = await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, "admin"));
      const user = { kind: "staff", staff: admin, office: { code: "ministry", nameRu: "", nameKk: "", katoPrefix: "" }, sessionHash: "" } as StaffUser;
      await recordCaseAccess(user, { id: app.id, applicantIin: app.applicant_iin, registrationNumber: app.registration_number });
      for (const iin of [demo.portal.iin, ...demo.portal.memberIins]) {
        const rows = await fresh.db.select().from(dataAccessLog).where(eq(dataAccessLog.subjectIin, iin));
        expect(rows.some((r) => r.purpose === "case_processing" && r.actorRole === "admin" && r.reference === demo.portal.registrationNumber)).toBe(true);
      }
      const r = await outcome(() => accessLoader({ request: requestAs(cookies.citizen, "/cabinet/access"), params: {}, context: {} }));
      const entries = (r.body as { entries: { purpose: string; role: string }[] }).entries;
      expect(entries.map((e) => e.purpose)).toEqual(expect.arrayContaining(["case_processing", "callcenter_lookup"]));
      // Date, role, purpose and reference: nothing that names or identifies the employee.
      for (const e of entries) expect(Object.keys(e).sort()).toEqual(["count", "first", "id", "last", "purpose", "reference", "role"]);
    });

    it("groups a case page opened twenty times in two minutes into one row (issue 17, item 10)", async () => {
      const [app] = await fresh.query<{ id: string; applicant_iin: string; registration_number: string }>(
        `select id, applicant_iin, registration_number from applications where registration_number = $1`, [demo.portal.registrationNumber],
      );
      const [admin] = await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, "admin"));
      const start = Date.now() + 3_600_000; // newer than anything recorded so far
      for (let i = 0; i < 20; i++) {
        await recordAccess(
          { subjectIin: app.applicant_iin, actorRole: "admin", actorId: admin.id, purpose: "case_processing", reference: "GROUP-TEST" },
          { now: new Date(start + i * 6_000) },
        );
      }
      const r = await outcome(() => accessLoader({ request: requestAs(cookies.citizen, "/cabinet/access"), params: {}, context: {} }));
      const entries = (r.body as { entries: { reference: string | null; count: number }[] }).entries;
      const rows = entries.filter((e) => e.reference === "GROUP-TEST");
      expect(rows, JSON.stringify(entries.slice(0, 6))).toHaveLength(1);
      expect(rows[0].count).toBe(20);
    });

    it("records a staff member opening the case page", async () => {
      const [app] = await fresh.query<{ id: string; kato_code: string }>(`select id, kato_code from applications where registration_number = $1`, [demo.portal.registrationNumber]);
      // Cases are opened in the district office that serves the family's settlement (issue 12).
      await upsertOffice(fresh.db, { code: "case-district", nameRu: "Отдел района", nameKk: "Аудан бөлімі", katoPrefix: app.kato_code });
      const specialist = await upsertStaff(fresh.db, {
        login: "case.specialist", iin: "830617440012", fullNameRu: "Специалист Района", fullNameKk: "Аудан Маманы", role: "specialist", officeCode: "case-district", passwordHash: "x",
      });
      const cookie = await sessionCookie({ kind: "staff", staffId: specialist.id });
      const before = (await fresh.db.select().from(dataAccessLog).where(eq(dataAccessLog.purpose, "case_processing"))).length;
      const r = await outcome(() => caseLoader({ request: requestAs(cookie, `/staff/cases/${app.id}`), params: { id: app.id }, context: {} }));
      expect(r.status).toBe(200);
      const after = await fresh.db.select().from(dataAccessLog).where(eq(dataAccessLog.purpose, "case_processing"));
      expect(after.length - before).toBe(1 + demo.portal.memberIins.length);
    });

    it("sends someone who is not signed in as a citizen to the citizen sign-in", async () => {
      const r = await outcome(() => accessLoader({ request: requestAs(cookies.agent, "/cabinet/access"), params: {}, context: {} }));
      expect(r.status).toBe(302);
      expect(r.location).toMatch(/^\/login/);
    });
  });
});
