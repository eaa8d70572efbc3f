/**
 * Issue 16b through the routes, as the browser drives them: the signed extension notice moves the due
 * date in every view (cabinet, 1414, staff journal, case); complaints from the cabinet, 1414 and paper,
 * each with a talon, answered by the head's ЭЦП and shown to the citizen and to 1414; and bad input.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedAccounts } from "../../db/seed/accounts";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { DEMO_KEY_PASSWORD } from "../../db/seed/demo-people";
import { complaints, staffAccounts } from "../../db/schema";
import { createDemoPki } from "../../app/signature/demo-keys.server";
import { clearTrustCache } from "../../app/signature/trust.server";
import { openKeyFile } from "../../app/signature/signer";
import { registerDemoCase } from "../../app/staff/demo-case.server";
import { lookUp } from "../../app/callcenter/lookup.server";
import { summaryAdvice } from "../../app/callcenter/advice";
import { complaintAnswerDue } from "../../app/domain/complaints";
import { addCalendarDays, kzDate } from "../../app/domain/kz-time";
import { kzCalendar } from "../../app/domain/workdays";
import * as journalRoute from "../../app/routes/staff._index";
import * as caseRoute from "../../app/routes/staff.cases.$id";
import * as agenciesRoute from "../../app/routes/staff.cases.$id_.agencies";
import * as extensionRoute from "../../app/routes/staff.cases.$id_.extension.$requestId";
import * as cabinetRoute from "../../app/routes/cabinet._index";
import * as cabinetComplaints from "../../app/routes/cabinet.complaints._index";
import * as cabinetComplaint from "../../app/routes/cabinet.complaints.$id";
import * as staffComplaints from "../../app/routes/staff.complaints._index";
import * as staffComplaint from "../../app/routes/staff.complaints.$id";
import * as signAnswer from "../../app/routes/staff.complaints.$id_.sign";
import * as ccComplaint from "../../app/routes/callcenter_.complaint";
import { csrfFor, outcome, requestAs, sessionCookie } from "../support/session";

const AIGERIM = "900512440017"; // eligible_portal: family in Nura, prefers Kazakh
const IVAN = "820903340019"; // another citizen
type Route = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
type Summary = Awaited<ReturnType<typeof lookUp>>;

describe("issue 16b: the extension notice and complaints", () => {
  let fresh: FreshDb;
  let pkiDir: string;
  let id: string;
  let number: string;
  const tokens: Record<string, { token: string; cookie: string }> = {};
  const staffIds: Record<string, number> = {};

  const get = (route: Route, who: string, url: string, params: Record<string, string> = {}) =>
    outcome(() => (route.loader as (a: unknown) => Promise<unknown>)({ request: requestAs(tokens[who].cookie, url), params, context: {} }));
  const post = (route: Route, who: string, url: string, params: Record<string, string>, fields: Record<string, string>, withCsrf = true) => {
    const form = new FormData();
    if (withCsrf) form.set("csrf", tokens[who].token);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return outcome(() => (route.action as (a: unknown) => Promise<unknown>)({ request: requestAs(tokens[who].cookie, url, { method: "POST", body: form }), params, context: {} }));
  };
  const errorsOf = (r: { body?: unknown }) => (r.body as { errors: Record<string, string> }).errors;
  async function headSignature(payload: string) {
    const signer = await openKeyFile(fs.readFileSync(path.join(pkiDir, "880211340018.p12")), DEMO_KEY_PASSWORD);
    return signer.sign(payload);
  }
  async function lookup(): Promise<Extract<Summary, { ok: true }>["summary"]> {
    const r = await lookUp(fresh.db, { agent: { id: staffIds["cc.agent"], role: "callcenter" }, callReference: "CALL-1", query: { kind: "iin", iin: AIGERIM }, language: "ru", now: new Date(), maxPerMinute: 1000 });
    if (!r.ok) throw new Error("rate limited");
    return r.summary;
  }
  /** The due date of the case as every view shows it. */
  async function dueDates() {
    const cabinet = (await get(cabinetRoute, "aigerim", "/cabinet")).body as { applications: { id: string; dueDate: string | null }[] };
    const journal = (await get(journalRoute, "nura.specialist", "/staff")).body as { journal: { rows: { id: string; dueDate: string }[] } };
    const view = (await get(caseRoute, "nura.specialist", `/staff/cases/${id}`, { id })).body as { dueDate: string };
    const summary = await lookup();
    return {
      cabinet: cabinet.applications.find((a) => a.id === id)?.dueDate,
      journal: journal.journal.rows.find((r) => r.id === id)?.dueDate,
      caseView: view.dueDate,
      callcenter: summary.applications.find((a) => a.number === number)?.dueDate,
    };
  }

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-complaints-"));
    process.env.KOMEK_DATA_DIR = dataDir;
    pkiDir = path.join(dataDir, "pki");
    await createDemoPki({ dir: pkiDir });
    clearTrustCache();
    fresh = await createFreshDb();
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
    await seedAccounts(fresh.db);
    for (const login of ["nura.specialist", "nura.commission", "nura.head", "akzhar.specialist", "cc.agent"]) {
      staffIds[login] = (await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, login)))[0].id;
      tokens[login] = await csrfFor(await sessionCookie({ kind: "staff", staffId: staffIds[login] }));
    }
    tokens.aigerim = await csrfFor(await sessionCookie({ kind: "citizen", iin: AIGERIM }));
    tokens.ivan = await csrfFor(await sessionCookie({ kind: "citizen", iin: IVAN }));
    ({ applicationId: id, registrationNumber: number } = await registerDemoCase(fresh.db, AIGERIM));
  });
  afterAll(async () => {
    await fresh.drop();
    delete process.env.KOMEK_DATA_DIR;
    clearTrustCache();
    fs.rmSync(path.dirname(pkiDir), { recursive: true, force: true });
  });

  describe("the extension notice", () => {
    let before: string;
    let after: string;

    it("a request to other agencies moves the due date in every view: cabinet, 1414, staff journal, case", async () => {
      const was = await dueDates();
      before = was.caseView;
      expect(was).toEqual({ cabinet: before, journal: before, caseView: before, callcenter: before });
      const today = kzDate(new Date());
      const r = await post(agenciesRoute, "nura.specialist", `/staff/cases/${id}/agencies`, { id }, { agency: "Департамент юстиции", requestedOn: today, days: "20" });
      expect(r.status).toBe(302);
      after = addCalendarDays(before, 20);
      expect(await dueDates()).toEqual({ cabinet: after, journal: after, caseView: after, callcenter: after });
      // 1414 says why the date moved.
      const summary = await lookup();
      const app = summary.applications.find((a) => a.number === number)!;
      expect(app.extendedDays).toBe(20);
      expect(summaryAdvice(summary).applications[0]![0]).toEqual({ key: "complaints:advice.extended", params: { days: "20", dueDate: after } });
    });

    it("only the head signs the notice; a changed text is refused; the signed notice reaches the cabinet and SMS", async () => {
      const view = (await get(caseRoute, "nura.head", `/staff/cases/${id}`, { id })).body as { requests: { id: number; notifiedAt: string | null }[] };
      const requestId = String(view.requests[0]!.id);
      const params = { id, requestId };
      const url = `/staff/cases/${id}/extension/${requestId}`;
      expect((await get(extensionRoute, "nura.specialist", url, params)).status).toBe(403);
      const page = (await get(extensionRoute, "nura.head", url, params)).body as { payload: string; ru: string; kk: string };
      expect(page.ru).toContain(`продлён до ${after.split("-").reverse().join(".")}`);
      const forged = page.payload.replace(after, before);
      const refused = await post(extensionRoute, "nura.head", url, params, { payload: forged, signature: await headSignature(forged) });
      expect(refused.status).toBe(400);
      expect(errorsOf(refused).form).toBe("complaints:extension.stale");
      expect((await post(extensionRoute, "nura.head", url, params, { payload: page.payload, signature: await headSignature(page.payload) }, false)).status).toBe(403);
      const signed = await post(extensionRoute, "nura.head", url, params, { payload: page.payload, signature: await headSignature(page.payload) });
      expect(signed.status).toBe(302);
      // Signing twice finds nothing left to sign.
      expect((await get(extensionRoute, "nura.head", url, params)).status).toBe(302);
      const cabinet = (await get(cabinetRoute, "aigerim", "/cabinet")).body as { notices: { text: string | null; signedBy: string | null }[] };
      const notice = cabinet.notices.find((n) => n.signedBy);
      expect(notice?.text).toContain(after.split("-").reverse().join("."));
      const [row] = await fresh.query<{ notice_signature: string; signer_iin: string }>(`select notice_signature, signer_iin from other_agency_requests where application_id = $1`, [id]);
      expect(row!.signer_iin).toBe("880211340018");
      const sms = await fresh.query<{ body: string; language: string }>(`select body, language from sms_messages where iin = $1 and purpose = 'notice' order by id`, [AIGERIM]);
      expect(sms.at(-1)?.body).toContain(after.split("-").reverse().join("."));
      // The journal no longer flags a missing notification.
      const flagged = (await get(journalRoute, "nura.head", "/staff?notify=1")).body as { journal: { rows: { id: string }[] } };
      expect(flagged.journal.rows.map((x) => x.id)).not.toContain(id);
    });
  });

  describe("complaints", () => {
    let complaintId: string;
    const key = "k-0123456789abcdef";

    it("bad input changes nothing: empty, oversized, no CSRF token, someone else's case", async () => {
      const url = "/cabinet/complaints";
      const empty = await post(cabinetComplaints, "aigerim", url, {}, { applicationId: id, text: "  \n ", submitKey: key });
      expect(errorsOf(empty).text).toBe("complaints:errors.textEmpty");
      const long = await post(cabinetComplaints, "aigerim", url, {}, { applicationId: id, text: "ж".repeat(2001), submitKey: key });
      expect(errorsOf(long).text).toBe('complaints:errors.textTooLong|{"max":2000}');
      expect((await post(cabinetComplaints, "aigerim", url, {}, { applicationId: id, text: "Жалоба", submitKey: key }, false)).status).toBe(403);
      expect((await post(cabinetComplaints, "ivan", url, {}, { applicationId: id, text: "Жалоба", submitKey: key })).status).toBe(404);
      expect((await post(cabinetComplaints, "aigerim", url, {}, { applicationId: "not-a-uuid", text: "Жалоба", submitKey: key })).status).toBe(400);
      expect(await fresh.db.select().from(complaints)).toEqual([]);
    });

    it("a complaint filed twice with one form is one complaint, with a talon", async () => {
      const fields = { applicationId: id, text: "<script>alert(1)</script> Срок рассмотрения нарушен", submitKey: key };
      const first = await post(cabinetComplaints, "aigerim", "/cabinet/complaints", {}, fields);
      const again = await post(cabinetComplaints, "aigerim", "/cabinet/complaints", {}, fields);
      expect(first.status).toBe(302);
      expect(again.location).toBe(first.location);
      expect(await fresh.db.select().from(complaints)).toHaveLength(1);
      // Two copies sent at the same moment still make one complaint.
      const twin = { ...fields, submitKey: "twin-0123456789abcdef" };
      const [a, b] = await Promise.all([post(cabinetComplaints, "aigerim", "/cabinet/complaints", {}, twin), post(cabinetComplaints, "aigerim", "/cabinet/complaints", {}, twin)]);
      expect(a.location).toBe(b.location);
      expect(await fresh.db.select().from(complaints)).toHaveLength(2);
      complaintId = first.location!.split("/").at(-1)!;
      const talon = (await get(cabinetComplaint, "aigerim", first.location!, { id: complaintId })).body as {
        complaint: { number: string; status: string; answerDue: string; acceptedBy: { ru: string }; office: { ru: string }; text: string; answer: unknown; ruleSource: { ru: string } };
      };
      const today = kzDate(new Date());
      expect(talon.complaint).toMatchObject({ status: "registered", answerDue: complaintAnswerDue(today, kzCalendar), answer: null, acceptedBy: { ru: "Подана заявителем в личном кабинете" } });
      expect(talon.complaint.number).toMatch(/^CMP\d{2}-\d{6}$/);
      expect(talon.complaint.office.ru).not.toBe("");
      expect(talon.complaint.ruleSource.ru).toMatch(/О государственных услугах/);
      // Kept as typed; the page renders it as text.
      expect(talon.complaint.text).toBe("<script>alert(1)</script> Срок рассмотрения нарушен");
      expect((talon.complaint as Record<string, unknown>).draft).toBeUndefined();
      // Another citizen cannot see it; nor can another district.
      expect((await get(cabinetComplaint, "ivan", first.location!, { id: complaintId })).status).toBe(404);
      expect((await get(staffComplaint, "akzhar.specialist", `/staff/complaints/${complaintId}`, { id: complaintId })).status).toBe(404);
    });

    it("1414 registers a complaint by phone only for the caller's own case, and reads the talon out", async () => {
      const url = "/callcenter/complaint";
      const base = { callReference: "CALL-77", registrationNumber: number, text: "Не звонит комиссия", language: "kk", submitKey: "cc-0123456789abcdef" };
      const wrong = await post(ccComplaint, "cc.agent", url, {}, { ...base, iin: IVAN });
      expect(errorsOf(wrong).registrationNumber).toBe("complaints:errors.notFound");
      const ok = await post(ccComplaint, "cc.agent", url, {}, { ...base, iin: AIGERIM });
      expect(ok.status).toBe(200);
      expect((ok.body as { ok: boolean; number: string }).number).toMatch(/^CMP/);
      // The caller also gets the talon in writing, in the language chosen for the answer.
      const sms = await fresh.query<{ body: string; language: string }>(`select body, language from sms_messages where iin = $1 and purpose = 'notice' order by id`, [AIGERIM]);
      expect(sms.at(-1)).toMatchObject({ language: "kk" });
      expect(sms.at(-1)!.body).toContain((ok.body as { number: string }).number);
      expect((await post(cabinetComplaints, "nura.specialist", "/cabinet/complaints", {}, { applicationId: id, text: "x", submitKey: key })).status).toBe(302); // a staff session is not a citizen: sent to sign in
    });

    it("the office registers a paper complaint for its own district only", async () => {
      const fields = { registrationNumber: number, text: "Жалоба на бумаге", language: "ru", submitKey: "paper-0123456789ab" };
      const foreign = await post(staffComplaints, "akzhar.specialist", "/staff/complaints", {}, fields);
      expect(errorsOf(foreign).registrationNumber).toBe("complaints:errors.registrationNumber");
      const ok = await post(staffComplaints, "nura.specialist", "/staff/complaints", {}, fields);
      expect(ok.status).toBe(302);
      const list = (await get(staffComplaints, "nura.head", "/staff/complaints")).body as { complaints: { channel: string }[] };
      expect(list.complaints.map((c) => c.channel).sort()).toEqual(["cabinet", "cabinet", "callcenter", "paper"]);
      const paperId = ok.location!.split("/").at(-1)!;
      const paper = (await get(staffComplaint, "nura.specialist", ok.location!, { id: paperId })).body as { complaint: { acceptedBy: { ru: string } } };
      expect(paper.complaint.acceptedBy.ru).not.toMatch(/кабинет/);
    });

    it("the specialist drafts the answer, the head signs it; the citizen and 1414 see it", async () => {
      const url = `/staff/complaints/${complaintId}`;
      const params = { id: complaintId };
      expect(errorsOf(await post(staffComplaint, "nura.specialist", url, params, { answer: "" })).answer).toBe("complaints:errors.answerEmpty");
      expect((await post(staffComplaint, "nura.commission", url, params, { answer: "Ответ" })).status).toBe(403);
      expect((await post(staffComplaint, "nura.specialist", url, params, { answer: "Комиссия посетит семью 5 декабря." })).status).toBe(302);
      const review = (await lookup()).complaints!.find((c) => c.status === "under_review");
      // Numbers are gapless: the twin that lost took no number.
      const numbers = (await fresh.db.select({ n: complaints.number }).from(complaints)).map((r) => Number(r.n.slice(-6))).sort((x, y) => x - y);
      expect(numbers).toEqual([1, 2, 3, 4]);
      expect(review).toBeDefined();
      const page = (await get(signAnswer, "nura.head", `${url}/sign`, params)).body as { payload: string };
      const signed = await post(signAnswer, "nura.head", `${url}/sign`, params, { payload: page.payload, signature: await headSignature(page.payload) });
      expect(signed.status).toBe(302);
      const talon = (await get(cabinetComplaint, "aigerim", `/cabinet/complaints/${complaintId}`, params)).body as { complaint: { status: string; answer: { text: string; signerName: string } } };
      expect(talon.complaint.status).toBe("answered");
      expect(talon.complaint.answer.text).toBe("Комиссия посетит семью 5 декабря.");
      const summary = await lookup();
      const shown = summary.complaints!.find((c) => c.status === "answered")!;
      expect(shown.answer).toBe("Комиссия посетит семью 5 декабря.");
      expect(summaryAdvice(summary).complaints[summary.complaints!.indexOf(shown)]!.key).toBe("complaints:advice.complaint_answered");
      // An answered complaint is final: no new draft, and the database refuses a change.
      expect(errorsOf(await post(staffComplaint, "nura.specialist", url, params, { answer: "Другой ответ" })).form).toBe("complaints:errors.stale");
      await expect(fresh.query(`update complaints set text = 'x' where id = $1`, [complaintId])).rejects.toThrow(/answered/);
      await expect(fresh.query(`delete from complaint_events where complaint_id = $1`, [complaintId])).rejects.toThrow(/append-only/);
      const sms = await fresh.query<{ body: string }>(`select body from sms_messages where iin = $1 and purpose = 'notice' order by id`, [AIGERIM]);
      expect(sms.at(-1)?.body).toMatch(/CMP/);
    });
  });
});
