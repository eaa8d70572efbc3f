/**
 * Issue 15's "done when" with both services (ADR 023): ten decisions — four ASP assignments, four
 * application-based local assistance assignments of Nura's act № 159 (one-off 8.2, monthly 8.3.4,
 * per heating season 8.8, yearly 8.9: each paid as its category says) and two grants of an approved
 * by-list list (8.10) — through a month: demands (daily ones on their day, monthly ones by the 29th),
 * transfers, pain.001 files valid against the XSD with control sums equal to the sum of the lines, a
 * returned grant re-paid to the corrected account, and a death registered mid-month producing the
 * right stop date and overpayment. Re-running creates nothing; a grant is never paid twice. A local
 * case is terminated on its own grounds (the local definition's clause 14, less those the act exempts
 * its category from) through the signed staff page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedAccounts } from "../../db/seed/accounts";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { insertListPopulation, populationIin } from "../../db/seed/list-population";
import { createDemoAssignments, type DemoAssignment } from "../../app/payments/demo.server";
import { changePaymentAccount, importReturns, recordTransfer, runPayments, writeOrderFiles } from "../../app/payments/pipeline.server";
import { decimalToTiyn, endToEndId, pain002 } from "../../app/payments/files";
import { cabinetPayments } from "../../app/payments/cabinet.server";
import { shownPayment } from "../../app/payments/lookup";
import { paymentsOfRecipient } from "../../db/queries/payments";
import { approvalFacts, approvalPayload, approveList, findList, generateList, markReviewed } from "../../app/lists/lists.server";
import { makeKzIban } from "../../app/domain/iban";
import { PAIN002_XSD, validateAgainstXsd } from "../support/xsd";
import { testIins } from "../support/people";
import { testListRules } from "../support/list-rules";
import { createLocalAssignments, type LocalAssignment } from "../support/local-assignment";
import { createDemoPki } from "../../app/signature/demo-keys.server";
import { clearTrustCache } from "../../app/signature/trust.server";
import { openKeyFile } from "../../app/signature/signer";
import { DEMO_KEY_PASSWORD } from "../../db/seed/demo-people";
import { outcome, postForm, requestAs, sessionCookie } from "../support/session";
import * as caseTermination from "../../app/routes/staff.cases.$id_.payments";
import * as cabinetPaymentsRoute from "../../app/routes/cabinet.payments";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import { NURA, at, finance } from "../support/payments";

const signature = { jws: "test.jws.sig", iin: "880211340018", commonName: "Бекмуханов Нурлан", serialNumber: "01" };

describe("ten decisions of ASP and local assistance through a month", () => {
  let fresh: FreshDb;
  let outDir: string;
  let asp: DemoAssignment[];
  let local: LocalAssignment[];
  let aspCases: { applicationId: string }[];
  let localCases: { applicationId: string; registrationNumber: string }[];
  let grantees: string[];
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);
  const transferAll = async (on: string) => {
    for (const d of await q<{ id: string }>(`select id from payment_demands where transferred_on is null and transfer_earliest <= $1 order by id`, [on])) {
      await recordTransfer(Number(d.id), on, { actor: finance, now: at(on) });
    }
  };
  const person = (iin: string, i: number, over: Partial<DemoAssignment>): DemoAssignment => ({
    iin, lastName: `Алушы${i}`, firstName: "Тест", language: i % 2 ? "kk" : "ru", phone: `+7701555${String(2000 + i)}`,
    bankCode: i % 3 === 0 ? "722" : "601", account: `L${String(i).padStart(12, "0")}`, katoCode: NURA,
    amountTiyn: 2_000_000 + i * 10_001, periodFrom: "2026-12", periodTo: "2027-05", applicationDate: "2026-11-16", ...over,
  });

  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-pay-local-pki-"));
    process.env.KOMEK_DATA_DIR = dataDir;
    await createDemoPki({ dir: path.join(dataDir, "pki") });
    clearTrustCache();
    fresh = await createFreshDb({ prefix: "komek_pay_local" });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
    await seedAccounts(fresh.db);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-pay-local-"));
    const iins = testIins(8, 8300, "1971-03-01");
    asp = iins.slice(0, 4).map((iin, i) => person(iin, i, {}));
    local = [
      { ...person(iins[4], 4, { amountTiyn: 43_250_000, periodFrom: "2026-11", periodTo: "2026-11" }), categoryCode: "8.2", eventDate: "2026-10-20" },
      { ...person(iins[5], 5, { amountTiyn: 9_340_000, periodFrom: "2026-12", periodTo: "2027-02" }), categoryCode: "8.3.4" },
      { ...person(iins[6], 6, { amountTiyn: 6_920_000, periodFrom: "2026-11", periodTo: "2027-04" }), categoryCode: "8.8" },
      { ...person(iins[7], 7, { amountTiyn: 25_000_000, periodFrom: "2026-12", periodTo: "2026-12" }), categoryCode: "8.9" },
    ];
    aspCases = await createDemoAssignments(fresh.db, asp, at("2026-11-20"));
    localCases = await createLocalAssignments(fresh.db, local, at("2026-11-20"));
    // Two grants of an approved 8.10 list (combat veterans, heating season 2026/2027), each with an open account.
    await insertListPopulation(fresh.db, { count: 10, prefix: "74", katoCode: NURA, day: "2026-10-01", withoutPensionEvery: 7, facts: [{ kind: "combat_veteran", every: 5 }] });
    grantees = [populationIin("74", 5), populationIin("74", 10)];
    for (const [i, iin] of grantees.entries()) {
      await q(`insert into registry.bank_accounts (iin, iban, bank_code, opened_at) values ($1, $2, '601', '2016-01-01')`, [iin, makeKzIban("601", `G00000000000${i}`)]);
    }
    const [{ id: head }] = await q<{ id: number }>(`select id from staff_accounts where login = 'nura.head'`);
    const [{ id: specialist }] = await q<{ id: number }>(`select id from staff_accounts where login = 'nura.specialist'`);
    const rules = testListRules();
    const generated = await generateList(fresh.db, { rules, districtKato: "355200000", kind: "needs", subject: "8.10", year: 2026, staffId: specialist, now: at("2026-11-19") });
    const list = (await findList(fresh.db, generated.listId))!;
    await markReviewed(fresh.db, { listId: list.id, staffId: specialist, now: at("2026-11-19") });
    await approveList(fresh.db, {
      rules, listId: list.id, staffId: head, decidedOn: "2026-11-20", postedPayload: approvalPayload(await approvalFacts(fresh.db, list, "2026-11-20")), signature, now: at("2026-11-20"),
    });
    // The demo PKI (an RSA key per demo person) and the seed take a while on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await fresh?.drop();
    delete process.env.KOMEK_DATA_DIR;
    clearTrustCache();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it("derives each decision's lines by its periodicity — the service's for ASP, the category's for local — and one line per grant, once", async () => {
    expect(localCases.every((c) => /^LSA\d{2}-\d{6}$/.test(c.registrationNumber))).toBe(true);
    const run = await runPayments("2026-11-20", { now: at("2026-11-20") });
    // ASP 4 × 6 months; local one-off 1, monthly 3, heating season 1 (once a season), yearly 1; grants 2.
    expect(run.schedule).toEqual({ accounts: 8, lines: 24 + 1 + 3 + 1 + 1, grants: 2 });
    expect((await runPayments("2026-11-20", { now: at("2026-11-20") })).schedule).toEqual({ accounts: 0, lines: 0, grants: 0 });
    const lines = await q<{ who: string; periodicity: string; months: string; amount: string }>(`
      select coalesce(lc.category_code, case when l.grant_id is not null then 'grant' else l.service end) as who, l.periodicity,
             string_agg(to_char(l.month, 'YYYY-MM'), ',' order by l.month) as months, min(l.amount_tiyn)::text as amount
      from payment_lines l left join local_cases lc on lc.application_id = l.application_id
      group by 1, 2 order by 1`);
    expect(lines.map(({ who, periodicity, months }) => ({ who, periodicity, months: [...new Set(months.split(","))].join(",") }))).toEqual([
      { who: "8.2", periodicity: "one_off", months: "2026-11" },
      { who: "8.3.4", periodicity: "monthly", months: "2026-12,2027-01,2027-02" },
      { who: "8.8", periodicity: "heating_season", months: "2026-11" },
      { who: "8.9", periodicity: "yearly", months: "2026-12" },
      { who: "asp", periodicity: "monthly", months: "2026-12,2027-01,2027-02,2027-03,2027-04,2027-05" },
      { who: "grant", periodicity: "one_off", months: "2026-11" },
    ]);
    const grant = await q<{ amount_tiyn: string; legal_basis: string; iban: string; office_code: string }>(`
      select l.amount_tiyn::text, l.legal_basis, l.iban, l.office_code from payment_lines l join local_grants g on g.id = l.grant_id order by g.recipient_iin`);
    expect(grant).toEqual([
      { amount_tiyn: String(12 * 4325 * 100), legal_basis: expect.stringMatching(/^L\d+-000001$/), iban: makeKzIban("601", "G000000000000"), office_code: "nura" },
      { amount_tiyn: String(12 * 4325 * 100), legal_basis: expect.stringMatching(/^L\d+-000002$/), iban: makeKzIban("601", "G000000000001"), office_code: "nura" },
    ]);
    // Clause 19: the daily demand of 20 November holds November's one-off, heating-season and grant lines;
    // the yearly December payment waits for December, the monthly ones for the 29th rule.
    const demands = await q<{ service: string; kind: string; month: string; line_count: number; total: string; lines_total: string }>(`
      select d.service, d.kind, to_char(d.payment_month, 'YYYY-MM') as month, d.line_count, d.total_tiyn::text as total,
             (select sum(amount_tiyn) from payment_lines l where l.demand_id = d.id)::text as lines_total from payment_demands d`);
    expect(demands.map((d) => [d.service, d.kind, d.month, d.line_count])).toEqual([["local", "one_off", "2026-11", 4]]);
    expect(demands[0].total).toBe(demands[0].lines_total);
  });

  it("nobody is paid twice for the same grant: the database refuses a second line", async () => {
    const [l] = await q<{ grant_id: string }>(`select grant_id from payment_lines where grant_id is not null limit 1`);
    const error = await q(`
      insert into payment_lines (service, grant_id, office_code, month, recipient_iin, recipient_name, channel, iban, bank_code, bic, amount_tiyn, legal_basis, periodicity, created_at)
      select service, grant_id, office_code, month, recipient_iin, recipient_name, channel, iban, bank_code, bic, amount_tiyn, legal_basis, periodicity, now()
      from payment_lines where grant_id = $1`, [l.grant_id]).then(() => null, (e: { code?: string }) => e.code);
    expect(error).toBe("23505");
    // A line names a decision or a grant, never both nor neither.
    const both = await q(`update payment_lines set decision_id = (select min(id) from decisions) where grant_id = $1`, [l.grant_id]).then(() => null, (e: { code?: string }) => e.code);
    expect(both).toBe("23514");
  });

  it("funds and pays November's daily demand, then December's — the 29th rule and the yearly one in December; files valid with exact control sums", async () => {
    await transferAll("2026-11-23");
    expect((await runPayments("2026-11-24", { now: at("2026-11-24") })).orders).toMatchObject({ items: 4 });
    // Friday 27 November: the 29th rule for December (ASP 4, local monthly 1); the yearly line is not yet due.
    const nov27 = await runPayments("2026-11-27", { now: at("2026-11-27") });
    expect(nov27.demands).toMatchObject({ demands: 2, lines: 5, months: ["2026-12"] });
    // Tuesday 1 December: the yearly 8.9 payment's daily demand.
    const dec1 = await runPayments("2026-12-01", { now: at("2026-12-01") });
    expect(dec1.demands).toMatchObject({ demands: 1, lines: 1, months: ["2026-12"] });
    const kinds = await q<{ service: string; kind: string; formed_on: string; line_count: number }>(`
      select service, kind, to_char(formed_on, 'YYYY-MM-DD') as formed_on, line_count from payment_demands where payment_month = '2026-12-01' order by service, kind`);
    expect(kinds).toEqual([
      { service: "asp", kind: "scheduled", formed_on: "2026-11-27", line_count: 4 },
      { service: "local", kind: "one_off", formed_on: "2026-12-01", line_count: 1 },
      { service: "local", kind: "scheduled", formed_on: "2026-11-27", line_count: 1 },
    ]);
    await transferAll("2026-12-01");
    expect((await runPayments("2026-12-01", { now: at("2026-12-01") })).orders).toMatchObject({ items: 6 });
    let files = 0;
    for (const day of ["2026-11-24", "2026-12-01"]) {
      for (const f of await writeOrderFiles(day, outDir, { now: at(day) })) {
        files++;
        const text = fs.readFileSync(f.file, "utf8");
        const [{ total, n }] = await q<{ total: string; n: number }>(`
          select sum(l.amount_tiyn)::text as total, count(*)::int as n from payment_lines l join payment_order_items i on i.line_id = l.id
          join payment_orders o on o.id = i.order_id where o.msg_id = $1`, [f.msgId]);
        expect(decimalToTiyn(f.controlSum)).toBe(Number(total));
        expect(f.lines).toBe(n);
        if (f.channel === "bank") {
          expect((await validateAgainstXsd(text)).errors).toEqual([]);
          expect([...text.matchAll(/<CtrlSum>([^<]+)<\/CtrlSum>/g)].map((m) => decimalToTiyn(m[1]))).toEqual([Number(total), Number(total)]);
        }
      }
    }
    expect(files).toBeGreaterThanOrEqual(3);
    const services = await q<{ service: string }>(`select distinct service from payment_orders order by service`);
    expect(services.map((s) => s.service)).toEqual(["asp", "local"]);
    // The cabinet shows a local payment like an ASP one, and a grant with it.
    expect((await cabinetPayments(local[1].iin, "kk"))[0]).toMatchObject({ service: "local", serviceNameKey: "services:local.title", status: "paid", month: "2026-12" });
    expect((await cabinetPayments(grantees[0], "ru"))[0]).toMatchObject({ service: "local", applicationId: null, target: "grants", status: "paid" });
  });

  it("a returned grant is re-paid to the account the recipient corrects", async () => {
    const [line] = await q<{ id: string; amount_tiyn: string }>(`select l.id, l.amount_tiyn::text from payment_lines l join local_grants g on g.id = l.grant_id where g.recipient_iin = $1`, [grantees[1]]);
    const report = pain002({ msgId: "RJ-LOCAL", createdAt: "2026-12-02T09:00:00", originalMsgId: "x", rejected: [{ endToEndId: endToEndId("local", Number(line.id), 1), reason: "AC04" }] });
    expect((await validateAgainstXsd(report, PAIN002_XSD)).errors).toEqual([]);
    expect(await importReturns(report, { now: at("2026-12-02") })).toMatchObject({ returned: 1, late: false });
    expect((await cabinetPayments(grantees[1], "ru"))[0]).toMatchObject({ status: "returned", returnCode: "AC04", target: "grants" });
    const iban = makeKzIban("722", "G100000000001");
    await q(`insert into registry.bank_accounts (iin, iban, bank_code, opened_at) values ($1, $2, '722', '2026-12-02')`, [grantees[1], iban]);
    const change = await changePaymentAccount({
      service: "local", applicationId: null, recipientIin: grantees[1], input: iban, source: "citizen", actor: { label: grantees[1], role: "citizen", staffId: null }, now: at("2026-12-03"),
    });
    expect(change).toMatchObject({ requeued: 1 });
    // Another recipient's grant lines are untouched.
    expect((await q(`select iban from payment_lines l join local_grants g on g.id = l.grant_id where g.recipient_iin = $1`, [grantees[0]]))[0]).toEqual({ iban: makeKzIban("601", "G000000000000") });
    expect((await runPayments("2026-12-03", { now: at("2026-12-03") })).orders).toMatchObject({ items: 1, totalTiyn: Number(line.amount_tiyn) });
    expect((await q(`select status, attempts, iban from payment_lines where id = $1`, [line.id]))[0]).toEqual({ status: "paid", attempts: 2, iban });
    // The cabinet page names the grants as the target of a corrected account; a bad one changes nothing.
    await ensureCitizenAccount(fresh.db, grantees[0]);
    const citizen = await sessionCookie({ kind: "citizen", iin: grantees[0] });
    const cabinet = async (fields: Record<string, string>) =>
      outcome(async () => cabinetPaymentsRoute.action({ request: await postForm(citizen, "/cabinet/payments", fields), params: {}, context: {} } as never));
    expect(await cabinet({ application: "grants", iban: "KZ00 1234" })).toMatchObject({ status: 400, body: { errors: { iban: expect.stringMatching(/^payments:errors\.iban\./) } } });
    expect(await cabinet({ application: "someone-else", iban: makeKzIban("722", "G100000000001") })).toMatchObject({ status: 400, body: { errors: { iban: "payments:cabinet.applicationMissing" } } });
    // 1414 says it like an ASP payment: paid on the day to the account's last four digits.
    expect(shownPayment(await paymentsOfRecipient(fresh.db, grantees[1]))).toEqual({ status: "paid", date: "2026-12-03", tail: iban.slice(-4) });
  });

  it("deaths registered mid-month: an ASP recipient dead on 18 November and a local monthly one on 9 December — each stops from the next month", async () => {
    await q(`update registry.persons set death_date = '2026-11-18' where iin = $1`, [asp[2].iin]);
    await q(`update registry.persons set death_date = '2026-12-09' where iin = $1`, [local[1].iin]);
    const run = await runPayments("2026-12-10", { now: at("2026-12-10") });
    expect(run.terminations).toEqual(expect.arrayContaining([
      // Died in November, December already paid: stop from 1 December, December overpaid, the rest stopped.
      { applicationId: aspCases[2].applicationId, ground: "death", stopFrom: "2026-12-01", stopped: 5, overpaid: 1, overpaidTiyn: asp[2].amountTiyn },
      // Died on 9 December (local act clause 14 sub-item 1: from the next month): December stays due, January–February stop.
      { applicationId: localCases[1].applicationId, ground: "death", stopFrom: "2027-01-01", stopped: 2, overpaid: 0, overpaidTiyn: 0 },
    ]));
    expect(run.terminations).toHaveLength(2);
    const [op] = await q<{ amount_tiyn: string; status: string }>(`select op.amount_tiyn::text, op.status from payment_overpayments op join payment_lines l on l.id = op.line_id where l.application_id = $1`, [aspCases[2].applicationId]);
    expect(op).toEqual({ amount_tiyn: String(asp[2].amountTiyn), status: "notified" });
    // Nothing new on a re-run.
    expect((await runPayments("2026-12-10", { now: at("2026-12-10") })).terminations).toEqual([]);
  });

  it("a grant not yet paid stops when its recipient's death is registered; none is made for one already dead", async () => {
    // A second grant (another category of the same list) for each grantee, for January 2027.
    await q(`
      insert into local_grants (decision_id, list_id, entry_id, recipient_iin, district_kato, kind, subject, period, category_code, amount_tenge,
                                decision_number, decision_date, payment_date, created_at)
      select decision_id, list_id, entry_id, recipient_iin, district_kato, kind, subject, period, '8.10.9', amount_tenge, decision_number, decision_date, '2027-01-12', now()
      from local_grants`);
    await q(`update registry.persons set death_date = '2026-12-05' where iin = $1`, [grantees[1]]);
    // Died on 5 December: payment stops from 1 January — no January line for them; the other grantee's is made.
    const made = await runPayments("2026-12-11", { now: at("2026-12-11") });
    expect(made.schedule.grants).toBe(1);
    expect(made.grantsStopped).toEqual({ lines: 0, totalTiyn: 0 });
    // The other grantee dies on 20 December, before January's payment: the line stops from 1 January.
    await q(`update registry.persons set death_date = '2026-12-20' where iin = $1`, [grantees[0]]);
    const run = await runPayments("2026-12-21", { now: at("2026-12-21") });
    expect(run.grantsStopped).toEqual({ lines: 1, totalTiyn: 12 * 4325 * 100 });
    const [line] = await q<{ status: string; stopped_from: string }>(`
      select l.status, to_char(l.stopped_from, 'YYYY-MM-DD') as stopped_from from payment_lines l join local_grants g on g.id = l.grant_id
      where g.recipient_iin = $1 and g.category_code = '8.10.9'`, [grantees[0]]);
    expect(line).toEqual({ status: "stopped", stopped_from: "2027-01-01" });
    expect((await cabinetPayments(grantees[0], "ru")).find((p) => p.month === "2027-01")).toMatchObject({ status: "stopped", terminationGround: "death" });
    expect((await runPayments("2026-12-21", { now: at("2026-12-21") })).grantsStopped.lines).toBe(0);
  });

  it("a local case is stopped on the local grounds through the signed staff page: 8.2 cannot be stopped for placement in an institution; 8.8 for false information from the date", async () => {
    const [{ id: staffId }] = await q<{ id: number }>(`select id from staff_accounts where login = 'nura.specialist'`);
    const cookie = await sessionCookie({ kind: "staff", staffId });
    const call = async (i: number, kind: "loader" | "action", fields?: Record<string, string>) => {
      const id = localCases[i].applicationId;
      const url = `/staff/cases/${id}/payments`;
      const request = fields ? await postForm(cookie, url, fields) : requestAs(cookie, url);
      return outcome(() => (caseTermination[kind] as (a: unknown) => Promise<unknown>)({ request, params: { id }, context: {} }));
    };
    // The page offers the local definition's grounds; Nura's act exempts 8.1–8.2 from sub-item 3.
    expect((await call(0, "loader")).body).toMatchObject({ grounds: ["death", "moved_out", "false_information", "lost_grounds"] });
    expect((await call(2, "loader")).body).toMatchObject({ grounds: ["death", "moved_out", "institution", "false_information", "lost_grounds"] });
    const refused = await call(0, "action", { ground: "institution", eventDate: "2026-11-25" });
    expect(refused).toMatchObject({ status: 400, body: { errors: { ground: expect.stringContaining("payments:errors.groundNotForCase") } } });

    // 8.8 (heating season, November's payment made): false information found from Wednesday 25 November.
    const fields = { ground: "false_information", eventDate: "2026-11-25", note: "Акт обследования № 7" };
    const review = await call(2, "action", fields);
    const amount = local[2].amountTiyn;
    const undue = Math.floor((amount * 6) / 30);
    expect(review).toMatchObject({ status: 200, body: { review: { stopFrom: "2026-11-25", overpaid: [{ month: "2026-11", amount: (undue / 100).toFixed(2) }] } } });
    const { payload } = (review.body as { review: { payload: string } }).review;
    const signer = await openKeyFile(fs.readFileSync(path.join(dataDir, "pki", "850415440018.p12")), DEMO_KEY_PASSWORD);
    const done = await call(2, "action", { ...fields, step: "sign", payload, signature: await signer.sign(payload) });
    expect(done).toMatchObject({ status: 200, body: { done: { stopFrom: "2026-11-25", stopped: 0, overpaid: 1, overpaidTiyn: undue } } });
    const [op] = await q<{ amount_tiyn: string; recovery: string }>(`
      select op.amount_tiyn::text, op.recovery from payment_overpayments op join payment_lines l on l.id = op.line_id where l.application_id = $1`, [localCases[2].applicationId]);
    expect(op).toEqual({ amount_tiyn: String(undue), recovery: "voluntary_or_court" });
    expect((await cabinetPayments(local[2].iin, "ru"))[0]).toMatchObject({ service: "local", terminationGround: "false_information", overpaymentStatus: "notified" });
  });
});
