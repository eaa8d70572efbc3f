/**
 * Issue 14, the rest (ADR 024): the 1414 look-up finds local-assistance cases by their LSA number and a
 * caller's holiday decisions by IIN (same transaction, log and data-access record as ASP); each list
 * decision is checked at /verify by its number and printed code, against the head's signed list,
 * without showing anyone else; and an oversized upload to the local application is refused in the
 * citizen's language with nothing saved.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { demoCitizens } from "../../db/seed/demo-people";
import { installBenchPki } from "../../bench/workloads/submit";
import { issuePersonCertificate } from "../../app/signature/pki";
import { signAs } from "../../app/signature/testing";
import { csrfFor, outcome, requestAs, sessionCookie } from "../support/session";
import { applyContext, localSignedText } from "../../app/services/local/apply.server";
import * as applyRoute from "../../app/routes/services.local_.apply.$code";
import * as verifyRoute from "../../app/routes/verify";
import * as grantRoute from "../../app/routes/cabinet.grants.$id";
import { seedListsDemo, listDemoIins } from "../../app/lists/demo.server";
import { listRulesInForce } from "../../app/lists/source.server";
import { approvalFacts, approvalPayload, approveList, findList, generateList, markReviewed } from "../../app/lists/lists.server";
import { verifyListDecision } from "../../app/lists/verify.server";
import { lookUp } from "../../app/callcenter/lookup.server";
import { summaryAdvice } from "../../app/callcenter/advice";
import { formatCode } from "../../app/notices/text";

const PDF = new TextEncoder().encode("%PDF-1.4\n% заключение\n1 0 obj <<>> endobj\n%%EOF\n");
const DECIDED_ON = "2026-04-27";
const NOW = new Date("2026-04-27T06:00:00Z");

describe("local assistance at 1414 and list decisions at /verify", () => {
  let fresh: FreshDb;
  let dataDir: string;
  let ca: Awaited<ReturnType<typeof installBenchPki>>;
  const saved = process.env.KOMEK_TODAY;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);
  const applicant = demoCitizens.find((c) => c.scenario === "local_disability")!;
  let lsaNumber = "";
  let agent: { id: number; role: "callcenter" };
  const [veteranKk, veteranRu] = listDemoIins();
  let decisions: { iin: string; number: string; verification_code: string; id: number }[] = [];

  async function multipart(cookie: string, url: string, fields: Record<string, string | File>, headers: Record<string, string> = {}) {
    const csrf = await csrfFor(cookie);
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append("csrf", csrf.token);
    return requestAs(csrf.cookie, url, { method: "POST", body, headers });
  }

  beforeAll(async () => {
    process.env.KOMEK_TODAY = "2025-10-01";
    process.env.CALLCENTER_MAX_LOOKUPS_PER_MINUTE = "1000";
    fresh = await createFreshDb({ prefix: "komek_lsa_1414" });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { referenceDate: "2025-10-01", generatedPersons: 0 });
    await seedAccounts(fresh.db);
    await seedListsDemo(fresh.db, "x");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-lsa-1414-"));
    ca = await installBenchPki(dataDir);
    [agent] = await q<{ id: number; role: "callcenter" }>(`select id::int, role from staff_accounts where login = 'cc.agent'`);

    // A registered local-assistance case (8.3.2 "operation") filed on the portal with ЭЦП.
    const cookie = await sessionCookie({ kind: "citizen", iin: applicant.iin });
    const file = new File([PDF], "эпикриз.pdf", { type: "application/pdf" });
    const saved = await outcome(async () => applyRoute.action({ request: await multipart(cookie, "/services/local/apply/8.3.2", { intent: "save", "doc-discharge_summary": file }), params: { code: "8.3.2" }, context: {} }));
    expect(saved.status).toBe(302);
    const ctx = await applyContext(requestAs(cookie, "/services/local/apply/8.3.2"), "8.3.2");
    const payload = localSignedText(ctx);
    const signature = await signAs(await issuePersonCertificate(ca, { iin: applicant.iin, surname: applicant.lastNameRu, givenName: applicant.firstNameRu }), payload);
    const signed = await outcome(async () => applyRoute.action({ request: await multipart(cookie, "/services/local/apply/8.3.2", { intent: "sign", payload, signature }), params: { code: "8.3.2" }, context: {} }));
    expect(signed.status).toBe(302);
    [{ registration_number: lsaNumber }] = await q<{ registration_number: string }>(`select registration_number from applications where applicant_iin = $1 and service = 'local'`, [applicant.iin]);

    // The 9 May 2026 list of Nura, approved by the head with ЭЦП.
    const rules = (await listRulesInForce("355200000", DECIDED_ON))!;
    const [head] = await q<{ id: number; iin: string }>(`select id::int, iin from staff_accounts where login = 'nura.head'`);
    const [specialist] = await q<{ id: number }>(`select id::int from staff_accounts where login = 'nura.specialist'`);
    const generated = await generateList(fresh.db, { rules, districtKato: "355200000", kind: "holiday", subject: "05-09", year: 2026, staffId: specialist.id, now: NOW });
    await markReviewed(fresh.db, { listId: generated.listId, staffId: specialist.id, now: NOW });
    const list = (await findList(fresh.db, generated.listId))!;
    const listPayload = approvalPayload(await approvalFacts(fresh.db, list, DECIDED_ON));
    const headCert = await issuePersonCertificate(ca, { iin: head.iin.trim(), surname: "Бекмуханов", givenName: "Нурлан" });
    const jws = await signAs(headCert, listPayload);
    await approveList(fresh.db, {
      // Signed now: the test certificate is valid from today, and the signature is checked as of its signing.
      rules, listId: list.id, staffId: head.id, decidedOn: DECIDED_ON, postedPayload: listPayload, now: new Date(),
      signature: { jws, iin: head.iin.trim(), commonName: "Бекмуханов Нурлан", serialNumber: "01" },
    });
    decisions = await q(`select id::int, iin, number, verification_code from local_decisions order by number`);
  }, 120_000);

  afterAll(async () => {
    if (saved === undefined) delete process.env.KOMEK_TODAY;
    else process.env.KOMEK_TODAY = saved;
    delete process.env.CALLCENTER_MAX_LOOKUPS_PER_MINUTE;
    await fresh?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const decisionOf = (iin: string) => decisions.find((d) => d.iin === iin)!;

  describe("1414", () => {
    it("finds an LSA number like an ASP one: service, category in both languages, deadline and the local advice; the look-up is logged", async () => {
      const found = await lookUp(fresh.db, { agent, callReference: "CALL-LSA-1", query: { kind: "registration_number", registrationNumber: lsaNumber }, language: "kk", now: new Date(), maxPerMinute: 100 });
      if (!found.ok) throw new Error("rate limited");
      const [app] = found.summary.applications;
      expect(app).toMatchObject({ number: lsaNumber, status: "registered", channel: "portal", service: "local", local: { code: "8.3.2" } });
      expect(app.local!.name.ru).toMatch(/операци/i);
      expect(app.local!.name.kk).toMatch(/[әғқңөұүһі]/i);
      expect(app.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(summaryAdvice(found.summary).applications[0]!.at(-1)).toEqual({ key: "callcenter:next.local.registered", params: { dueDate: app.dueDate } });
      // A case number asks about that case: no list decisions on it.
      expect(found.summary.grants).toBeUndefined();
      const [log] = await q<{ subject_iin: string; outcome: string }>(`select subject_iin, outcome from callcenter_lookups where id = $1`, [found.lookupId]);
      expect(log).toEqual({ subject_iin: applicant.iin, outcome: "found" });
      const [access] = await q<{ n: number }>(`select count(*)::int n from data_access_log where subject_iin = $1 and purpose = 'callcenter_lookup'`, [applicant.iin]);
      expect(access.n).toBe(1);
    });

    it("by IIN shows the caller's holiday decision with its categories, amounts and payment date, and nothing of other recipients", async () => {
      const found = await lookUp(fresh.db, { agent, callReference: "CALL-LSA-2", query: { kind: "iin", iin: veteranRu }, language: "ru", now: NOW, maxPerMinute: 100 });
      if (!found.ok) throw new Error("rate limited");
      const mine = decisionOf(veteranRu);
      expect(found.summary.grants).toHaveLength(1);
      const [grant] = found.summary.grants!;
      expect(grant).toMatchObject({ number: mine.number, decidedOn: DECIDED_ON, what: { ru: "День Победы" }, duePassed: false });
      // The worker of besieged Leningrad also awarded for the home front: two categories, one decision (ADR 017).
      expect(grant.lines).toHaveLength(2);
      expect(grant.totalTenge).toBe(grant.lines.reduce((s, l) => s + l.amountTenge, 0));
      expect(grant.what.kk).toMatch(/Жеңіс/);
      expect(summaryAdvice(found.summary).grants).toEqual([{ key: "callcenter:next.grant.awaiting", params: { date: grant.paymentDate } }]);
      expect(JSON.stringify(found.summary)).not.toContain(veteranKk);
      // Stored as shown: the log holds the same grants.
      const [log] = await q<{ shown: { grants: unknown[] } }>(`select shown from callcenter_lookups where id = $1`, [found.lookupId]);
      expect(log.shown.grants).toEqual(found.summary.grants);
      const later = await lookUp(fresh.db, { agent, callReference: "CALL-LSA-3", query: { kind: "iin", iin: veteranRu }, language: "ru", now: new Date("2026-06-01T06:00:00Z"), maxPerMinute: 100 });
      if (!later.ok) throw new Error("rate limited");
      expect(summaryAdvice(later.summary).grants[0]!.key).toBe("callcenter:next.grant.due_passed");
    });

    it("a list decision's number from the SMS finds its recipient and shows that decision only", async () => {
      const mine = decisionOf(veteranRu);
      const found = await lookUp(fresh.db, { agent, callReference: "CALL-LSA-5", query: { kind: "registration_number", registrationNumber: mine.number }, language: "kk", now: NOW, maxPerMinute: 100 });
      if (!found.ok) throw new Error("rate limited");
      expect(found.summary.subject).not.toBeNull();
      expect(found.summary.grants!.map((g) => g.number)).toEqual([mine.number]);
      const [log] = await q<{ subject_iin: string; query_kind: string }>(`select subject_iin, query_kind from callcenter_lookups where id = $1`, [found.lookupId]);
      expect(log).toEqual({ subject_iin: veteranRu, query_kind: "registration_number" });
      const none = await lookUp(fresh.db, { agent, callReference: "CALL-LSA-6", query: { kind: "registration_number", registrationNumber: "L999-000001" }, language: "ru", now: NOW, maxPerMinute: 100 });
      expect(none.ok && none.summary).toEqual({ version: 1, subject: null, applications: [], offers: [] });
    });

    it("a person without list decisions gets an empty grants section", async () => {
      const found = await lookUp(fresh.db, { agent, callReference: "CALL-LSA-4", query: { kind: "iin", iin: applicant.iin }, language: "ru", now: NOW, maxPerMinute: 100 });
      expect(found.ok && found.summary.grants).toEqual([]);
    });
  });

  describe("/verify", () => {
    it("the recipient's number and printed code check the decision against the signed list, in their language", async () => {
      const mine = decisionOf(veteranKk);
      const ru = await verifyListDecision(mine.number, formatCode(mine.verification_code), "ru");
      expect(ru).toMatchObject({ valid: true, number: mine.number, decidedOn: DECIDED_ON, what: "День Победы", signerName: expect.any(String) });
      if (!ru.valid) return;
      expect(ru.recipient).toBe(`••••••••${veteranKk.slice(-4)}`);
      expect(ru.list.recipients).toBe(decisions.length);
      expect(ru.list.linesSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(ru)).not.toContain(veteranRu);
      const kk = await verifyListDecision(mine.number, mine.verification_code.toLowerCase(), "kk");
      expect(kk).toMatchObject({ valid: true, what: "Жеңіс күні" });
    });

    it("a forged code, or another recipient's number with my code, finds nothing", async () => {
      const mine = decisionOf(veteranKk);
      const other = decisionOf(veteranRu);
      const forged = mine.verification_code.startsWith("A") ? `B${mine.verification_code.slice(1)}` : `A${mine.verification_code.slice(1)}`;
      expect(await verifyListDecision(mine.number, forged, "ru")).toEqual({ valid: false, kind: "list_decision", reason: "not_found" });
      expect(await verifyListDecision(other.number, mine.verification_code, "ru")).toEqual({ valid: false, kind: "list_decision", reason: "not_found" });
    });

    it("the page: a GET with number and code shows the decision; a malformed number is an error in the form", async () => {
      const mine = decisionOf(veteranKk);
      const page = await verifyRoute.loader({ request: requestAs(null, `/verify?number=${mine.number}&code=${formatCode(mine.verification_code)}`), params: {}, context: {} });
      expect(page.listOutcome).toMatchObject({ valid: true, number: mine.number });
      const bad = await verifyRoute.loader({ request: requestAs(null, `/verify?number=L1-12&code=${mine.verification_code}`), params: {}, context: {} });
      expect(bad).toMatchObject({ outcome: null, errors: { number: "deciding:verify.errors.number" } });
      expect(bad.listOutcome).toBeUndefined();
    });

    it("the cabinet's decision prints its code and links to /verify; another person's decision is not found", async () => {
      const mine = decisionOf(veteranKk);
      const cookie = await sessionCookie({ kind: "citizen", iin: veteranKk });
      const page = (await grantRoute.loader({ request: requestAs(cookie, `/cabinet/grants/${mine.id}`), params: { id: String(mine.id) }, context: {} })) as { lines: string[]; verify: { href: string } };
      expect(page.verify.href).toBe(`/verify?number=${mine.number}&code=${mine.verification_code}`);
      expect(page.lines.at(-1)).toContain(formatCode(mine.verification_code));
      const other = decisionOf(veteranRu);
      expect((await outcome(() => grantRoute.loader({ request: requestAs(cookie, `/cabinet/grants/${other.id}`), params: { id: String(other.id) }, context: {} }))).status).toBe(404);
    });

    it("a grant changed behind the signature (another recipient's line) makes every decision of the list fail as tampered", async () => {
      const mine = decisionOf(veteranKk);
      const other = decisionOf(veteranRu);
      // The grants are append-only; only a superuser bypassing the triggers could do this.
      await q(`set session_replication_role = replica`);
      await q(`update local_grants set amount_tenge = amount_tenge + 1 where recipient_iin = $1`, [other.iin]);
      await q(`set session_replication_role = origin`);
      expect(await verifyListDecision(mine.number, mine.verification_code, "ru")).toEqual({ valid: false, kind: "list_decision", reason: "tampered" });
    });
  });

  describe("the local application's upload limit", () => {
    it("a body over the limit is answered 413 with a form error the page shows in ru or kk, and nothing is saved", async () => {
      const citizen = demoCitizens.find((c) => c.scenario === "local_e2e_kk")!;
      const cookie = await sessionCookie({ kind: "citizen", iin: citizen.iin });
      const [before] = await q<{ n: number }>(`select count(*)::int n from local_documents`);
      const request = await multipart(cookie, "/services/local/apply/8.3.2", { intent: "save" }, { "Content-Length": String(30 * 1024 * 1024) });
      const res = await outcome(() => applyRoute.action({ request, params: { code: "8.3.2" }, context: {} }));
      expect(res).toMatchObject({ status: 413, body: { errors: { form: "local:apply.errors.uploadTooLarge" } } });
      const [after] = await q<{ n: number }>(`select count(*)::int n from local_documents`);
      expect(after.n).toBe(before.n);
      const text = (lng: string) => JSON.parse(fs.readFileSync(`locales/${lng}/local.json`, "utf8")).apply.errors.uploadTooLarge as string;
      expect(text("ru")).toContain("5 МБ");
      expect(text("kk")).toMatch(/[әғқңөұүһі]/i);
      expect(text("kk")).not.toBe(text("ru"));
    });
  });
});
