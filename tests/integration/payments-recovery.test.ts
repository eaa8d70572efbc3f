/**
 * Issue 15, second part, on the real database: returns recorded on time and late (clause 22), the
 * returned sum handed back to the district by the month's last working day and a corrected account
 * after that re-scheduled (clause 23), every clause 14 ground with its stop date (registry events and
 * the staff page), an overpayment from a death registered mid-month after the next month was paid,
 * and the recovery of overpayments by the finance officer with its notices (clause 15). The staff
 * termination and the recovery steps are signed with the staff member's ЭЦП (ADR 023): a forged,
 * another person's or expired signature, or a payload that is not what the server rebuilds, is
 * refused and changes nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedAccounts } from "../../db/seed/accounts";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { createDemoAssignments, type DemoAssignment } from "../../app/payments/demo.server";
import {
  changeOverpayment, changePaymentAccount, importReturns, recordTransfer, runPayments, terminateAssignment, type PaymentActor,
} from "../../app/payments/pipeline.server";
import { endToEndId, pain002 } from "../../app/payments/files";
import { makeKzIban } from "../../app/domain/iban";
import { paymentsOverview, signRecovery, signTermination } from "../../app/payments/staff.server";
import { requireCaseAccess } from "../../app/staff/case.server";
import { cabinetPayments } from "../../app/payments/cabinet.server";
import { PAIN002_XSD, validateAgainstXsd } from "../support/xsd";
import { testIins } from "../support/people";
import { outcome, postForm, requestAs, sessionCookie } from "../support/session";
import * as staffPayments from "../../app/routes/staff.payments";
import * as caseTermination from "../../app/routes/staff.cases.$id_.payments";
import { requireStaff } from "../../app/session.server";
import { createDemoPki } from "../../app/signature/demo-keys.server";
import { clearTrustCache } from "../../app/signature/trust.server";
import { openKeyFile } from "../../app/signature/signer";
import { DEMO_KEY_PASSWORD } from "../../db/seed/demo-people";
import { NURA, TALSHIK, at, finance, akzharFinance, refusal } from "../support/payments";

const SPECIALIST_KEY = "850415440018.p12"; // nura.specialist
const HEAD_KEY = "880211340018.p12"; // nura.head
const FINANCE_KEY = "840214444115.p12"; // nura.finance


describe("returns, terminations and recovery", () => {
  let fresh: FreshDb;
  let people: DemoAssignment[];
  let cases: { applicationId: string; iban: string; registrationNumber: string }[];
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);
  const lineOf = async (i: number, month: string) =>
    Number((await q<{ id: string }>(`select id from payment_lines where recipient_iin = $1 and month = $2`, [people[i].iin, `${month}-01`]))[0].id);
  const transferAll = async (month: string, on: string) => {
    for (const d of await q<{ id: string; office_code: string }>(`select id, office_code from payment_demands where payment_month = $1 and transferred_on is null`, [`${month}-01`])) {
      await recordTransfer(Number(d.id), on, { actor: d.office_code === "nura" ? finance : akzharFinance, now: at(on) });
    }
  };
  const staffCookie = async (login: string) =>
    sessionCookie({ kind: "staff", staffId: Number((await q<{ id: string }>(`select id from staff_accounts where login = $1`, [login]))[0].id) });
  const officer = async (login: string) => requireStaff(requestAs(await staffCookie(login), "/staff/payments"), ["payment_officer", "finance_officer"]);

  let dataDir: string;
  const signWith = async (file: string, payload: string) => (await openKeyFile(fs.readFileSync(path.join(dataDir, "pki", file)), DEMO_KEY_PASSWORD)).sign(payload);
  /** Runs `step` on a clock 400 days ahead, when the demo keys (valid for a year) have expired. */
  const afterKeysExpired = async <T>(step: () => Promise<T>) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.now() + 400 * 24 * 3600 * 1000));
    try {
      return await step();
    } finally {
      vi.useRealTimers();
    }
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-pay-recovery-"));
    process.env.KOMEK_DATA_DIR = dataDir;
    await createDemoPki({ dir: path.join(dataDir, "pki") });
    clearTrustCache();
    fresh = await createFreshDb({ prefix: "komek_pay_recovery" });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
    await seedAccounts(fresh.db);
    const iins = testIins(9, 8800, "1971-05-01");
    people = iins.map((iin, i) => ({
      iin, lastName: `Получатель${i}`, firstName: "Тест", language: i % 2 ? "kk" : "ru", phone: `+7701666${String(1000 + i)}`,
      bankCode: i % 2 ? "722" : "601", account: `R${String(i).padStart(12, "0")}`, katoCode: i < 8 ? NURA : TALSHIK,
      amountTiyn: 3_100_000 + i * 1_000, periodFrom: "2026-12", periodTo: "2027-05", applicationDate: "2026-11-16",
    }));
    cases = await createDemoAssignments(fresh.db, people, at("2026-11-20"));
    await runPayments("2026-11-27", { now: at("2026-11-27") });
    await transferAll("2026-12", "2026-12-01");
    await runPayments("2026-12-01", { now: at("2026-12-01") });
    // The demo PKI (an RSA key per demo person) and the seed take a while on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await fresh?.drop();
    delete process.env.KOMEK_DATA_DIR;
    clearTrustCache();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("records a return on time and one late (clause 22); the officer sees which", async () => {
    const report = (i: number) =>
      pain002({ msgId: `RJ-${i}`, createdAt: "2026-12-03T09:30:00", originalMsgId: "x", rejected: [{ endToEndId: "", reason: "AC04" }] })
        .replace("<OrgnlEndToEndId>-</OrgnlEndToEndId>", `<OrgnlEndToEndId>${i}</OrgnlEndToEndId>`);
    const e0 = endToEndId("asp", await lineOf(0, "2026-12"), 1);
    const e1 = endToEndId("asp", await lineOf(1, "2026-12"), 1);
    const onTime = pain002({ msgId: "RJ-ON-TIME", createdAt: "2026-12-03T09:30:00", originalMsgId: "x", rejected: [{ endToEndId: e0, reason: "AC04" }] });
    const late = pain002({ msgId: "RJ-LATE", createdAt: "2026-12-03T09:30:00", originalMsgId: "x", rejected: [{ endToEndId: e1, reason: "AC01" }] });
    for (const xml of [onTime, late, report(7)]) expect((await validateAgainstXsd(xml, PAIN002_XSD)).errors).toEqual([]);

    // Notice Thursday 3 December: due by Tuesday 8th. Recorded on the 8th: on time; on Wednesday 9th: late.
    expect(await importReturns(onTime, { now: at("2026-12-08") })).toMatchObject({ recordedOn: "2026-12-08", late: false, returned: 1, recordBy: "2026-12-08" });
    expect(await importReturns(late, { now: at("2026-12-09") })).toMatchObject({ recordedOn: "2026-12-09", late: true, returned: 1, toDistrictBy: "2026-12-31" });
    const items = await q<{ end_to_end_id: string; return_late: boolean; rec: string }>(
      `select end_to_end_id, return_late, to_char(return_recorded_on, 'YYYY-MM-DD') as rec from payment_order_items where returned_on is not null order by end_to_end_id`);
    expect(items).toEqual([
      { end_to_end_id: e0, return_late: false, rec: "2026-12-08" },
      { end_to_end_id: e1, return_late: true, rec: "2026-12-09" },
    ].sort((a, b) => a.end_to_end_id.localeCompare(b.end_to_end_id)));
    const [audit] = await q<{ details: { late: boolean } }>(`select details from payment_audit where subject = 'returns:RJ-LATE'`);
    expect(audit.details.late).toBe(true);

    // The recipient is told in their language what to do.
    const [sms] = await q<{ body: string; language: string }>(`select body, language from sms_messages where iin = $1 and purpose = 'notice'`, [people[1].iin]);
    expect(sms.language).toBe("kk");
    expect(sms.body).toContain("шот нөмірі қате");
    expect(sms.body).toContain("кабинет");
  });

  it("re-pays a corrected account at once while the sum is with the State Corporation; hands the rest back on the month's last working day", async () => {
    const newIban = makeKzIban("601", "C000000000000");
    await q(`insert into registry.bank_accounts (iin, iban, bank_code, opened_at) values ($1, $2, '601', '2026-12-04')`, [people[0].iin, newIban]);
    const citizen = (i: number): PaymentActor => ({ label: people[i].iin, role: "citizen", staffId: null });
    expect(await changePaymentAccount({ service: "asp", applicationId: cases[0].applicationId, recipientIin: people[0].iin, input: newIban, source: "citizen", actor: citizen(0), now: at("2026-12-10") }))
      .toMatchObject({ requeued: 1, rescheduled: 0 });
    expect((await runPayments("2026-12-10", { now: at("2026-12-10") })).orders.items).toBe(1);

    // Before the hand-back: on Monday 4 January (the officer's day, not a working one) the page shows the second return overdue.
    const gk = await officer("gk.payments");
    const before = await paymentsOverview(gk, "2027-01-04");
    const overdue = before.returns.filter((r) => r.overdue).map((r) => r.end_to_end_id);
    expect(overdue).toEqual([endToEndId("asp", await lineOf(1, "2026-12"), 1)]);
    expect(before.returns.find((r) => r.repaid)?.end_to_end_id).toBe(endToEndId("asp", await lineOf(0, "2026-12"), 1));

    // The run of Thursday 31 December (last working day) records the hand-back of what was not re-paid; once.
    const run = await runPayments("2026-12-31", { now: at("2026-12-31") });
    expect(run.returnsToDistrict).toEqual({ items: 1, totalTiyn: people[1].amountTiyn });
    expect((await runPayments("2026-12-31", { now: at("2026-12-31") })).returnsToDistrict.items).toBe(0);
    const after = await paymentsOverview(gk, "2027-01-04");
    expect(after.returns.filter((r) => r.overdue)).toEqual([]);
    expect(after.returns.find((r) => r.to_district_on)?.to_district_on).toBe("2026-12-31");

    // A corrected account after the hand-back: the line waits for a new demand.
    const other = makeKzIban("722", "C000000000001");
    await q(`insert into registry.bank_accounts (iin, iban, bank_code, opened_at) values ($1, $2, '722', '2027-01-04')`, [people[1].iin, other]);
    expect(await changePaymentAccount({ service: "asp", applicationId: cases[1].applicationId, recipientIin: people[1].iin, input: other, source: "citizen", actor: citizen(1), now: at("2027-01-05") }))
      .toMatchObject({ requeued: 0, rescheduled: 1 });
    expect((await q(`select status, demand_id from payment_lines where id = $1`, [await lineOf(1, "2026-12")]))[0]).toEqual({ status: "scheduled", demand_id: null });
  });

  it("stops payments on every clause 14 ground from the right date, with overpayments for what was paid after it", async () => {
    // January paid (demand 29 December was formed by the run of the 31st; transfer, orders).
    await transferAll("2027-01", "2027-01-05"); // 1–4 January are days off
    await runPayments("2027-01-06", { now: at("2027-01-06") });
    expect((await q<{ n: number }>(`select count(*)::int as n from payment_lines where month = '2027-01-01' and status = 'paid'`))[0].n).toBe(9);

    // Registry: person 2 died on 15 January; person 4 moved to another district on 10 January.
    await q(`update registry.persons set death_date = '2027-01-15' where iin = $1`, [people[2].iin]);
    await q(`update registry.registrations set valid_to = '2027-01-09' where iin = $1`, [people[4].iin]);
    await q(`insert into registry.registrations (iin, kind, kato_code, address_ru, address_kk, valid_from) values ($1, 'permanent', $2, 'ул. Ленина, 2', 'Ленин к., 2', '2027-01-10')`, [people[4].iin, TALSHIK]);
    const run = await runPayments("2027-01-20", { now: at("2027-01-20") });
    expect(run.terminations.map((t) => [t.applicationId, t.ground, t.stopFrom, t.stopped, t.overpaid])).toEqual(
      expect.arrayContaining([
        [cases[2].applicationId, "death", "2027-02-01", 4, 0],
        [cases[4].applicationId, "moved_out", "2027-02-01", 4, 0],
      ]),
    );

    // Staff findings, recorded on the case page by the district's specialist.
    const specialist = await staffCookie("nura.specialist");
    const post = async (cookie: string, i: number, fields: Record<string, string>) =>
      outcome(async () => caseTermination.action({ request: await postForm(cookie, `/staff/cases/${cases[i].applicationId}/payments`, fields), params: { id: cases[i].applicationId }, context: {} } as never));
    const rows = async (i: number) => q<{ status: string }>(`select status from payment_lines where application_id = $1 order by month`, [cases[i].applicationId]);

    const untouched = await rows(5);
    expect((await post(specialist, 5, { eventDate: "2027-01-12" })).status).toBe(400);
    expect((await post(specialist, 5, { ground: "institution", eventDate: "2027-13-01" })).status).toBe(400);
    const future = await post(specialist, 5, { ground: "institution", eventDate: "2027-12-01" });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain("futureEvent");
    expect(await rows(5)).toEqual(untouched);
    expect((await post(await staffCookie("nura.commission"), 5, { ground: "institution", eventDate: "2027-01-12" })).status).toBe(403);
    expect((await post(await staffCookie("akzhar.specialist"), 5, { ground: "institution", eventDate: "2027-01-12" })).status).toBe(404);

    // Terminations are recorded as of today (the clock), so these events lie in the past of it.
    // Step 1 shows what stopping does and the payload to sign; nothing is written yet.
    const reviewed = await post(specialist, 5, { ground: "institution", eventDate: "2026-12-01", note: "Справка интерната" });
    expect(reviewed).toMatchObject({ status: 200, body: { review: { stopFrom: "2027-01-01", overpaid: [{ month: "2027-01" }] } } });
    const payload = (reviewed.body as { review: { payload: string } }).review.payload;
    expect(JSON.parse(payload)).toMatchObject({ kind: "payment_termination", ground: "institution", groundItem: 3, stopFrom: "2027-01-01", note: "Справка интерната", signerIin: "850415440018" });
    expect(await rows(5)).toEqual(untouched);
    const signStep = (fields: Record<string, string>) => post(specialist, 5, { step: "sign", ground: "institution", eventDate: "2026-12-01", note: "Справка интерната", ...fields });
    const refusedWith = (r: { status: number; body?: unknown }) => {
      expect(r.status).toBe(400);
      return Object.values((r.body as { errors: Record<string, string> }).errors)[0];
    };
    // No signature, a forged one, another person's key, an expired key, a tampered payload: refused, nothing changes.
    expect(refusedWith(await signStep({ payload }))).toBe("payments:errors.form.signature");
    const good = await signWith(SPECIALIST_KEY, payload);
    const [h, b, sig] = good.split(".");
    expect(refusedWith(await signStep({ payload, signature: `${h}.${b}.${sig.slice(0, -4)}AAAA` }))).toMatch(/^signature:reasons\./);
    expect(refusedWith(await signStep({ payload, signature: await signWith(HEAD_KEY, payload) }))).toMatch(/^signature:reasons\./);
    // An expired key (the step itself, on a clock past the key's validity — the session would have expired too).
    const access = await requireCaseAccess(requestAs(specialist, `/staff/cases/${cases[5].applicationId}/payments`), cases[5].applicationId, ["specialist", "head"]);
    const expired = await afterKeysExpired(() =>
      signTermination(access.user, access.application, { ground: "institution", eventDate: "2026-12-01", note: "Справка интерната" }, { payload, jws: good }));
    expect(expired).toEqual({ ok: false, error: "signature:reasons.expired" });
    const tampered = payload.replace('"stopFrom":"2027-01-01"', '"stopFrom":"2027-03-01"');
    expect(refusedWith(await signStep({ payload: tampered, signature: await signWith(SPECIALIST_KEY, tampered) }))).toBe("payments:errors.stale");
    // A signature over the payload, with a ground changed in the form after signing.
    expect(refusedWith(await post(specialist, 5, { step: "sign", ground: "death", eventDate: "2026-12-01", note: "Справка интерната", payload, signature: good }))).toBe("payments:errors.stale");
    expect(await rows(5)).toEqual(untouched);
    expect(await q(`select 1 from payment_terminations where application_id = $1`, [cases[5].applicationId])).toEqual([]);

    const ok = await signStep({ payload, signature: good });
    expect(ok).toMatchObject({ status: 200, body: { done: { stopFrom: "2027-01-01", overpaid: 1 } } });
    const [stored] = await q<{ signed_payload: string; signature: string; signer_iin: string }>(
      `select signed_payload, signature, signer_iin from payment_terminations where application_id = $1`, [cases[5].applicationId]);
    expect(stored).toEqual({ signed_payload: payload, signature: good, signer_iin: "850415440018" });
    expect((await post(specialist, 5, { ground: "lost_grounds", eventDate: "2026-12-02" })).status).toBe(400);

    const fi = await terminateAssignment({
      service: "asp", applicationId: cases[6].applicationId, ground: "false_information", eventDate: "2027-01-15", source: "staff", recordedOn: "2027-01-20",
      actor: { label: "nura.head", role: "head", staffId: null }, now: at("2027-01-20"),
    });
    expect(fi).toEqual({ stopFrom: "2027-01-15", stopped: 4, overpaid: 1, overpaidTiyn: Math.floor((people[6].amountTiyn * 17) / 31) });
    const lg = await terminateAssignment({
      service: "asp", applicationId: cases[7].applicationId, ground: "lost_grounds", eventDate: "2027-01-01", source: "staff", recordedOn: "2027-01-20",
      actor: { label: "nura.head", role: "head", staffId: null }, now: at("2027-01-20"),
    });
    expect(lg).toEqual({ stopFrom: "2027-01-01", stopped: 4, overpaid: 1, overpaidTiyn: people[7].amountTiyn });

    const terminations = await q<{ ground: string; stop: string; source: string; note: string | null }>(
      `select ground, to_char(stop_from, 'YYYY-MM-DD') as stop, source, note from payment_terminations order by ground`);
    expect(terminations).toEqual([
      { ground: "death", stop: "2027-02-01", source: "registry", note: null },
      { ground: "false_information", stop: "2027-01-15", source: "staff", note: null },
      { ground: "institution", stop: "2027-01-01", source: "staff", note: "Справка интерната" },
      { ground: "lost_grounds", stop: "2027-01-01", source: "staff", note: null },
      { ground: "moved_out", stop: "2027-02-01", source: "registry", note: null },
    ]);
    const [audit] = await q<{ actor_label: string; actor_role: string; details: { signed: { signerIin: string } } }>(
      `select actor_label, actor_role, details from payment_audit where action = 'terminate' and subject = $1`, [`application:${cases[5].applicationId}`]);
    expect(audit).toMatchObject({ actor_label: "nura.specialist", actor_role: "specialist", details: { signed: { signerIin: "850415440018" } } });
  });

  it("a death registered mid-month after the next month was paid makes that month an overpayment", async () => {
    // February: demand on Friday 29 January, transfer Monday 1 February, orders Tuesday 2nd.
    await runPayments("2027-01-29", { now: at("2027-01-29") });
    await transferAll("2027-02", "2027-02-01");
    await runPayments("2027-02-02", { now: at("2027-02-02") });
    await q(`update registry.persons set death_date = '2027-01-15' where iin = $1`, [people[3].iin]);
    const run = await runPayments("2027-02-10", { now: at("2027-02-10") });
    expect(run.terminations).toEqual([{ applicationId: cases[3].applicationId, ground: "death", stopFrom: "2027-02-01", stopped: 3, overpaid: 1, overpaidTiyn: people[3].amountTiyn }]);
    const [over] = await q<{ month: string; status: string }>(`
      select to_char(l.month, 'YYYY-MM') as month, op.status from payment_overpayments op join payment_lines l on l.id = op.line_id where op.recipient_iin = $1`, [people[3].iin]);
    expect(over).toEqual({ month: "2027-02", status: "notified" });
  });

  it("recovers overpayments: the finance officer's steps, refusals, audit and notices", async () => {
    const idOf = async (i: number) => Number((await q<{ id: string }>(`select id from payment_overpayments where recipient_iin = $1`, [people[i].iin]))[0].id);
    const fi = await idOf(6); // false information, a Russian speaker
    const owed = Math.floor((people[6].amountTiyn * 17) / 31);
    const financeCookie = await staffCookie("nura.finance");
    const post = async (cookie: string, fields: Record<string, string>) =>
      outcome(async () => staffPayments.action({ request: await postForm(cookie, "/staff/payments", fields), params: {}, context: {} } as never));

    expect((await post(await staffCookie("gk.payments"), { intent: "recovery", overpayment: String(fi), action: "write_off", date: "2026-12-03" })).status).toBe(403);
    const bad = await post(financeCookie, { intent: "recovery", overpayment: String(fi), action: "repay", amount: "-5", date: "2026-12-03" });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toContain("в тенге");
    const tooMuch = await post(financeCookie, { intent: "recovery", overpayment: String(fi), action: "repay", amount: "999999", date: "2026-12-03" });
    expect(tooMuch.status).toBe(400);
    expect(await refusal(() => changeOverpayment({ id: fi, action: "repay", amountTiyn: 100, on: "2026-12-03", actor: akzharFinance }))).toBe("payments.errors.otherDistrict");
    expect((await q(`select status, repaid_tiyn::int as repaid from payment_overpayments where id = $1`, [fi]))[0]).toEqual({ status: "notified", repaid: 0 });

    // Each step: review (nothing written), then signed with the officer's ЭЦП.
    const signedStep = async (fields: Record<string, string>, sign: (payload: string) => Promise<string> = (p) => signWith(FINANCE_KEY, p)) => {
      const review = await post(financeCookie, { intent: "recovery", ...fields });
      expect(review.status).toBe(200);
      const { payload } = (review.body as { recoveryReview: { payload: string } }).recoveryReview;
      return { payload, result: await post(financeCookie, { intent: "recovery", step: "sign", ...fields, payload, signature: await sign(payload) }) };
    };
    const repay = { overpayment: String(fi), action: "repay", amount: "10000", date: "2026-12-03" };
    const state = async () => (await q(`select status, repaid_tiyn::int as repaid from payment_overpayments where id = $1`, [fi]))[0];
    expect((await signedStep(repay, (p) => signWith(HEAD_KEY, p))).result).toMatchObject({ status: 400, body: { signError: expect.stringMatching(/^signature:reasons\./) } });
    const { payload: repayPayload } = await signedStep(repay, async () => "not.a.jws");
    const financeUser = await officer("nura.finance");
    const jws = await signWith(FINANCE_KEY, repayPayload);
    expect(await afterKeysExpired(() => signRecovery(financeUser, { id: fi, action: "repay", amountTiyn: 1_000_000, on: "2026-12-03" }, { payload: repayPayload, jws })))
      .toEqual({ ok: false, error: "signature:reasons.expired" });
    expect(JSON.parse(repayPayload)).toMatchObject({ kind: "overpayment_recovery", action: "repay", amount: "10000.00", from: "notified", to: "partially_repaid", signerIin: "840214444115" });
    // A valid signature over a payload that says 100 tenge, sent with 10000 in the form: refused.
    const tampered = repayPayload.replace('"amount":"10000.00"', '"amount":"100.00"');
    const forgedAmount = await post(financeCookie, { intent: "recovery", step: "sign", ...repay, payload: tampered, signature: await signWith(FINANCE_KEY, tampered) });
    expect(forgedAmount.status).toBe(400);
    expect((forgedAmount.body as { error: string }).error).toContain("Данные изменились");
    expect(await state()).toEqual({ status: "notified", repaid: 0 });
    const part = (await signedStep(repay)).result;
    expect(part).toMatchObject({ status: 200, body: { recovery: { status: "partially_repaid" } } });
    expect((await signedStep({ overpayment: String(fi), action: "refer_to_court", date: "2026-12-03" })).result.status).toBe(200);
    const court = await changeOverpayment({ id: fi, action: "repay", amountTiyn: owed - 1_000_000, on: "2026-12-03", actor: finance, now: at("2026-12-03") });
    expect(court).toEqual({ id: fi, status: "recovered", repaidTiyn: owed, outstandingTiyn: 0 });
    expect(await refusal(() => changeOverpayment({ id: fi, action: "write_off", on: "2026-12-03", actor: finance, now: at("2026-12-03") }))).toBe("payments.errors.recovery.final");

    const lost = await idOf(7);
    expect(await changeOverpayment({ id: lost, action: "write_off", on: "2026-12-03", actor: finance, now: at("2026-12-03") })).toMatchObject({ status: "written_off" });

    const trail = await q<{ action: string; actor_label: string }>(`select action, actor_label from payment_audit where subject = $1 order by id`, [`overpayment:${fi}`]);
    expect(trail.map((t) => t.action)).toEqual(["overpayment_repay", "overpayment_refer_to_court", "overpayment_repay"]);
    expect(new Set(trail.map((t) => t.actor_label))).toEqual(new Set(["nura.finance"]));
    await expect(fresh.query(`update payment_audit set action = 'x' where subject = $1`, [`overpayment:${fi}`])).rejects.toThrow(/append-only/);

    const sms = await q<{ body: string; language: string }>(`select body, language from sms_messages where iin = $1 and purpose = 'notice' order by id`, [people[6].iin]);
    expect(sms.map((s) => s.language)).toEqual(["ru", "ru", "ru", "ru"]);
    expect(sms[0].body).toContain("Излишне выплачено");
    expect(sms[2].body).toContain("передана в суд");
    const kk = await q<{ body: string }>(`select body from sms_messages where iin = $1 and purpose = 'notice' order by id desc limit 1`, [people[7].iin]);
    expect(kk[0].body).toContain("есептен шығарылды");

    // The cabinet shows the stop, the overpayment and where its recovery stands, in the recipient's language.
    const cabinet = await cabinetPayments(people[7].iin, "ru");
    const jan = cabinet.find((p) => p.month === "2027-01")!;
    expect(jan).toMatchObject({ status: "paid", overpaymentStatus: "written_off", overpaymentOutstanding: "0.00", stoppedFrom: "2027-01-01", terminationGround: "lost_grounds" });
    const feb = cabinet.find((p) => p.month === "2027-02");
    expect(feb?.status ?? "stopped").toBe("stopped");

    // The finance officer's page lists their district's overpayments with no name and no full IIN.
    const page = await paymentsOverview(await officer("nura.finance"), "2027-02-10");
    expect(page.overpayments.map((o) => o.status).sort()).toEqual(["notified", "notified", "recovered", "written_off"]);
    const seen = JSON.stringify(page.overpayments);
    for (const p of people) expect(seen).not.toContain(p.iin);
  });
});
