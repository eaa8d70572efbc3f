/**
 * Issue 15 end to end on the real database: ten signed ASP assignments in two districts go through a
 * month — schedule, demand (the 27th → 1st rule), transfer, orders and pain.001 files valid against the
 * official XSD with control sums equal to the lines, one return imported and re-paid to a corrected
 * account, and a death registered late producing the termination date and the overpayment.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedAccounts } from "../../db/seed/accounts";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { rowsOf } from "../../db/rows";
import { createDemoAssignments, type DemoAssignment } from "../../app/payments/demo.server";
import {
  changePaymentAccount, importReturns, recordTransfer, runPayments, terminateAssignment, writeOrderFiles, type PaymentActor,
} from "../../app/payments/pipeline.server";
import { decimalToTiyn, endToEndId } from "../../app/payments/files";
import { makeKzIban } from "../../app/domain/iban";
import { validateAgainstXsd } from "../support/xsd";
import { testIins } from "../support/people";
import { outcome, postForm, requestAs, sessionCookie } from "../support/session";
import * as staffPayments from "../../app/routes/staff.payments";
import { NURA, TALSHIK, at, finance, akzharFinance, refusal } from "../support/payments";


describe("payments through a month", () => {
  let fresh: FreshDb;
  let outDir: string;
  let people: DemoAssignment[];
  let cases: { applicationId: string; iban: string; registrationNumber: string }[];
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);

  beforeAll(async () => {
    fresh = await createFreshDb();
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
    await seedAccounts(fresh.db);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-payments-"));
    const iins = testIins(10, 8600, "1970-03-01");
    const banks = ["601", "601", "601", "722", "722", "722", "563", "601", "722", "563"];
    people = iins.map((iin, i) => ({
      iin, lastName: `Получатель${i}`, firstName: "Тест", language: i % 2 ? "kk" : "ru", phone: `+7701777${String(1000 + i)}`,
      bankCode: banks[i], account: `T${String(i).padStart(12, "0")}`, katoCode: i < 8 ? NURA : TALSHIK,
      amountTiyn: 2_500_000 + i * 12_345, periodFrom: "2026-12", periodTo: "2027-05", applicationDate: "2026-11-16",
    }));
    cases = await createDemoAssignments(fresh.db, people, at("2026-11-20"));
  });
  afterAll(async () => {
    await fresh?.drop();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it("derives six monthly lines per decision, once", async () => {
    const first = await runPayments("2026-11-20", { now: at("2026-11-20") });
    expect(first.schedule).toEqual({ accounts: 10, lines: 60, grants: 0 });
    expect(first.demands.demands).toBe(0); // December's demand is due on Friday 27 November
    const again = await runPayments("2026-11-20", { now: at("2026-11-20") });
    expect(again.schedule).toEqual({ accounts: 0, lines: 0, grants: 0 });
    const [line] = await q(`select recipient_iin, recipient_name, channel, iban, bic, amount_tiyn::text as amount, legal_basis from payment_lines where recipient_iin = $1 order by month limit 1`, [people[6].iin]);
    expect(line).toEqual({
      recipient_iin: people[6].iin, recipient_name: "Получатель6 Тест", channel: "kazpost", iban: cases[6].iban, bic: "KPSTKZKA",
      amount: String(people[6].amountTiyn), legal_basis: cases[6].registrationNumber,
    });
  });

  it("forms December's demands on Friday 27 November, one per district, held to the 1st", async () => {
    const run = await runPayments("2026-11-27", { now: at("2026-11-27") });
    expect(run.demands).toMatchObject({ demands: 2, lines: 10, months: ["2026-12"] });
    const demands = await q<{ id: string; office_code: string; kind: string; line_count: number; total: string; lines_total: string; transfer_earliest: string; transfer_due: string; send_by: string }>(`
      select d.id, d.office_code, d.kind, d.line_count, d.total_tiyn::text as total,
             (select sum(amount_tiyn) from payment_lines l where l.demand_id = d.id)::text as lines_total,
             to_char(d.transfer_earliest, 'YYYY-MM-DD') as transfer_earliest, to_char(d.transfer_due, 'YYYY-MM-DD') as transfer_due,
             to_char(d.send_by, 'YYYY-MM-DD') as send_by
      from payment_demands d order by d.office_code`);
    expect(demands.map((d) => [d.office_code, d.kind, d.line_count, d.transfer_earliest, d.transfer_due, d.send_by])).toEqual([
      ["akzhar", "scheduled", 2, "2026-12-01", "2026-12-02", "2026-11-30"],
      ["nura", "scheduled", 8, "2026-12-01", "2026-12-02", "2026-11-30"],
    ]);
    for (const d of demands) expect(d.total).toBe(d.lines_total);
    expect((await runPayments("2026-11-27", { now: at("2026-11-27") })).demands.demands).toBe(0);

    const nura = Number(demands[1].id);
    expect(await refusal(() => recordTransfer(nura, "2026-11-30", { actor: finance }))).toBe("payments.errors.heldTo1st");
    expect(await refusal(() => recordTransfer(nura, "2026-12-01", { actor: akzharFinance }))).toBe("payments.errors.otherDistrict");
    expect(await refusal(() => recordTransfer(nura, "2026-11-29", { actor: finance }))).toBe("payments.errors.notWorkingDay");
    const [{ n: funded }] = await q<{ n: number }>(`select count(*)::int as n from payment_lines where status = 'funded'`);
    expect(funded).toBe(0);
    expect(await recordTransfer(nura, "2026-12-01", { actor: finance })).toMatchObject({ late: false, ordersDue: "2026-12-03" });
    expect(await recordTransfer(Number(demands[0].id), "2026-12-02", { actor: akzharFinance })).toMatchObject({ late: false, ordersDue: "2026-12-04" });
    expect(await refusal(() => recordTransfer(nura, "2026-12-02", { actor: finance }))).toBe("payments.errors.alreadyTransferred");
  });

  it("orders transferred demands: one pain.001 per bank valid against the XSD, a Kazpost list, control sums equal to the lines", async () => {
    const run = await runPayments("2026-12-02", { now: at("2026-12-02") });
    expect(run.orders).toMatchObject({ orders: 3, items: 10 });
    expect((await runPayments("2026-12-02", { now: at("2026-12-02") })).orders.orders).toBe(0);
    const files = await writeOrderFiles("2026-12-02", outDir, { now: at("2026-12-02") });
    expect(files.map((f) => [f.bic, f.channel, f.lines]).sort()).toEqual([["CASPKZKA", "bank", 4], ["HSBKKZKX", "bank", 4], ["KPSTKZKA", "kazpost", 2]]);
    for (const f of files) {
      const text = fs.readFileSync(f.file, "utf8");
      const [{ total }] = await q<{ total: string }>(`
        select sum(l.amount_tiyn)::text as total from payment_lines l join payment_order_items i on i.line_id = l.id
        join payment_orders o on o.id = i.order_id where o.msg_id = $1`, [f.msgId]);
      if (f.channel === "bank") {
        expect((await validateAgainstXsd(text)).errors).toEqual([]);
        const sums = [...text.matchAll(/<CtrlSum>([^<]+)<\/CtrlSum>/g)].map((m) => decimalToTiyn(m[1]));
        expect(sums).toEqual([Number(total), Number(total)]);
        const amounts = [...text.matchAll(/<InstdAmt Ccy="KZT">([^<]+)<\/InstdAmt>/g)].map((m) => decimalToTiyn(m[1]));
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(Number(total));
        expect(new Set([...text.matchAll(/<EndToEndId>([^<]+)</g)].map((m) => m[1])).size).toBe(f.lines);
      } else {
        const last = text.trimEnd().split("\r\n").at(-1)!;
        expect(last).toBe(`TOTAL;2;;;${f.controlSum};`);
        expect(decimalToTiyn(f.controlSum)).toBe(Number(total));
      }
    }
  });

  it("imports a return, tells the recipient, and re-pays it to a corrected account", async () => {
    const r = people[0];
    const [line] = await q<{ id: string }>(`select id from payment_lines where recipient_iin = $1 and month = '2026-12-01'`, [r.iin]);
    const e2e = endToEndId("asp", Number(line.id), 1);
    const report = (ids: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>HSBK-RJ-20261203</MsgId><CreDtTm>2026-12-03T10:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>x</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>x</OrgnlPmtInfId>${ids.map((id) => `<TxInfAndSts><OrgnlEndToEndId>${id}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>`).join("")}
</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`;

    expect(await refusal(() => importReturns(report([e2e, "ASP-L999999-A1"]), { now: at("2026-12-03") }))).toBe("payments.errors.unknownEndToEndId");
    expect((await q(`select status from payment_lines where id = $1`, [line.id]))[0]).toEqual({ status: "paid" });

    const imported = await importReturns(report([e2e]), { now: at("2026-12-03") });
    expect(imported).toMatchObject({ returned: 1, alreadyRecorded: 0, totalTiyn: r.amountTiyn, recordBy: "2026-12-08", toDistrictBy: "2026-12-31", sms: 1 });
    expect((await importReturns(report([e2e]), { now: at("2026-12-03") })).alreadyRecorded).toBe(1);
    expect((await q(`select status, return_code from payment_lines where id = $1`, [line.id]))[0]).toEqual({ status: "returned", return_code: "AC04" });
    const sms = await q<{ body: string; language: string }>(`select body, language from sms_messages where iin = $1 and purpose = 'notice'`, [r.iin]);
    expect(sms).toHaveLength(1);
    expect(sms[0].language).toBe("ru");
    expect(sms[0].body).toContain("счёт закрыт");
    expect(sms[0].body).toContain("25000.00");

    const citizen: PaymentActor = { label: r.iin, role: "citizen", staffId: null };
    const change = (input: string) => changePaymentAccount({ service: "asp", applicationId: cases[0].applicationId, recipientIin: r.iin, input, source: "citizen", actor: citizen, now: at("2026-12-04") });
    expect(await refusal(() => change("KZ00 601X"))).toBe("payments.errors.iban.format");
    expect(await refusal(() => change(cases[1].iban))).toBe("payments.errors.iban.notOwn");
    const newIban = makeKzIban("722", "N000000000001");
    await fresh.query(`insert into registry.bank_accounts (iin, iban, bank_code, opened_at) values ($1, $2, '722', '2026-12-03')`, [r.iin, newIban]);
    expect(await change(newIban)).toEqual({ updatedLines: 6, requeued: 1, rescheduled: 0 });

    const rerun = await runPayments("2026-12-04", { now: at("2026-12-04") });
    expect(rerun.orders).toMatchObject({ orders: 1, items: 1, totalTiyn: r.amountTiyn });
    const files = await writeOrderFiles("2026-12-04", outDir, { now: at("2026-12-04") });
    expect(files).toHaveLength(1);
    const xml = fs.readFileSync(files[0].file, "utf8");
    expect((await validateAgainstXsd(xml)).valid).toBe(true);
    expect(xml).toContain(`<EndToEndId>${endToEndId("asp", Number(line.id), 2)}</EndToEndId>`);
    expect(xml).toContain(`<IBAN>${newIban}</IBAN>`);
    expect((await q(`select status, attempts, bic from payment_lines where id = $1`, [line.id]))[0]).toEqual({ status: "paid", attempts: 2, bic: "CASPKZKA" });
  });

  it("pays January, then a death registered late stops from 1 January and records January as overpaid", async () => {
    const jan = await runPayments("2026-12-29", { now: at("2026-12-29") });
    expect(jan.demands).toMatchObject({ demands: 2, lines: 10, months: ["2027-01"] });
    const demands = await q<{ id: string; office_code: string; transfer_due: string }>(`select id, office_code, to_char(transfer_due, 'YYYY-MM-DD') as transfer_due from payment_demands where payment_month = '2027-01-01'`);
    for (const d of demands) {
      expect(d.transfer_due).toBe("2026-12-31");
      await recordTransfer(Number(d.id), "2026-12-30", { actor: d.office_code === "nura" ? finance : akzharFinance });
    }
    expect((await runPayments("2026-12-31", { now: at("2026-12-31") })).orders.items).toBe(10);

    const r = people[3];
    await fresh.query(`update registry.persons set death_date = '2026-12-15' where iin = $1`, [r.iin]);
    const run = await runPayments("2027-01-12", { now: at("2027-01-12") });
    expect(run.terminations).toEqual([
      { applicationId: cases[3].applicationId, ground: "death", stopFrom: "2027-01-01", stopped: 4, overpaid: 1, overpaidTiyn: r.amountTiyn },
    ]);
    const lines = await q<{ month: string; status: string }>(`select to_char(month, 'YYYY-MM') as month, status from payment_lines where recipient_iin = $1 order by month`, [r.iin]);
    expect(lines.map((l) => `${l.month}:${l.status}`)).toEqual(["2026-12:paid", "2027-01:paid", "2027-02:stopped", "2027-03:stopped", "2027-04:stopped", "2027-05:stopped"]);
    const [over] = await q<{ amount: string; status: string; recovery: string }>(`select amount_tiyn::text as amount, status, recovery from payment_overpayments where recipient_iin = $1`, [r.iin]);
    expect(over).toEqual({ amount: String(r.amountTiyn), status: "notified", recovery: "voluntary" });
    // The dead are not sent SMS.
    expect(await q(`select 1 from sms_messages where iin = $1 and purpose = 'notice'`, [r.iin])).toHaveLength(0);
    expect((await runPayments("2027-01-12", { now: at("2027-01-12") })).terminations).toEqual([]);

    // February's demand leaves the stopped lines out.
    const feb = await runPayments("2027-01-29", { now: at("2027-01-29") });
    expect(feb.demands.lines).toBe(9);
  });

  it("a staff finding of false information stops from its date, part of the month prorated, recoverable by court", async () => {
    const r = people[5];
    const result = await terminateAssignment({
      service: "asp", applicationId: cases[5].applicationId, ground: "false_information", eventDate: "2027-01-15", source: "staff",
      recordedOn: "2027-01-20", actor: { label: "nura.head", role: "head", staffId: null }, now: at("2027-01-20"),
    });
    // January paid in full: 17 of its 31 days were not due; February (demanded, unpaid) onward stopped.
    expect(result).toEqual({ stopFrom: "2027-01-15", stopped: 4, overpaid: 1, overpaidTiyn: Math.floor((r.amountTiyn * 17) / 31) });
    const [over] = await q<{ recovery: string }>(`select recovery from payment_overpayments where recipient_iin = $1`, [r.iin]);
    expect(over.recovery).toBe("voluntary_or_court");
    const sms = await q<{ body: string; language: string }>(`select body, language from sms_messages where iin = $1 and purpose = 'notice'`, [r.iin]);
    expect(sms).toHaveLength(1);
    expect(sms[0].language).toBe("kk");
    expect(sms[0].body).toContain("2027-01-15");
  });

  it("the payment roles: the finance officer records a transfer on the page, the payment officer sees payment data only", async () => {
    const idOf = async (login: string) => Number((await q<{ id: string }>(`select id from staff_accounts where login = $1`, [login]))[0].id);
    const financeCookie = await sessionCookie({ kind: "staff", staffId: await idOf("nura.finance") });
    const officerCookie = await sessionCookie({ kind: "staff", staffId: await idOf("gk.payments") });
    const specialistCookie = await sessionCookie({ kind: "staff", staffId: await idOf("nura.specialist") });
    const load = (cookie: string) => outcome(() => staffPayments.loader({ request: requestAs(cookie, "/staff/payments"), params: {}, context: {} } as never));
    const post = async (cookie: string, fields: Record<string, string>) =>
      outcome(async () => staffPayments.action({ request: await postForm(cookie, "/staff/payments", fields), params: {}, context: {} } as never));

    expect((await load(specialistCookie)).status).toBe(403);
    const officer = await load(officerCookie);
    expect(officer.status).toBe(200);
    const seen = JSON.stringify(officer.body);
    expect(seen).toContain("ASP-L");
    for (const p of people) expect(seen).not.toContain(p.iin);
    expect(seen).not.toMatch(/KZ\d{2}[0-9A-Z]{16}/);

    const finance = (await load(financeCookie)).body as { overview: { demands: { id: number; officeCode: string; transferredOn: string | null }[] } };
    expect(new Set(finance.overview.demands.map((d) => d.officeCode))).toEqual(new Set(["nura"]));
    const feb = finance.overview.demands.find((d) => !d.transferredOn)!;
    expect((await post(officerCookie, { demand: String(feb.id), date: "2027-02-01" })).status).toBe(403);
    const early = await post(financeCookie, { demand: String(feb.id), date: "2027-01-28" });
    expect(early.status).toBe(400);
    expect((early.body as { error: string }).error).toBe("Заявка поступила только 2027-01-29.");
    const ok = await post(financeCookie, { demand: String(feb.id), date: "2027-02-01" });
    expect(ok).toMatchObject({ status: 200, body: { recorded: { demandId: feb.id, late: false } } });
    const [audit] = await q(`select actor_label, actor_role from payment_audit where action = 'record_transfer' and subject = $1`, [`demand:${feb.id}`]);
    expect(audit).toEqual({ actor_label: "nura.finance", actor_role: "finance_officer" });
  });

  it("keeps an append-only audit of every payment action", async () => {
    const actions = rowsOf<{ action: string }>(await fresh.db.execute(sql`select distinct action from payment_audit order by action`)).map((r) => r.action);
    expect(actions).toEqual(["change_account", "create_orders", "form_demands", "import_returns", "record_transfer", "terminate", "write_order_files"]);
    await expect(fresh.query(`update payment_audit set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(fresh.query(`delete from payment_audit`)).rejects.toThrow(/append-only/);
  });
});
