/**
 * Issue 16: paper applications at the employment Centre and by the village akim, against the real
 * database — the portal's registration path (7-1 checks, journal, one live case per person), the talon
 * naming the specialist, scans (type by bytes, size, sha256, who may read them), consent by paper or by
 * a one-time code counted atomically, the akim's territory and forwarding, the decision SMS in the
 * language chosen at the desk, the printed notice. Wrong input changes nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { createDemoPki } from "../../app/signature/demo-keys.server";
import { clearTrustCache } from "../../app/signature/trust.server";
import {
  applicationEvents, applications, caseTransitions, intakeScans, intakes, otpCodes, registrationJournal, smsMessages, staffAccounts,
} from "../../db/schema";
import * as index from "../../app/routes/staff.intake._index";
import * as page from "../../app/routes/staff.intake.$id";
import * as talon from "../../app/routes/staff.intake.$id_.talon";
import * as citizenTalon from "../../app/routes/applications.$id.talon";
import * as citizenStatus from "../../app/routes/applications.$id._index";
import * as scans from "../../app/routes/scans.$id";
import * as print from "../../app/routes/notices.$id_.print";
import { decideDemoCase } from "../../app/staff/demo-decide.server";
import { caseDueDate } from "../../app/services/register.server";
import { aspDefinition } from "../../app/services/asp/definition";
import { registerDemoCase } from "../../app/staff/demo-case.server";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import { csrfFor, outcome, requestAs, sessionCookie } from "../support/session";

const CENTRE_RU = { iin: "840315343010", phone: "+77015550131" }; // registry prefers kk; chooses ru at the desk
const CENTRE_KK = { iin: "910621443026", phone: "+77015550132" }; // registry prefers ru; chooses kk at the desk
const VILLAGER = { iin: "791102343033", phone: "+77015550133" }; // Zharaspai village
const TOWNSMAN = "861022340019"; // deciding_demo: lives in Nura town, outside the village akim's territory
const AIGERIM = "900512440017";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

type Route = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

describe("paper applications at the Centre and the akim", () => {
  let fresh: FreshDb;
  let dataDir: string;
  const cookies: Record<string, string> = {};
  const tokens: Record<string, { token: string; cookie: string }> = {};

  const get = (route: Route, who: string, url: string, params: Record<string, string> = {}) =>
    outcome(() => (route.loader as (a: unknown) => Promise<unknown>)({ request: requestAs(tokens[who].cookie, url), params, context: {} }));
  const post = (route: Route, who: string, url: string, params: Record<string, string>, fields: Record<string, string | string[] | Blob>, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) => {
    const form = new FormData();
    if (opts.csrf !== false) form.set("csrf", tokens[who].token);
    for (const [k, v] of Object.entries(fields)) {
      if (v instanceof Blob) form.append(k, v, (v as File).name ?? "scan");
      else for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
    }
    return outcome(() => (route.action as (a: unknown) => Promise<unknown>)({ request: requestAs(tokens[who].cookie, url, { method: "POST", body: form, headers: opts.headers }), params, context: {} }));
  };
  const errorsOf = (r: { body?: unknown }) => (r.body as { errors: Record<string, string> }).errors;
  const countApps = async (iin: string) => (await fresh.db.select({ n: sql<number>`count(*)::int` }).from(applications).where(eq(applications.applicantIin, iin)))[0].n;
  const idFrom = (location: string | null | undefined) => /\/staff\/intake\/([0-9a-f-]{36})$/.exec(location ?? "")![1];
  const lastCode = async (phone: string) => {
    const [m] = await fresh.db.select({ body: smsMessages.body }).from(smsMessages).where(and(eq(smsMessages.phone, phone), eq(smsMessages.purpose, "otp"))).orderBy(desc(smsMessages.id)).limit(1);
    return /\b(\d{6})\b/.exec(m.body)![1];
  };
  const scanFile = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });

  /** Start, family, incomes, payment, a document scan: everything but consent and registration. */
  async function prepare(who: string, iin: string, language: "ru" | "kk") {
    const started = await post(index, who, "/staff/intake", {}, { service: "asp", iin, language });
    expect(started.status).toBe(302);
    const id = idFrom(started.location);
    const url = `/staff/intake/${id}`;
    const view = (await get(page, who, url, { id })).body as { household: { iin: string }[]; accounts: { iban: string }[] };
    expect((await post(page, who, url, { id }, { intent: "family", member: view.household.map((m) => m.iin) })).status).toBe(302);
    expect((await post(page, who, url, { id }, { intent: "incomes", confirmed: "1" })).status).toBe(302);
    expect((await post(page, who, url, { id }, { intent: "payment", iban: view.accounts[0].iban })).status).toBe(302);
    expect((await post(page, who, url, { id }, { intent: "scan", kind: "document", file: scanFile(PDF, "passport.pdf") })).status).toBe(302);
    return { id, url };
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-intake-"));
    process.env.KOMEK_DATA_DIR = dataDir;
    await createDemoPki({ dir: path.join(dataDir, "pki") });
    clearTrustCache();
    fresh = await createFreshDb();
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
    await seedAccounts(fresh.db);
    for (const login of ["nura.centre", "zharaspai.akim", "nura.specialist", "nura.head"]) {
      const [row] = await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, login));
      cookies[login] = await sessionCookie({ kind: "staff", staffId: row.id });
    }
    cookies.aigerim = await sessionCookie({ kind: "citizen", iin: AIGERIM });
    for (const [who, cookie] of Object.entries(cookies)) tokens[who] = await csrfFor(cookie);
  });
  afterAll(async () => {
    await fresh.drop();
    delete process.env.KOMEK_DATA_DIR;
    clearTrustCache();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("the demo seed gives people who never used the portal no account, and the new roles their offices", async () => {
    const accounts = await fresh.db.execute(sql`select iin from citizen_accounts where iin in (${CENTRE_RU.iin}, ${CENTRE_KK.iin}, ${VILLAGER.iin})`);
    expect(rowsOf(accounts)).toHaveLength(0);
    const roles = await fresh.db.select({ login: staffAccounts.login, role: staffAccounts.role }).from(staffAccounts).where(sql`${staffAccounts.role} in ('centre_specialist', 'akim')`);
    expect(roles.map((r) => `${r.login}:${r.role}`).sort()).toEqual(["nura.centre:centre_specialist", "zharaspai.akim:akim"]);
  });

  it("refuses a malformed IIN, an unknown person and a missing form token, writing nothing", async () => {
    for (const iin of ["12345", "84031534301X", "840315343011"]) {
      const r = await post(index, "nura.centre", "/staff/intake", {}, { service: "asp", iin, language: "ru" });
      expect(r.status).toBe(400);
      expect(errorsOf(r).iin).toMatch(/^auth:errors\.iin/);
    }
    const unknown = await post(index, "nura.centre", "/staff/intake", {}, { service: "asp", iin: "000101500017", language: "ru" });
    expect(unknown.status).toBe(400);
    expect(await post(index, "nura.centre", "/staff/intake", {}, { service: "nope", iin: CENTRE_RU.iin, language: "ru" })).toMatchObject({ status: 400 });
    expect(await post(index, "nura.centre", "/staff/intake", {}, { service: "asp", iin: CENTRE_RU.iin, language: "ru" }, { csrf: false })).toMatchObject({ status: 403 });
    expect(await countApps(CENTRE_RU.iin)).toBe(0);
  });

  let centreId = "";
  let centreNumber = "";

  it("a Centre specialist files for a citizen by the portal's path: 7-1 checks, journal, talon with the specialist's name, 15 working days", async () => {
    const { id, url } = await prepare("nura.centre", CENTRE_RU.iin, "ru");
    centreId = id;
    // Registration without consent fails the completeness check and is kept as rejected_at_check.
    const early = await post(page, "nura.centre", url, { id }, { intent: "register" });
    expect(early.status).toBe(400);
    expect((early.body as { failures: { reason: string }[] }).failures.map((f) => f.reason)).toContain("consentMissing");

    // Consent by a code sent to the registered number; a wrong code is counted.
    expect((await post(page, "nura.centre", url, { id }, { intent: "consent_send" })).status).toBe(302);
    const code = await lastCode(CENTRE_RU.phone);
    const wrong = await post(page, "nura.centre", url, { id }, { intent: "consent_verify", code: code === "000000" ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong).code).toBe('intake:errors.codeWrong|{"left":4}');
    expect((await post(page, "nura.centre", url, { id }, { intent: "consent_verify", code })).status).toBe(302);

    const registered = await post(page, "nura.centre", url, { id }, { intent: "register" });
    expect(registered).toMatchObject({ status: 302, location: `${url}/talon` });
    const [app] = await fresh.db.select().from(applications).where(eq(applications.id, id));
    centreNumber = app.registrationNumber!;
    expect(app).toMatchObject({ status: "registered", channel: "centre", smsLanguage: "ru" });
    expect(app.dueDate).toBe(caseDueDate(aspDefinition, "centre", app.applicationDate!));
    const [journal] = await fresh.db.select().from(registrationJournal).where(eq(registrationJournal.applicationId, id));
    expect(journal).toMatchObject({ channel: "centre", registeredBy: "nura.centre", dueDate: app.dueDate });
    const [audit] = await fresh.db.select().from(caseTransitions).where(and(eq(caseTransitions.applicationId, id), eq(caseTransitions.action, "register")));
    expect(audit).toMatchObject({ actorKind: "staff", actorLabel: "nura.centre", actorRole: "centre_specialist" });

    const slip = await get(talon, "nura.centre", `${url}/talon`, { id });
    expect(slip.body).toMatchObject({ registrationNumber: centreNumber, acceptedBy: "Касымова Айнур Болатовна", dueDate: app.dueDate, deadline: { days: 15 } });
    expect(JSON.stringify(slip.body)).not.toContain("system");

    // A registered paper application is not edited any more.
    const late = await post(page, "nura.centre", url, { id }, { intent: "incomes", confirmed: "1" });
    expect(late.status).toBe(409);
  });

  it("the portal's own talon still says the portal registered it; a paper one names the specialist to the citizen too", async () => {
    const demo = await registerDemoCase(fresh.db, AIGERIM);
    // The person filed on paper signs up later and reads the talon in the cabinet.
    await ensureCitizenAccount(fresh.db, CENTRE_RU.iin);
    cookies.centreRu = await sessionCookie({ kind: "citizen", iin: CENTRE_RU.iin });
    tokens.centreRu = await csrfFor(cookies.centreRu);
    const own = await get(citizenTalon, "aigerim", `/applications/${demo.applicationId}/talon`, { id: demo.applicationId });
    expect(own.body).toMatchObject({ acceptedBy: null, channel: "portal" });
    const paper = await get(citizenTalon, "centreRu", `/applications/${centreId}/talon`, { id: centreId });
    expect(paper.body).toMatchObject({ acceptedBy: "Касымова Айнур Болатовна", office: "Центр занятости населения Нуринского района" });
    const status = await get(citizenStatus, "centreRu", `/applications/${centreId}`, { id: centreId });
    expect((status.body as { scans: { fileName: string }[] }).scans.map((x) => x.fileName)).toEqual(["passport.pdf"]);
    expect((await get(citizenStatus, "aigerim", `/applications/${centreId}`, { id: centreId })).status).toBe(404);
  });

  it("a second paper application for a member of a live case is refused by the database's guarantee", async () => {
    const r = await post(index, "nura.centre", "/staff/intake", {}, { service: "asp", iin: CENTRE_RU.iin, language: "ru" });
    const id = idFrom(r.location);
    const url = `/staff/intake/${id}`;
    await post(page, "nura.centre", url, { id }, { intent: "family", member: [] });
    await post(page, "nura.centre", url, { id }, { intent: "incomes", confirmed: "1" });
    const view = (await get(page, "nura.centre", url, { id })).body as { accounts: { iban: string }[] };
    await post(page, "nura.centre", url, { id }, { intent: "payment", iban: view.accounts[0].iban });
    await post(page, "nura.centre", url, { id }, { intent: "scan", kind: "consent", file: scanFile(PDF, "consent.pdf") });
    await post(page, "nura.centre", url, { id }, { intent: "scan", kind: "document", file: scanFile(PDF, "id.pdf") });
    expect((await post(page, "nura.centre", url, { id }, { intent: "consent_paper" })).status).toBe(302);
    const again = await post(page, "nura.centre", url, { id }, { intent: "register" });
    expect(again.status).toBe(400);
    expect((again.body as { failures: { reason: string }[] }).failures.map((f) => f.reason)).toContain("komek_pending");
    expect((await fresh.db.select().from(registrationJournal).where(eq(registrationJournal.applicationId, id)))).toHaveLength(0);
  });

  it("scans: type by bytes, size limited, sha256 kept; served to the citizen and the case's staff only", async () => {
    const url = `/staff/intake/${centreId}`;
    const rows = await fresh.db.select().from(intakeScans).where(eq(intakeScans.applicationId, centreId));
    expect(rows[0]).toMatchObject({ kind: "document", mimeType: "application/pdf", sizeBytes: PDF.length, sha256: createHash("sha256").update(PDF).digest("hex") });

    // A second intake still open, for the wrong-input cases.
    const open = await post(index, "nura.centre", "/staff/intake", {}, { service: "asp", iin: CENTRE_KK.iin, language: "kk" });
    const id = idFrom(open.location);
    const before = (await fresh.db.select().from(intakeScans).where(eq(intakeScans.applicationId, id))).length;
    const html = await post(page, "nura.centre", `/staff/intake/${id}`, { id }, { intent: "scan", kind: "document", file: new File(["<html><script>alert(1)</script>"], "evil.pdf", { type: "application/pdf" }) });
    expect(html.status).toBe(400);
    expect(errorsOf(html).file).toBe("intake:errors.scan.wrongType");
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const oversized = await post(page, "nura.centre", `/staff/intake/${id}`, { id }, { intent: "scan", kind: "document", file: scanFile(big, "big.pdf") });
    expect(oversized.status).toBe(413);
    const declared = await post(page, "nura.centre", `/staff/intake/${id}`, { id }, { intent: "scan", kind: "document", file: scanFile(PDF, "x.pdf") }, { headers: { "Content-Length": String(6 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect((await fresh.db.select().from(intakeScans).where(eq(intakeScans.applicationId, id))).length).toBe(before);

    const scanId = String(rows[0].id);
    const mine = await get(scans, "centreRu", `/scans/${scanId}`, { id: scanId });
    expect(mine.status).toBe(200);
    const response = mine.body as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await get(scans, "nura.centre", `/scans/${scanId}`, { id: scanId })).status).toBe(200);
    expect((await get(scans, "nura.specialist", `/scans/${scanId}`, { id: scanId })).status).toBe(200);
    for (const who of ["aigerim", "zharaspai.akim"]) expect((await get(scans, who, `/scans/${scanId}`, { id: scanId })).status).toBe(404);
    expect((await get(scans, "aigerim", "/scans/abc", { id: "abc" })).status).toBe(404);
    void url;
  });

  it("someone else's application id in a URL reads as not found", async () => {
    const portal = (await fresh.db.select({ id: applications.id }).from(applications).where(eq(applications.applicantIin, AIGERIM)))[0].id;
    for (const [who, id] of [["zharaspai.akim", centreId], ["nura.centre", portal], ["nura.centre", "not-a-uuid"], ["nura.centre", "00000000-0000-0000-0000-000000000000"]] as const) {
      expect((await get(page, who, `/staff/intake/${id}`, { id })).status).toBe(404);
      expect((await post(page, who, `/staff/intake/${id}`, { id }, { intent: "register" })).status).toBe(404);
      expect((await get(talon, who, `/staff/intake/${id}/talon`, { id })).status).toBe(404);
    }
    // District staff do not use the intake desk at all.
    expect((await get(page, "nura.specialist", `/staff/intake/${centreId}`, { id: centreId })).status).toBe(403);
  });

  it("a wrong one-time code is counted atomically: parallel guesses get at most five answers", async () => {
    const [row] = await fresh.db.select({ id: applications.id }).from(applications).where(and(eq(applications.applicantIin, CENTRE_KK.iin), eq(applications.status, "draft")));
    const id = row.id;
    const url = `/staff/intake/${id}`;
    expect((await post(page, "nura.centre", url, { id }, { intent: "consent_send" })).status).toBe(302);
    const code = await lastCode(CENTRE_KK.phone);
    const wrong = code === "000000" ? "999999" : "000000";
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(page, "nura.centre", url, { id }, { intent: "consent_verify", code: wrong })));
    const keys = answers.map((a) => errorsOf(a).code);
    expect(keys.filter((k) => k.startsWith("intake:errors.codeWrong")).length).toBe(4);
    expect(keys.filter((k) => k === "intake:errors.codeExpired").length).toBe(8);
    const [otp] = await fresh.db.select().from(otpCodes).where(and(eq(otpCodes.iin, CENTRE_KK.iin), eq(otpCodes.purpose, "intake_consent"))).orderBy(desc(otpCodes.id)).limit(1);
    expect(otp.attempts).toBe(5);
    // Even the right code is refused now: the code is spent.
    expect(errorsOf(await post(page, "nura.centre", url, { id }, { intent: "consent_verify", code })).code).toBe("intake:errors.codeExpired");
    const [app] = await fresh.db.select().from(applications).where(eq(applications.id, id));
    expect((app.draft as { consent?: unknown }).consent).toBeUndefined();
  });

  it("the akim files only for residents of its village: a townsman is refused and nothing is written", async () => {
    const before = await countApps(TOWNSMAN);
    const intakesBefore = (await fresh.db.select().from(intakes)).length;
    const r = await post(index, "zharaspai.akim", "/staff/intake", {}, { service: "asp", iin: TOWNSMAN, language: "ru" });
    expect(r.status).toBe(400);
    expect(errorsOf(r).iin).toBe("intake:errors.outsideTerritory");
    expect(await countApps(TOWNSMAN)).toBe(before);
    expect((await fresh.db.select().from(intakes)).length).toBe(intakesBefore);
  });

  it("the akim files for a villager: 18 working days, and forwards the package once, with its own date in the timeline", async () => {
    const { id, url } = await prepare("zharaspai.akim", VILLAGER.iin, "kk");
    await post(page, "zharaspai.akim", url, { id }, { intent: "scan", kind: "consent", file: scanFile(PDF, "consent.pdf") });
    expect((await post(page, "zharaspai.akim", url, { id }, { intent: "consent_paper" })).status).toBe(302);
    // Forwarding before registration is refused.
    expect((await post(page, "zharaspai.akim", url, { id }, { intent: "forward" })).status).toBe(409);
    expect((await post(page, "zharaspai.akim", url, { id }, { intent: "register" })).status).toBe(302);
    const [app] = await fresh.db.select().from(applications).where(eq(applications.id, id));
    expect(app.channel).toBe("akim");
    expect(app.dueDate).toBe(caseDueDate(aspDefinition, "akim", app.applicationDate!));
    expect(aspDefinition.channels.find((c) => c.channel === "akim")!.deadline).toEqual({ days: 18, dayKind: "working" });
    const slip = await get(talon, "zharaspai.akim", `${url}/talon`, { id });
    expect(slip.body).toMatchObject({ acceptedBy: "Жунусов Серик Амангельдиевич", deadline: { days: 18 } });

    const at = Date.now();
    expect((await post(page, "zharaspai.akim", url, { id }, { intent: "forward" })).status).toBe(302);
    expect((await post(page, "zharaspai.akim", url, { id }, { intent: "forward" })).status).toBe(409);
    const forwarded = await fresh.db.select().from(caseTransitions).where(and(eq(caseTransitions.applicationId, id), eq(caseTransitions.action, "forward_to_district")));
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatchObject({ actorLabel: "zharaspai.akim", actorRole: "akim", fromStatus: "registered", toStatus: "registered" });
    expect(forwarded[0].at.getTime()).toBeGreaterThanOrEqual(at - 1000);
    const events = await fresh.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
    expect(events.map((e) => e.note)).toContain("forwarded_to_district");
    const view = (await get(page, "zharaspai.akim", url, { id })).body as { forwarded: { name: string } | null };
    expect(view.forwarded?.name).toBe("Жунусов Серик Амангельдиевич");
    // The Centre cannot forward: it has no akim's package.
    expect((await post(page, "nura.centre", `/staff/intake/${centreId}`, { id: centreId }, { intent: "forward" })).status).toBe(403);
  });

  it("the decision SMS carries the outcome and the reason in the language chosen at the desk; the Centre prints the notice with a QR code to /verify", async () => {
    const { noticeId } = await decideDemoCase(fresh.db, centreId, "refusal", "http://localhost/verify");
    const [sms] = await fresh.db.select().from(smsMessages).where(and(eq(smsMessages.phone, CENTRE_RU.phone), eq(smsMessages.purpose, "decision")));
    // The registry prefers Kazakh; the person chose Russian at the Centre. (They signed up since: the notice is in the cabinet too.)
    expect(sms.language).toBe("ru");
    expect(sms.body).toBe(`Заявление № ${centreNumber}: отказ в адресной соцпомощи. Причина: комиссия не нашла нуждаемости. Уведомление в личном кабинете. 1414`);

    // The villager has no cabinet: the SMS says where the written notice is, in the Kazakh chosen at the akim's.
    const [village] = await fresh.db.select().from(applications).where(and(eq(applications.applicantIin, VILLAGER.iin), eq(applications.status, "registered")));
    await decideDemoCase(fresh.db, village.id, "refusal", "http://localhost/verify");
    const [kk] = await fresh.db.select().from(smsMessages).where(and(eq(smsMessages.phone, VILLAGER.phone), eq(smsMessages.purpose, "decision")));
    expect(kk.language).toBe("kk");
    expect(kk.body).toBe(`№ ${village.registrationNumber} өтініш: атаулы көмектен бас тартылды. Себебі: комиссия мұқтаждықты анықтамады. Хабарлама Орталықта/әкімде. 1414`);

    const printed = await get(print, "nura.centre", `/notices/${noticeId}/print`, { id: noticeId });
    expect(printed.status).toBe(200);
    const body = printed.body as { qr: string; code: string; registrationNumber: string };
    expect(body.registrationNumber).toBe(centreNumber);
    expect(body.qr).toBe(`http://localhost/verify?number=${centreNumber}&code=${encodeURIComponent(body.code)}`);
    // The akim did not accept these papers: its office cannot print them.
    expect((await get(print, "zharaspai.akim", `/notices/${noticeId}/print`, { id: noticeId })).status).toBe(404);
  });
});
