/**
 * Deciding through the staff routes, as the browser would drive them: every step by the right role,
 * refusals for the wrong role, state or district, the head's ЭЦП, delivery to the cabinet and by SMS,
 * /verify, deadlines and the daily reminder.
 */
import { ASP_REGISTRATION } from "../support/registration";
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
import { registerApplication } from "../../db/queries/applications";
import { activeCaseMembers, applications, staffAccounts } from "../../db/schema";
import { createDemoPki } from "../../app/signature/demo-keys.server";
import { clearTrustCache } from "../../app/signature/trust.server";
import { openKeyFile } from "../../app/signature/signer";
import { registerDemoCase } from "../../app/staff/demo-case.server";
import { remindStaffOfDueCases } from "../../app/staff/reminders.server";
import { verifyFile } from "../../app/notices/notices.server";
import { aspMonthlyAmount } from "../../app/domain/income";
import * as journalRoute from "../../app/routes/staff._index";
import * as caseRoute from "../../app/routes/staff.cases.$id";
import * as surveyRoute from "../../app/routes/staff.cases.$id_.survey";
import * as incomeRoute from "../../app/routes/staff.cases.$id_.income";
import * as decisionRoute from "../../app/routes/staff.cases.$id_.decision";
import * as signRoute from "../../app/routes/staff.cases.$id_.sign";
import * as agenciesRoute from "../../app/routes/staff.cases.$id_.agencies";
import * as extensionRoute from "../../app/routes/staff.cases.$id_.extension.$requestId";
import * as noticeRoute from "../../app/routes/notices.$id";
import * as pdfRoute from "../../app/routes/notices.$id_.pdf";
import * as signedRoute from "../../app/routes/notices.$id_.signed";
import * as verifyRoute from "../../app/routes/verify";
import * as cabinetRoute from "../../app/routes/cabinet._index";
import { testIins } from "../support/people";
import { csrfFor, outcome, requestAs, sessionCookie } from "../support/session";

const AIGERIM = "900512440017"; // eligible_portal: 5 members in Nura, kk
const SERIK = "780120340012"; // member_has_asp family in Nura; its ASP is in the registry, not a Komek case
type Route = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

