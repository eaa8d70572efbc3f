/**
 * The staff steps of a local social assistance case (issue 14, ADR 022), against the real database:
 * the steps a category needs (operation help 8.3.2: survey and income; a fire 8.2: neither), the
 * income against the category's threshold and the refusal on clause 12 ground 3, ground 4 against
 * our own cases, the special commission's amount as the assignment, the notice signed by the
 * specialist and then the head (the head alone cannot put it in force, nor can the database), the
 * delivery and SMS in the applicant's language, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { demoCitizens } from "../../db/seed/demo-people";
import { KATO } from "../../db/seed/kato";
import { activeCaseMembers, applications, caseTransitions, decisions, localCases, noticeCosignatures, notices, paymentLines, personFacts, smsMessages, staffAccounts, yearlyParameters } from "../../db/schema";
import { runPayments } from "../../app/payments/pipeline.server";
import { findStaffById } from "../../db/queries/accounts";
import { getOrCreateDraft } from "../../db/queries/applications";
import { releaseEndedAssignments } from "../../db/queries/deciding";
import { installBenchPki } from "../../bench/workloads/submit";
import { issuePersonCertificate } from "../../app/signature/pki";
import { signAs } from "../../app/signature/testing";
import { registerCase } from "../../app/services/register.server";
import { getService } from "../../app/services/registry";
import { applicationDay } from "../../app/domain/application-day";
import { kzCalendar } from "../../app/domain/workdays";
import { kzDate } from "../../app/domain/kz-time";
import type { StaffUser } from "../../app/session.server";
import { assignSpecialist, computeIncome, draftDecision, noticeFacts, recordSurvey, sendToCommission, signAndDeliver, type StepContext } from "../../app/staff/deciding.server";
import { cosignNotice, draftLocalDecision, localDecisionForm } from "../../app/services/local/deciding.server";
import { recordCommissionAmount } from "../../app/services/local/commission.server";
import { caseView } from "../../app/staff/case-view.server";
import { verifyByCode } from "../../app/notices/notices.server";
import { noticePayload } from "../../app/notices/text";
import { outcome, postForm, requestAs, sessionCookie } from "../support/session";
import * as decideRoute from "../../app/routes/staff.cases.$id_.decide-local";
import * as signRoute from "../../app/routes/staff.cases.$id_.sign";
import * as commissionRoute from "../../app/routes/staff.cases.$id_.local";

const citizen = (scenario: string) => demoCitizens.find((c) => c.scenario === scenario)!;
const URL_ = "http://localhost/verify";

describe("deciding a local-assistance case", () => {
  let fresh: FreshDb;
  let dataDir: string;
  let ca: Awaited<ReturnType<typeof installBenchPki>>;
  let mrp: number;
  let pm: number;
  const saved = process.env.KOMEK_TODAY;

  beforeAll(async () => {
    process.env.KOMEK_TODAY = "2025-10-01";
    fresh = await createFreshDb({ prefix: "komek_lsa_deciding" });
    setDb(fresh);
    // Incomes for the quarter before today's application day.
    await seedDemoIfEmpty(fresh.db, { referenceDate: kzDate(new Date()), generatedPersons: 0 });
    await seedAccounts(fresh.db);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-lsa-"));
    ca = await installBenchPki(dataDir);
    const [p] = await fresh.db.select().from(yearlyParameters).where(eq(yearlyParameters.year, Number(kzDate(new Date()).slice(0, 4))));
    mrp = p.mrp;
    pm = p.subsistenceMinimum;
  }, 60_000);
  afterAll(async () => {
    if (saved === undefined) delete process.env.KOMEK_TODAY;
    else process.env.KOMEK_TODAY = saved;
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const staff = async (login: string): Promise<StaffUser> => {
    const [row] = await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, login));
    const found = (await findStaffById(fresh.db, row.id))!;
    return { kind: "staff", staff: found.staff, office: found.office, sessionHash: "test" };
  };
  const load = async (id: string) => (await fresh.db.select().from(applications).where(eq(applications.id, id)))[0];
  const ctx = async (login: string, id: string): Promise<StepContext> => ({ user: await staff(login), application: await load(id), now: new Date() });

  /** A portal case of the citizen for the category, registered as the portal does (apply.server.ts submitLocal). */
  async function fileLocal(iin: string, categoryCode: string) {
    const now = new Date();
    const draft = await getOrCreateDraft(fresh.db, "local", iin, now);
    await fresh.db.insert(localCases).values({ applicationId: draft.id, districtKato: KATO.nuraDistrict, actNumber: "159", actDate: "2025-04-29", categoryCode, eventDate: null });
    const registered = await registerCase(fresh.db, getService("local"), {
      applicationId: draft.id,
      applicantIin: iin,
      channel: "portal",
      members: [{ iin, relation: "applicant" }],
      katoCode: KATO.nura,
      // Today, so the survey may be dated today whatever the hour (after hours the portal's day is the next working day).
      applicationDate: kzDate(now),
      registeredBy: "system",
      now,
      signedPayload: "{}",
      signature: "test",
      signerSerial: "test",
    });
    expect(registered.ok).toBe(true);
    return draft.id;
  }

  const survey = { surveyedOn: kzDate(new Date()), membersPresent: "заявитель", livingConditions: "дом", propertySeen: "нет", conclusion: "needy" as const, notes: null };

  async function signNotice(login: string, id: string, sign: (c: StepContext, input: { postedPayload: string; jws: string; verifyUrl: string }) => Promise<unknown>) {
    const c = await ctx(login, id);
    const built = (await noticeFacts(fresh.db, c, URL_))!;
    const payload = noticePayload(built.facts);
    const entity = await issuePersonCertificate(ca, { iin: c.user.staff.iin, surname: c.user.staff.fullNameRu.split(" ")[0], givenName: c.user.staff.fullNameRu.split(" ")[1] });
    return sign(c, { postedPayload: payload, jws: await signAs(entity, payload), verifyUrl: URL_ });
  }

  async function toSpecialist(id: string) {
    expect(await sendToCommission(await ctx("nura.specialist", id))).toEqual({ ok: true });
    expect(await recordSurvey(await ctx("nura.commission", id), survey)).toEqual({ ok: true });
    const specialist = await staff("nura.specialist");
    expect(await assignSpecialist(await ctx("nura.head", id), specialist.staff.id)).toEqual({ ok: true });
  }

  describe("operation help (8.3.2): survey, income within 1 ПМ, special commission, two signatures", () => {
    const iin = citizen("local_deciding_ru").iin;
    let id: string;

    it("goes to the district commission and is surveyed, as ASP; the head then assigns the specialist", async () => {
      id = await fileLocal(iin, "8.3.2");
      // No skipping the survey this category needs.
      expect(await assignSpecialist(await ctx("nura.head", id), (await staff("nura.specialist")).staff.id)).toEqual({ ok: false, refusal: "illegal_transition" });
      await toSpecialist(id);
      expect((await load(id)).status).toBe("specialist_assigned");
    });

    it("the special commission waits for the income; the decision waits for both", async () => {
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "assignment" })).toEqual({ ok: false, refusal: "illegal_transition" });
      expect(await computeIncome(await ctx("nura.specialist", id))).toEqual({ ok: true });
      const view = await caseView((await ctx("nura.specialist", id)).user, await load(id), "ru", new Date());
      // Compared with 1 ПМ of the valuation year, not with the poverty line.
      expect(view.calculation).toMatchObject({ povertyLineTenge: pm, lowIncome: true, amountTiyn: 0 });
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "assignment" })).toEqual({ ok: false, errors: { kind: "local:decide.errors.commission_missing" } });
    });

    it("the commission's amount must be the act's 10 МРП of the year; a specialist cannot set it", async () => {
      expect(await recordCommissionAmount(await ctx("nura.commission", id), 10 * mrp + 1)).toEqual({ ok: false, reason: "not_the_fixed_amount" });
      expect(await recordCommissionAmount(await ctx("nura.specialist", id), 10 * mrp)).toEqual({ ok: false, refusal: "role_not_allowed" });
      expect(await recordCommissionAmount(await ctx("nura.commission", id), 10 * mrp)).toEqual({ ok: true });
      const audit = await fresh.db.select().from(caseTransitions).where(and(eq(caseTransitions.applicationId, id), eq(caseTransitions.action, "record_special_commission")));
      expect(audit).toMatchObject([{ actorRole: "commission", details: { amountTenge: 10 * mrp } }]);
    });

    it("the assignment is the commission's amount for the decision month", async () => {
      const form = (await localDecisionForm(await load(id), new Date()))!;
      expect(form.proposed).toEqual([]);
      expect(form.defaultKind).toBe("assignment");
      // Ground 3 cannot be cited while income is within the threshold.
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "refusal", grounds: ["income_above_threshold"] })).toEqual({ ok: false, errors: { grounds: "local:decide.errors.ground_not_established" } });
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "assignment" })).toEqual({ ok: true });
      const [d] = await fresh.db.select().from(decisions).where(eq(decisions.applicationId, id));
      const month = kzDate(new Date()).slice(0, 7);
      expect(d).toMatchObject({ kind: "assignment", amountTiyn: 10 * mrp * 100, periodFrom: month, periodTo: month });
    });

    it("the head alone cannot sign: not through the service, not in the database", async () => {
      expect(await signNotice("nura.head", id, signAndDeliver)).toEqual({ ok: false, refusal: "cosignature_missing" });
      const [n] = await fresh.db.select().from(notices).where(eq(notices.applicationId, id));
      await expect(
        fresh.db.update(notices).set({ payload: "{}", signature: "x", signerIin: "880211340018", signedAt: new Date(), textRu: "x", textKk: "x" }).where(eq(notices.id, n.id)),
      ).rejects.toThrow();
      expect((await fresh.db.select().from(notices).where(eq(notices.id, n.id)))[0].signature).toBeNull();
      // Nor by inserting a second notice already signed (migration 0023).
      const { id: _id, ...copy } = n;
      const inserted = await fresh.db
        .insert(notices).values({ ...copy, verificationCode: "FORGED0001", signature: "x", signerIin: "880211340018", signedAt: new Date() })
        .then(() => null, (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e));
      expect(inserted).toMatch(/specialist's signature/);
      expect(await fresh.db.select().from(notices).where(eq(notices.applicationId, id))).toHaveLength(1);
      expect((await load(id)).status).toBe("decision_drafted");
    });

    it("a tampered notice text signed by the specialist changes nothing", async () => {
      const c = await ctx("nura.specialist", id);
      const built = (await noticeFacts(fresh.db, c, URL_))!;
      const payload = noticePayload({ ...built.facts, decision: { kind: "assignment", amountTiyn: 99_999_900, period: { from: "2026-01", to: "2026-12" } } });
      const entity = await issuePersonCertificate(ca, { iin: c.user.staff.iin, surname: "Жумабаева", givenName: "Салтанат" });
      expect(await cosignNotice(c, { postedPayload: payload, jws: await signAs(entity, payload), verifyUrl: URL_ })).toEqual({ ok: false, refusal: "stale" });
      expect(await fresh.db.select().from(noticeCosignatures)).toHaveLength(0);
    });

    it("the specialist signs once; then the head signs, the notice is in force and delivered with both names", async () => {
      expect(await signNotice("nura.specialist", id, cosignNotice)).toEqual({ ok: true });
      expect(await signNotice("nura.specialist", id, cosignNotice)).toEqual({ ok: false, refusal: "already_cosigned" });
      expect((await load(id)).status).toBe("decision_drafted");
      // The specialist's signature is evidence: nobody rewrites it.
      await expect(fresh.db.update(noticeCosignatures).set({ signature: "y" })).rejects.toThrow();
      expect(await signNotice("nura.head", id, signAndDeliver)).toEqual({ ok: true });
      const app = await load(id);
      expect(app.status).toBe("notice_delivered");
      const [n] = await fresh.db.select().from(notices).where(eq(notices.applicationId, id));
      expect(n.signature).not.toBeNull();
      expect(n.deliveredAt).not.toBeNull();
      expect(n.textRu).toContain("Специалист: Жумабаева Салтанат Каировна. Подписано ЭЦП.");
      expect(n.textRu).toContain("Руководитель: Бекмуханов Нурлан Асанович. Подписано ЭЦП.");
      expect(n.textKk).toContain("Қиын өмірлік жағдай: жедел емдеу (операция)");
      const verified = await verifyByCode(n.registrationNumber, n.verificationCode);
      expect(verified).toMatchObject({ valid: true, kind: "assignment", kindKey: "local:notice.title.assignment", cosignerName: { ru: "Жумабаева Салтанат Каировна", kk: "Жұмабаева Салтанат Қайырқызы" } });
      const [sms] = await fresh.db.select().from(smsMessages).where(and(eq(smsMessages.iin, iin), eq(smsMessages.purpose, "decision")));
      expect(sms.language).toBe("ru");
      expect(sms.body).toContain(`назначена социальная помощь ${(10 * mrp).toLocaleString("ru-RU").replace(/\s/g, "\u00a0")},00 ₸`);
    });

    it("the decision the two signed is paid: the pipeline makes one one-off line of the commission's amount (issue 15)", async () => {
      const [d] = await fresh.db.select().from(decisions).where(eq(decisions.applicationId, id));
      const summary = await runPayments(kzDate(new Date()));
      expect(summary.schedule.lines).toBeGreaterThanOrEqual(1);
      const lines = await fresh.db.select().from(paymentLines).where(eq(paymentLines.applicationId, id));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ service: "local", decisionId: d.id, periodicity: "one_off", amountTiyn: 10 * mrp * 100, recipientIin: iin });
      expect(lines[0].month).toBe(`${d.periodFrom}-01`);
      // Run again: nothing new.
      expect((await runPayments(kzDate(new Date()))).schedule.lines).toBe(0);
    });

    it("clause 12 ground 4: a new application on the same ground after the assignment is refused, never assigned", async () => {
      // The payment month is over: the person may file again, and the earlier case is found.
      const next = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
      expect(await releaseEndedAssignments(fresh.db, next)).toBeGreaterThan(0);
      const second = await fileLocal(iin, "8.3.2");
      await toSpecialist(second);
      expect(await computeIncome(await ctx("nura.specialist", second))).toEqual({ ok: true });
      expect(await recordCommissionAmount(await ctx("nura.commission", second), 10 * mrp)).toEqual({ ok: true });
      const form = (await localDecisionForm(await load(second), new Date()))!;
      expect(form.proposed).toEqual(["already_assigned"]);
      expect(form.facts.earlierOnThisGround).toBe((await load(id)).registrationNumber);
      expect(await draftLocalDecision(await ctx("nura.specialist", second), { kind: "assignment" })).toEqual({ ok: false, errors: { kind: "local:decide.errors.already_assigned" } });
      expect(await draftLocalDecision(await ctx("nura.specialist", second), { kind: "refusal", grounds: ["already_assigned"] })).toEqual({ ok: true });
    });
  });

  describe("income above 1 ПМ: refusal on clause 12 ground 3, told in Kazakh", () => {
    const iin = citizen("local_deciding_kk").iin;
    let id: string;

    it("the income step finds it above the threshold; assignment is impossible and ground 3 is proposed", async () => {
      id = await fileLocal(iin, "8.3.2");
      await toSpecialist(id);
      expect(await computeIncome(await ctx("nura.specialist", id))).toEqual({ ok: true });
      const form = (await localDecisionForm(await load(id), new Date()))!;
      expect(form.facts.perCapitaIncome).toBeGreaterThan(pm);
      expect(form.proposed).toEqual(["income_above_threshold"]);
      expect(form.defaultKind).toBe("refusal");
      expect(form.assignmentErrors).toContain("income_above_threshold");
    });

    it("a tampered form changes nothing: an unknown kind, an unknown ground, a specialist of another district", async () => {
      const cookie = await sessionCookie({ kind: "staff", staffId: (await staff("nura.specialist")).staff.id });
      const post = async (fields: Record<string, string>, who = cookie) =>
        outcome(async () => decideRoute.action({ request: await postForm(who, `/staff/cases/${id}/decide-local`, fields), params: { id }, context: {} }));
      expect((await post({ kind: "grant" })).status).toBe(400);
      expect((await post({ kind: "refusal", grounds: "not_low_income" })).body).toMatchObject({ errors: { grounds: "local:decide.errors.unknown_ground" } });
      const akzhar = await sessionCookie({ kind: "staff", staffId: (await staff("akzhar.specialist")).staff.id });
      expect((await post({ kind: "refusal", grounds: "income_above_threshold" }, akzhar)).status).toBe(404);
      const commission = await sessionCookie({ kind: "staff", staffId: (await staff("nura.commission")).staff.id });
      expect((await post({ kind: "refusal", grounds: "income_above_threshold" }, commission)).status).toBe(403);
      expect(await fresh.db.select().from(decisions).where(eq(decisions.applicationId, id))).toHaveLength(0);
      // The commission's form for this case, read by another district: 404.
      expect((await outcome(() => commissionRoute.loader({ request: requestAs(akzhar, `/staff/cases/${id}/local`), params: { id }, context: {} }))).status).toBe(404);
    });

    it("refused on ground 3 through the form; signed by both; the SMS says why in Kazakh", async () => {
      const cookie = await sessionCookie({ kind: "staff", staffId: (await staff("nura.specialist")).staff.id });
      const res = await outcome(async () => decideRoute.action({ request: await postForm(cookie, `/staff/cases/${id}/decide-local`, { kind: "refusal", grounds: "income_above_threshold" }), params: { id }, context: {} }));
      expect(res).toMatchObject({ status: 302, location: `/staff/cases/${id}` });
      const [d] = await fresh.db.select().from(decisions).where(eq(decisions.applicationId, id));
      expect(d).toMatchObject({ kind: "refusal", grounds: ["income_above_threshold"], amountTiyn: null });
      // The sign page: the head is sent back to the case until the specialist has signed.
      const head = await sessionCookie({ kind: "staff", staffId: (await staff("nura.head")).staff.id });
      expect(await outcome(() => signRoute.loader({ request: requestAs(head, `/staff/cases/${id}/sign`), params: { id }, context: {} }))).toMatchObject({ status: 302, location: `/staff/cases/${id}` });
      expect(await signNotice("nura.specialist", id, cosignNotice)).toEqual({ ok: true });
      expect((await outcome(() => signRoute.loader({ request: requestAs(head, `/staff/cases/${id}/sign`), params: { id }, context: {} }))).status).toBe(200);
      expect(await signNotice("nura.head", id, signAndDeliver)).toEqual({ ok: true });
      const [n] = await fresh.db.select().from(notices).where(eq(notices.applicationId, id));
      expect(n.textKk).toContain("12-тармағының 3)-тармақшасы");
      expect(n.textRu).toContain("Превышение среднедушевого дохода");
      const [sms] = await fresh.db.select().from(smsMessages).where(and(eq(smsMessages.iin, iin), eq(smsMessages.purpose, "decision")));
      expect(sms.language).toBe("kk");
      expect(sms.body).toContain("табыс мәслихат шегінен жоғары");
      // A refusal frees the person to apply again.
      expect(await fresh.db.select().from(activeCaseMembers).where(eq(activeCaseMembers.applicationId, id))).toHaveLength(0);
    });
  });

  describe("a fire (8.2): no survey, no income", () => {
    it("the head assigns the specialist straight away; the commission's amount up to 100 МРП is assigned", async () => {
      const id = await fileLocal(citizen("local_disability").iin, "8.2");
      expect(await sendToCommission(await ctx("nura.specialist", id))).toEqual({ ok: false, refusal: "illegal_transition" });
      expect(await assignSpecialist(await ctx("nura.head", id), (await staff("nura.specialist")).staff.id)).toEqual({ ok: true });
      expect(await computeIncome(await ctx("nura.specialist", id))).toEqual({ ok: false, refusal: "illegal_transition" });
      expect(await recordCommissionAmount(await ctx("nura.commission", id), 100 * mrp + 1)).toEqual({ ok: false, reason: "above_limit" });
      expect(await recordCommissionAmount(await ctx("nura.commission", id), 250_000)).toEqual({ ok: true });
      // Ground 3 does not exist for a category without a threshold.
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "refusal", grounds: ["income_above_threshold"] })).toEqual({ ok: false, errors: { grounds: "local:decide.errors.ground_not_for_category" } });
      // ASP's decision form (amount from an income calculation) is not this case's.
      const month = kzDate(new Date()).slice(0, 7);
      expect(await draftDecision(await ctx("nura.specialist", id), { kind: "assignment", amountTiyn: 100, period: { from: month, to: month } })).toEqual({ ok: false, refusal: "illegal_transition" });
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "assignment" })).toEqual({ ok: true });
      const [d] = await fresh.db.select().from(decisions).where(eq(decisions.applicationId, id));
      expect(d.amountTiyn).toBe(25_000_000);
      // The staff page names the act the case was filed under, repealed since (it is decided under it).
      const view = await caseView(await staff("nura.head"), await load(id), "ru", new Date("2026-12-03T06:00:00Z"));
      expect(view.local).toMatchObject({ act: { number: "159", repealed: true }, category: { code: "8.2", survey: false } });
      expect(view.steps).toMatchObject({ survey: false, income: false, cosign: true });
      // The head may return the draft, but signs only after the specialist.
      expect(view.actions).toEqual(["return_draft"]);
      expect(view.waitingFor).toContain("specialist");
    });

    it("clause 12 ground 4 against the registry: help the district's register records under this act, not before it", async () => {
      const iin = citizen("local_e2e_ru").iin;
      const id = await fileLocal(iin, "8.2");
      expect(await assignSpecialist(await ctx("nura.head", id), (await staff("nura.specialist")).staff.id)).toEqual({ ok: true });
      expect(await recordCommissionAmount(await ctx("nura.commission", id), 100_000)).toEqual({ ok: true });
      const record = { iin, kind: "local_assistance" as const, value: `${KATO.nuraDistrict}:8.2`, source: "Нуринский районный отдел занятости и социальных программ" };
      // Assigned under the act this one repealed: not "on this ground" under act № 159.
      await fresh.db.insert(personFacts).values({ ...record, validFrom: "2025-02-10" });
      expect((await localDecisionForm(await load(id), new Date()))!.proposed).toEqual([]);
      // Another district's or category's record does not count either.
      await fresh.db.insert(personFacts).values({ ...record, value: "355400000:8.2", validFrom: "2025-07-01" });
      await fresh.db.insert(personFacts).values({ ...record, value: `${KATO.nuraDistrict}:8.3.2`, validFrom: "2025-07-01" });
      expect((await localDecisionForm(await load(id), new Date()))!.proposed).toEqual([]);
      await fresh.db.insert(personFacts).values({ ...record, validFrom: "2025-07-01" });
      const form = (await localDecisionForm(await load(id), new Date()))!;
      expect(form.proposed).toEqual(["already_assigned"]);
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "assignment" })).toEqual({ ok: false, errors: { kind: "local:decide.errors.already_assigned" } });
      expect(await draftLocalDecision(await ctx("nura.specialist", id), { kind: "refusal", grounds: ["already_assigned"] })).toEqual({ ok: true });
    });

    it("the database admits the skip for local cases only: a registered ASP case cannot jump to its specialist", async () => {
      const iin = citizen("eligible_portal").iin;
      const now = new Date();
      const draft = await getOrCreateDraft(fresh.db, "asp", iin, now);
      const registered = await registerCase(fresh.db, getService("asp"), {
        applicationId: draft.id, applicantIin: iin, channel: "portal", members: [{ iin, relation: "applicant" }], katoCode: KATO.nura,
        applicationDate: applicationDay(now, kzCalendar), registeredBy: "system", now, signedPayload: "{}", signature: "test", signerSerial: "test",
      });
      expect(registered.ok).toBe(true);
      await expect(fresh.db.execute(sql`update applications set status = 'specialist_assigned' where id = ${draft.id}`)).rejects.toThrow();
      expect(await assignSpecialist(await ctx("nura.head", draft.id), (await staff("nura.specialist")).staff.id)).toEqual({ ok: false, refusal: "illegal_transition" });
    });
  });
});