describe("deciding a case, step by step", () => {
  let fresh: FreshDb;
  let pkiDir: string;
  let csrf: { token: string; cookie: string };
  const tokens: Record<string, { token: string; cookie: string }> = {};
  const cookies: Record<string, string> = {};
  const staffIds: Record<string, number> = {};

  const as = (who: string) => (cookies[who] ? tokens[who].cookie : csrf.cookie);
  const get = (route: Route, who: string, url: string, params: Record<string, string> = {}) =>
    outcome(() => (route.loader as (a: unknown) => Promise<unknown>)({ request: requestAs(as(who), url), params, context: {} }));
  const post = (route: Route, who: string, url: string, params: Record<string, string>, fields: Record<string, string | string[]>) => {
    const form = new FormData();
    form.set("csrf", cookies[who] ? tokens[who].token : csrf.token);
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
    return outcome(() => (route.action as (a: unknown) => Promise<unknown>)({ request: requestAs(as(who), url, { method: "POST", body: form }), params, context: {} }));
  };
  const statusOf = async (id: string) => (await fresh.db.select({ s: applications.status }).from(applications).where(eq(applications.id, id)))[0].s;
  const errorsOf = (r: { body?: unknown }) => (r.body as { errors: Record<string, string> }).errors;
  async function headSignature(payload: string, file = "880211340018.p12") {
    const signer = await openKeyFile(fs.readFileSync(path.join(pkiDir, file)), DEMO_KEY_PASSWORD);
    return signer.sign(payload);
  }

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-deciding-"));
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
      cookies[login] = await sessionCookie({ kind: "staff", staffId: staffIds[login] });
    }
    cookies.aigerim = await sessionCookie({ kind: "citizen", iin: AIGERIM });
    csrf = await csrfFor(null);
    for (const [who, cookie] of Object.entries(cookies)) tokens[who] = await csrfFor(cookie);
  });
  afterAll(async () => {
    await fresh.drop();
    delete process.env.KOMEK_DATA_DIR;
    clearTrustCache();
    fs.rmSync(path.dirname(pkiDir), { recursive: true, force: true });
  });

  describe("an assignment, from registration to the signed notice in the cabinet", () => {
    let id: string;
    let number: string;
    let members: string[];
    const at = (suffix = "") => `/staff/cases/${id}${suffix}`;
    const p = () => ({ id });

    beforeAll(async () => {
      ({ applicationId: id, registrationNumber: number, members } = await registerDemoCase(fresh.db, AIGERIM));
    });

    it("the registered case appears in the Nura journal and not in Akzhar's", async () => {
      const nura = await get(journalRoute, "nura.specialist", "/staff");
      expect((nura.body as { journal: { rows: { id: string }[] } }).journal.rows.map((r) => r.id)).toContain(id);
      const akzhar = await get(journalRoute, "akzhar.specialist", "/staff");
      expect((akzhar.body as { journal: { rows: { id: string }[] } }).journal.rows.map((r) => r.id)).not.toContain(id);
    });

    it("a specialist of another district can neither open nor move the case", async () => {
      expect((await get(caseRoute, "akzhar.specialist", at(), p())).status).toBe(404);
      expect((await post(caseRoute, "akzhar.specialist", at(), p(), { intent: "send_to_commission" })).status).toBe(404);
      expect(await statusOf(id)).toBe("registered");
    });

    it("the commission cannot send the case to itself: that is the specialist's step", async () => {
      const r = await post(caseRoute, "nura.commission", at(), p(), { intent: "send_to_commission" });
      expect(r.status).toBe(409);
      expect(errorsOf(r).form).toBe("decision:transitionError.role_not_allowed");
    });

    it("a step out of order is refused: no survey before the case is sent to the commission", async () => {
      const r = await post(surveyRoute, "nura.commission", at("/survey"), p(), {
        surveyedOn: "2026-11-20", membersPresent: "все", livingConditions: "удовл.", propertySeen: "нет", conclusion: "needy",
      });
      expect(r.status).toBe(409);
      expect(errorsOf(r).form).toBe("decision:transitionError.illegal_transition");
    });

    it("the specialist sends the case to the district commission", async () => {
      const r = await post(caseRoute, "nura.specialist", at(), p(), { intent: "send_to_commission" });
      expect(r).toMatchObject({ status: 302, location: at() });
      expect(await statusOf(id)).toBe("sent_to_commission");
    });

    it("a specialist cannot fill in the survey act (403), and the commission must fill every field", async () => {
      expect((await post(surveyRoute, "nura.specialist", at("/survey"), p(), { surveyedOn: "2026-11-20" })).status).toBe(403);
      const r = await post(surveyRoute, "nura.commission", at("/survey"), p(), { surveyedOn: "", membersPresent: "", livingConditions: "", propertySeen: "", conclusion: "" });
      expect(r.status).toBe(400);
      expect(Object.keys(errorsOf(r)).sort()).toEqual(["conclusion", "livingConditions", "membersPresent", "propertySeen", "surveyedOn"]);
    });

    it("the commission records the act with its conclusion", async () => {
      const r = await post(surveyRoute, "nura.commission", at("/survey"), p(), {
        surveyedOn: (await fresh.db.select().from(applications).where(eq(applications.id, id)))[0].applicationDate!,
        membersPresent: "Заявитель, супруг; члены комиссии Омаров Е. С., Ахметова Г.",
        livingConditions: "Двухкомнатная квартира, печное отопление",
        propertySeen: "нет",
        conclusion: "needy",
        notes: "",
      });
      expect(r).toMatchObject({ status: 302 });
      expect(await statusOf(id)).toBe("survey_recorded");
    });

    it("only the head assigns the responsible specialist, and only a specialist of the office", async () => {
      expect((await post(caseRoute, "nura.specialist", at(), p(), { intent: "assign_specialist", specialistId: String(staffIds["nura.specialist"]) })).status).toBe(409);
      const wrong = await post(caseRoute, "nura.head", at(), p(), { intent: "assign_specialist", specialistId: String(staffIds["akzhar.specialist"]) });
      expect(errorsOf(wrong).specialistId).toBe("deciding:assign.errors.specialist");
      const r = await post(caseRoute, "nura.head", at(), p(), { intent: "assign_specialist", specialistId: String(staffIds["nura.specialist"]) });
      expect(r.status).toBe(302);
      expect(await statusOf(id)).toBe("specialist_assigned");
    });

    it("a correction of income needs a reason", async () => {
      const r = await post(incomeRoute, "nura.specialist", at("/income"), p(), { intent: "add_correction", iin: "", month: "", kind: "delta", amount: "3000", reason: "" });
      expect(r.status).toBe(400);
      expect(errorsOf(r).reason).toBe("decision:incomeError.correction_reason_required");
      const ok = await post(incomeRoute, "nura.specialist", at("/income"), p(), {
        intent: "add_correction", iin: "", month: "", kind: "delta", amount: "3000", reason: "Доход от подсобного хозяйства по акту обследования",
      });
      expect(ok).toMatchObject({ status: 302, location: at("/income") });
    });

    it("the assigned specialist computes per-capita income from the registry plus the correction", async () => {
      const page = await get(incomeRoute, "nura.specialist", at("/income"), p());
      const view = page.body as { quarter: { months: string[] }; incomes: { amount: number }[]; members: unknown[] };
      expect(view.members).toHaveLength(members.length);
      const registryTotal = view.incomes.reduce((s, r) => s + r.amount, 0);
      expect((await post(incomeRoute, "nura.specialist", at("/income"), p(), { intent: "compute" })).status).toBe(302);
      expect(await statusOf(id)).toBe("income_computed");
      const [calc] = await fresh.query<{ total_tenge: number; per_capita_tiyn: string; amount_tiyn: string; poverty_line_tenge: number }>(
        `select total_tenge, per_capita_tiyn::text, amount_tiyn::text, poverty_line_tenge from income_calculations where application_id = $1`,
        [id],
      );
      expect(calc.total_tenge).toBe(registryTotal + 3000);
      const perCapita = Math.floor(((registryTotal + 3000) * 100) / (3 * members.length));
      expect(Number(calc.per_capita_tiyn)).toBe(perCapita);
      expect(Number(calc.amount_tiyn)).toBe(aspMonthlyAmount({ povertyLineTenge: calc.poverty_line_tenge, perCapitaTiyn: perCapita, members: members.length }).amountTiyn);
      expect(Number(calc.amount_tiyn)).toBeGreaterThan(0);
    });

    it("a decision that contradicts the calculation is refused with the reason", async () => {
      const page = (await get(decisionRoute, "nura.specialist", at("/decision"), p())).body as { amountTiyn: number; period: { from: string; to: string } };
      const r = await post(decisionRoute, "nura.specialist", at("/decision"), p(), {
        kind: "assignment", amountTiyn: String(page.amountTiyn + 100), periodFrom: page.period.from, periodTo: page.period.to,
      });
      expect(r.status).toBe(400);
      expect(errorsOf(r).kind).toMatch(/^decision:decisionError.amount_differs_from_calculation/);
      const refusal = await post(decisionRoute, "nura.specialist", at("/decision"), p(), { kind: "refusal", grounds: "not_low_income" });
      expect(errorsOf(refusal).grounds).toBe("decision:decisionError.not_low_income_contradicts_calculation");
    });

    it("the specialist drafts the assignment; the head returns it; the specialist drafts again", async () => {
      const page = (await get(decisionRoute, "nura.specialist", at("/decision"), p())).body as { amountTiyn: number; period: { from: string; to: string } };
      const draft = () =>
        post(decisionRoute, "nura.specialist", at("/decision"), p(), { kind: "assignment", amountTiyn: String(page.amountTiyn), periodFrom: page.period.from, periodTo: page.period.to });
      expect((await draft()).status).toBe(302);
      expect(await statusOf(id)).toBe("decision_drafted");
      const noReason = await post(caseRoute, "nura.head", at(), p(), { intent: "return_draft", reason: "" });
      expect(errorsOf(noReason).reason).toBe("deciding:decide.errors.returnReason");
      expect((await post(caseRoute, "nura.head", at(), p(), { intent: "return_draft", reason: "Проверьте период" })).status).toBe(302);
      expect(await statusOf(id)).toBe("income_computed");
      expect((await draft()).status).toBe(302);
      expect(await statusOf(id)).toBe("decision_drafted");
    });

    it("the head's signature must be the head's own and over exactly the notice shown", async () => {
      const page = (await get(signRoute, "nura.head", at("/sign"), p())).body as { payload: string };
      const citizenKey = await headSignature(page.payload, `${AIGERIM}.p12`);
      const foreign = await post(signRoute, "nura.head", at("/sign"), p(), { payload: page.payload, signature: citizenKey });
      expect(errorsOf(foreign)["sign-keyfile"]).toBe("signature:reasons.iin_mismatch");
      const edited = page.payload.replace(/"amountTiyn":\d+/, '"amountTiyn":1');
      const r = await post(signRoute, "nura.head", at("/sign"), p(), { payload: edited, signature: await headSignature(edited) });
      expect(errorsOf(r).form).toBe("deciding:sign.stale");
      expect(await statusOf(id)).toBe("decision_drafted");
    });

    it("the head signs; the notice is delivered to the cabinet and an SMS goes out in Kazakh", async () => {
      const page = (await get(signRoute, "nura.head", at("/sign"), p())).body as { payload: string; ru: { title: string }; kk: { title: string } };
      expect(page.ru.title).toBe("Назначение адресной социальной помощи");
      expect(page.kk.title).toBe("Атаулы әлеуметтік көмек тағайындау");
      const r = await post(signRoute, "nura.head", at("/sign"), p(), { payload: page.payload, signature: await headSignature(page.payload) });
      expect(r).toMatchObject({ status: 302, location: at() });
      expect(await statusOf(id)).toBe("notice_delivered");
      const sms = await fresh.query<{ phone: string; body: string; language: string; purpose: string }>(
        `select phone, body, language, purpose from sms_messages where iin = $1 and purpose = 'decision'`,
        [AIGERIM],
      );
      expect(sms).toEqual([{ phone: "+77015550101", language: "kk", purpose: "decision", body: expect.stringContaining(`№ ${number} өтініш бойынша шешім қабылданды`) }]);
    });

    it("every transition is in the audit trail, in order, with who did it", async () => {
      const audit = await fresh.query<{ action: string; actor_label: string; to_status: string }>(
        `select action, actor_label, to_status from case_transitions where application_id = $1 order by id`,
        [id],
      );
      expect(audit.map((a) => `${a.action}:${a.actor_label}`)).toEqual([
        "register:system",
        "send_to_commission:nura.specialist",
        "record_survey:nura.commission",
        "assign_specialist:nura.head",
        "compute_income:nura.specialist",
        "draft_decision:nura.specialist",
        "return_draft:nura.head",
        "draft_decision:nura.specialist",
        "sign_decision:nura.head",
        "deliver_notice:system",
      ]);
      const view = (await get(caseRoute, "nura.head", at(), p())).body as { timeline: { action: string }[]; final: boolean };
      expect(view.timeline).toHaveLength(audit.length);
      expect(view.final).toBe(true);
    });

    it("an assigned family keeps its claim on a live case: it receives ASP and may not open a second one", async () => {
      const claimed = await fresh.db.select().from(activeCaseMembers).where(eq(activeCaseMembers.applicationId, id));
      expect(claimed.map((c) => c.iin).sort()).toEqual([...members].sort());
    });

    it("the citizen sees the notice in the cabinet, reads it in ru and kk, and downloads the PDF and the signed file", async () => {
      const cabinet = (await get(cabinetRoute, "aigerim", "/cabinet")).body as { notices: { href: string | null; title: string }[] };
      const listed = cabinet.notices.find((n) => n.href?.startsWith("/notices/"));
      expect(listed?.title).toContain(number);
      const noticeId = listed!.href!.split("/")[2];
      const ru = (await get(noticeRoute, "aigerim", `/notices/${noticeId}?lang=ru`, { id: noticeId })).body as { text: { lines: string[] } };
      const kk = (await get(noticeRoute, "aigerim", `/notices/${noticeId}?lang=kk`, { id: noticeId })).body as { text: { lines: string[] } };
      expect(ru.text.lines.join("\n")).toContain("Принято решение назначить адресную социальную помощь.");
      expect(kk.text.lines.join("\n")).toContain("Атаулы әлеуметтік көмек тағайындау туралы шешім қабылданды.");
      const pdf = await get(pdfRoute, "aigerim", `/notices/${noticeId}/pdf?lang=kk`, { id: noticeId });
      const bytes = Buffer.from(await (pdf.body as Response).arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(bytes.toString("latin1")).toContain(`${number}.notice.jws`);
      // Someone else's session reads the notice as missing.
      expect((await get(noticeRoute, "nura.specialist", `/notices/${noticeId}`, { id: noticeId })).status).toBe(200);
      expect((await get(noticeRoute, "akzhar.specialist", `/notices/${noticeId}`, { id: noticeId })).status).toBe(404);
      // Staff reads of the notice — page, PDF, signed file — are in the applicant's «who looked at my data»; the citizen's own are not.
      const noticeReads = async () =>
        (await fresh.query<{ shown: { form: string }; actor_role: string }>(
          `select shown, actor_role from data_access_log where subject_iin = $1 and purpose = 'notice_reading' order by id`, [AIGERIM],
        ));
      expect((await noticeReads()).map((r) => [r.actor_role, r.shown.form])).toEqual([["specialist", "page"]]);
      expect((await get(pdfRoute, "nura.head", `/notices/${noticeId}/pdf?lang=ru`, { id: noticeId })).status).toBe(200);
      expect((await get(signedRoute, "nura.head", `/notices/${noticeId}/signed`, { id: noticeId })).status).toBe(200);
      expect((await noticeReads()).map((r) => [r.actor_role, r.shown.form])).toEqual([["specialist", "page"], ["head", "pdf"], ["head", "signed"]]);
      const jws = await ((await get(signedRoute, "aigerim", `/notices/${noticeId}/signed`, { id: noticeId })).body as Response).text();

      // /verify accepts the file and the printed code, and rejects a tampered copy.
      expect(await verifyFile(jws)).toMatchObject({ valid: true, registrationNumber: number, kind: "assignment", kindKey: "decision:kind.assignment", signerName: "Бекмуханов Нурлан Асанович" });
      const [header, payload, signature] = jws.split(".");
      const forged = Buffer.from(Buffer.from(payload, "base64url").toString("utf8").replace(/"amountTiyn":(\d+)/, '"amountTiyn":9$1')).toString("base64url");
      expect(await verifyFile([header, forged, signature].join("."))).toEqual({ valid: false, reason: "tampered" });
      expect(await verifyFile("not a notice")).toEqual({ valid: false, reason: "malformed" });
      const [{ verification_code: code }] = await fresh.query<{ verification_code: string }>(`select verification_code from notices where id = $1`, [noticeId]);
      const byCode = await get(verifyRoute, "", `/verify?number=${number}&code=${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`);
      expect((byCode.body as { outcome: { valid: boolean } }).outcome.valid).toBe(true);
      const wrong = await get(verifyRoute, "", `/verify?number=${number}&code=AAAAA-AAAAA`);
      expect((wrong.body as { outcome: unknown }).outcome).toEqual({ valid: false, reason: "not_found" });
      const upload = new FormData();
      upload.set("csrf", csrf.token);
      upload.set("file", new File([[header, forged, signature].join(".")], "notice.jws"));
      const posted = await outcome(() => verifyRoute.action({ request: requestAs(csrf.cookie, "/verify", { method: "POST", body: upload }), params: {}, context: {} }));
      expect((posted.body as { outcome: unknown }).outcome).toEqual({ valid: false, reason: "tampered", source: "jws" });
    });
  });

  describe("a refusal on the commission's conclusion", () => {
    it("cites the commission's ground and frees the family to apply again", async () => {
      const { applicationId: id } = await registerDemoCase(fresh.db, SERIK);
      const at = (s = "") => `/staff/cases/${id}${s}`;
      const p = { id };
      await post(caseRoute, "nura.specialist", at(), p, { intent: "send_to_commission" });
      const today = (await fresh.db.select().from(applications).where(eq(applications.id, id)))[0].applicationDate!;
      await post(surveyRoute, "nura.commission", at("/survey"), p, { surveyedOn: today, membersPresent: "все", livingConditions: "хорошие", propertySeen: "два автомобиля", conclusion: "not_needy" });
      await post(caseRoute, "nura.head", at(), p, { intent: "assign_specialist", specialistId: String(staffIds["nura.specialist"]) });
      await post(incomeRoute, "nura.specialist", at("/income"), p, { intent: "compute" });
      const assignment = await post(decisionRoute, "nura.specialist", at("/decision"), p, { kind: "assignment", amountTiyn: "100", periodFrom: today.slice(0, 7), periodTo: today.slice(0, 7) });
      expect(errorsOf(assignment).kind).toBe("decision:decisionError.assignment_contradicts_commission");
      const noEvent = await post(decisionRoute, "nura.specialist", at("/decision"), p, { kind: "refusal", grounds: ["commission_found_no_need", "false_information"] });
      expect(errorsOf(noEvent).event_false_information).toBe('decision:decisionError.ground_event_missing|{"item":4}');
      // Defect 3: each six-month ground has its own date, and an event older than six months does not bar.
      const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      const stale = await post(decisionRoute, "nura.specialist", at("/decision"), p, { kind: "refusal", grounds: ["commission_found_no_need", "false_information"], event_false_information: yearAgo });
      expect(errorsOf(stale).event_false_information).toBe('decision:decisionError.ground_outside_bar|{"item":4}');
      // Defect 5: ground 2 never rests on a member article 2 item 6 exempts (here: a disability the gateway reports).
      const [member] = await fresh.query<{ iin: string }>(`select iin from application_members where application_id = $1 and iin <> $2 order by iin limit 1`, [id, SERIK]);
      await fresh.query(`insert into registry.statuses (iin, kind, detail, valid_from) values ($1, 'disability', '2', '2020-01-01')`, [member!.iin]);
      const exempt = await post(decisionRoute, "nura.specialist", at("/decision"), p, {
        kind: "refusal",
        grounds: ["commission_found_no_need", "refused_employment_measures"],
        event_refused_employment_measures: today,
        eventMember: member!.iin,
      });
      expect(errorsOf(exempt).eventMember).toBe('decision:decisionError.ground_member_exempt|{"reason":"disability"}');
      expect((await post(decisionRoute, "nura.specialist", at("/decision"), p, { kind: "refusal", grounds: ["commission_found_no_need"] })).status).toBe(302);
      const page = (await get(signRoute, "nura.head", at("/sign"), p)).body as { payload: string; ru: { lines: string[] }; kk: { lines: string[] } };
      expect(page.ru.lines.join("\n")).toContain("согласно заключению участковой комиссии");
      expect(page.kk.lines.join("\n")).toContain("9-тармағының 5) тармақшасы");
      expect((await post(signRoute, "nura.head", at("/sign"), p, { payload: page.payload, signature: await headSignature(page.payload) })).status).toBe(302);
      expect(await statusOf(id)).toBe("notice_delivered");
      expect(await fresh.db.select().from(activeCaseMembers).where(eq(activeCaseMembers.applicationId, id))).toEqual([]);
    });
  });

  describe("deadlines", () => {
    let id: string;
    const at = (s = "") => `/staff/cases/${id}${s}`;
    beforeAll(async () => {
      const [iin] = testIins(1, 8600);
      const r = await registerApplication(fresh.db, {
        ...ASP_REGISTRATION,
        applicantIin: iin, channel: "centre", members: [{ iin, relation: "applicant" }], katoCode: "355230100",
        applicationDate: "2026-11-23", dueDate: "2026-12-14", registeredBy: "nura.specialist", now: new Date("2026-11-23T05:00:00Z"),
      });
      if (!r.ok) throw new Error("setup");
      id = r.applicationId;
    });

    it("a request to other agencies extends the term by calendar days and flags the missing notification", async () => {
      const tooMany = await post(agenciesRoute, "nura.specialist", at("/agencies"), { id }, { agency: "Департамент юстиции", requestedOn: "2026-11-23", days: "31" });
      expect(errorsOf(tooMany).days).toBe("decision:otherAgencies.error.extension_exhausted");
      const r = await post(agenciesRoute, "nura.specialist", at("/agencies"), { id }, { agency: "Департамент юстиции", requestedOn: "2026-11-23", days: "20" });
      expect(r.status).toBe(302);
      const [row] = await fresh.db.select().from(applications).where(eq(applications.id, id));
      expect(row.dueDate).toBe("2027-01-03");
      expect(row.status).toBe("registered");
      const flagged = (await get(journalRoute, "nura.head", "/staff?notify=1")).body as { journal: { rows: { id: string; notifyBy: string | null }[] } };
      expect(flagged.journal.rows.find((x) => x.id === id)?.notifyBy).toBe("2026-11-25");
    });

    it("the head's signed notice to the applicant clears the flag and leaves a notification for the cabinet", async () => {
      const view = (await get(caseRoute, "nura.specialist", at(), { id })).body as { requests: { id: number }[] };
      const params = { id, requestId: String(view.requests[0].id) };
      const page = (await get(extensionRoute, "nura.head", at(`/extension/${params.requestId}`), params)).body as { payload: string };
      const r = await post(extensionRoute, "nura.head", at(`/extension/${params.requestId}`), params, { payload: page.payload, signature: await headSignature(page.payload) });
      expect(r.status).toBe(302);
      const flagged = (await get(journalRoute, "nura.head", "/staff?notify=1")).body as { journal: { rows: { id: string }[] } };
      expect(flagged.journal.rows.map((x) => x.id)).not.toContain(id);
      const [req] = await fresh.query<{ notice_ru: string; notice_kk: string }>(`select notice_ru, notice_kk from other_agency_requests where application_id = $1`, [id]);
      expect(req.notice_ru).toContain("Срок рассмотрения продлён до 03.01.2027");
      expect(req.notice_kk).toContain("Қарау мерзімі 03.01.2027 дейін ұзартылды");
    });

    it.each([
      ["due=3", false],
      ["overdue=1", false],
      ["due=60", true],
      ["due=abc", true],
    ])("the journal filter %s finds the case: %s (a mistyped filter is reported, not applied)", async (query, found) => {
      const r = (await get(journalRoute, "nura.specialist", `/staff?${query}`)).body as { journal: { rows: { id: string }[]; errors: Record<string, string> } };
      expect(r.journal.rows.some((x) => x.id === id)).toBe(found);
      if (query === "due=abc") expect(r.journal.errors.due).toBe("deciding:journal.errors.dueWithin");
    });

    it("the daily job reminds the next actor and the head of cases due within 3 working days, once a day", async () => {
      // 2026-12-29 (Tuesday): Aigerim's and Serik's cases are done; this one is due 2027-01-03 (Sunday) → 2 working days.
      const now = new Date("2026-12-29T04:00:00Z");
      const first = await remindStaffOfDueCases(fresh.db, now);
      const again = await remindStaffOfDueCases(fresh.db, now);
      expect(first.reminders).toBeGreaterThan(0);
      expect(again.reminders).toBe(0);
      const rows = await fresh.query<{ login: string; working_days_left: number }>(
        `select s.login, r.working_days_left from staff_reminders r join staff_accounts s on s.id = r.staff_id where r.application_id = $1 order by s.login`,
        [id],
      );
      expect(rows.map((r) => r.login)).toEqual(["nura.head", "nura.specialist"]);
    });
  });
});
