/**
 * Payments are service-generic (ADR 020): a service definition says how its signed assignments become
 * payment lines. Two services defined here alone — a one-off and a quarterly one, standing in for local
 * social assistance (issue 14) — go through a month beside ASP's monthly payments: ten decisions,
 * demands (one-off on its day, periodic by the 29th), transfers, pain.001 files valid against the XSD
 * with control sums equal to the lines, one return re-paid, and one death producing its stop date and
 * overpayment.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedAccounts } from "../../db/seed/accounts";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { createDemoAssignments, type DemoAssignment } from "../../app/payments/demo.server";
import { changePaymentAccount, importReturns, recordTransfer, runPayments, writeOrderFiles } from "../../app/payments/pipeline.server";
import { decimalToTiyn, endToEndId, pain002 } from "../../app/payments/files";
import { registerServiceDefinition } from "../../app/services/registry";
import { aspDefinition } from "../../app/services/asp/definition";
import type { ServiceDefinition } from "../../app/services/definition";
import { cabinetPayments } from "../../app/payments/cabinet.server";
import { makeKzIban } from "../../app/domain/iban";
import { PAIN002_XSD, validateAgainstXsd } from "../support/xsd";
import { testIins } from "../support/people";
import { NURA, at, finance } from "../support/payments";


const toy = (key: string, prefix: string, periodicity: "one_off" | "quarterly"): ServiceDefinition => ({
  ...aspDefinition, key, numberPrefix: prefix, nameKey: "services:local.title", priorAssistance: null, ruleSet: undefined, payments: { periodicity },
});
const ONE_OFF = toy("toyonce", "TOYO", "one_off");
const QUARTERLY = toy("toyquarter", "TOYQ", "quarterly");

describe("ten decisions of three services through a month", () => {
  let fresh: FreshDb;
  let outDir: string;
  let people: DemoAssignment[];
  let cases: { applicationId: string; iban: string; registrationNumber: string }[];
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);
  const transferAll = async (on: string) => {
    for (const d of await q<{ id: string }>(`select id from payment_demands where transferred_on is null and transfer_earliest <= $1`, [on])) {
      await recordTransfer(Number(d.id), on, { actor: finance, now: at(on) });
    }
  };

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_pay_services" });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
    await seedAccounts(fresh.db);
    registerServiceDefinition(ONE_OFF);
    registerServiceDefinition(QUARTERLY);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-pay-services-"));
    const iins = testIins(10, 8900, "1972-02-01");
    people = iins.map((iin, i) => ({
      iin, lastName: `Алушы${i}`, firstName: "Тест", language: i % 2 ? "kk" : "ru", phone: `+7701555${String(1000 + i)}`,
      bankCode: i % 3 === 0 ? "722" : "601", account: `S${String(i).padStart(12, "0")}`, katoCode: NURA,
      amountTiyn: 2_000_000 + i * 10_001,
      periodFrom: i < 5 ? "2026-12" : i < 8 ? "2026-11" : "2026-12",
      periodTo: i < 5 ? "2027-05" : i < 8 ? "2026-11" : "2027-11",
      applicationDate: "2026-11-16",
    }));
    cases = [
      ...(await createDemoAssignments(fresh.db, people.slice(0, 5), at("2026-11-20"))),
      ...(await createDemoAssignments(fresh.db, people.slice(5, 8), at("2026-11-20"), ONE_OFF)),
      ...(await createDemoAssignments(fresh.db, people.slice(8, 10), at("2026-11-20"), QUARTERLY)),
    ];
  });
  afterAll(async () => {
    await fresh?.drop();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it("derives lines as each definition says, once, and demands a one-off payment on its day", async () => {
    const run = await runPayments("2026-11-20", { now: at("2026-11-20") });
    // ASP 5 × 6 months, one-off 3 × 1, quarterly 2 × (December, March, June, September).
    expect(run.schedule).toEqual({ accounts: 10, lines: 30 + 3 + 8, grants: 0 });
    expect((await runPayments("2026-11-20", { now: at("2026-11-20") })).schedule.lines).toBe(0);
    const months = await q<{ service: string; periodicity: string; months: string }>(`
      select service, periodicity, string_agg(distinct to_char(month, 'YYYY-MM'), ',' order by to_char(month, 'YYYY-MM')) as months
      from payment_lines group by service, periodicity order by service`);
    expect(months).toEqual([
      { service: "asp", periodicity: "monthly", months: "2026-12,2027-01,2027-02,2027-03,2027-04,2027-05" },
      { service: "toyonce", periodicity: "one_off", months: "2026-11" },
      { service: "toyquarter", periodicity: "quarterly", months: "2026-12,2027-03,2027-06,2027-09" },
    ]);
    // Clause 19: the one-off payments were demanded that day; the monthly and quarterly ones wait for the 29th rule.
    const demands = await q<{ service: string; kind: string; line_count: number; total: string; lines_total: string }>(`
      select d.service, d.kind, d.line_count, d.total_tiyn::text as total, (select sum(amount_tiyn) from payment_lines l where l.demand_id = d.id)::text as lines_total
      from payment_demands d`);
    expect(demands.map((d) => [d.service, d.kind, d.line_count])).toEqual([["toyonce", "one_off", 3]]);
    expect(demands[0].total).toBe(demands[0].lines_total);
  });

  it("funds and pays the one-off demand, then December's of both periodic services; files valid with exact control sums", async () => {
    await transferAll("2026-11-23");
    expect((await runPayments("2026-11-24", { now: at("2026-11-24") })).orders.items).toBe(3);
    const dec = await runPayments("2026-11-27", { now: at("2026-11-27") });
    expect(dec.demands).toMatchObject({ demands: 2, lines: 7, months: ["2026-12"] });
    await transferAll("2026-12-01");
    expect((await runPayments("2026-12-01", { now: at("2026-12-01") })).orders.items).toBe(7);
    for (const day of ["2026-11-24", "2026-12-01"]) {
      for (const f of await writeOrderFiles(day, outDir, { now: at(day) })) {
        const text = fs.readFileSync(f.file, "utf8");
        const [{ total }] = await q<{ total: string }>(`
          select sum(l.amount_tiyn)::text as total from payment_lines l join payment_order_items i on i.line_id = l.id
          join payment_orders o on o.id = i.order_id where o.msg_id = $1`, [f.msgId]);
        expect(decimalToTiyn(f.controlSum)).toBe(Number(total));
        if (f.channel === "bank") {
          expect((await validateAgainstXsd(text)).errors).toEqual([]);
          expect([...text.matchAll(/<CtrlSum>([^<]+)<\/CtrlSum>/g)].map((m) => decimalToTiyn(m[1]))).toEqual([Number(total), Number(total)]);
        }
      }
    }
    const services = await q<{ service: string; n: number }>(`select service, count(*)::int as n from payment_orders group by service order by service`);
    expect(services.map((s) => s.service)).toEqual(["asp", "toyonce", "toyquarter"]);
    // The cabinet names the service from its definition.
    const [p] = await cabinetPayments(people[8].iin, "ru");
    expect(p).toMatchObject({ service: "toyquarter", serviceNameKey: "services:local.title", status: "paid" });
  });

  it("a returned quarterly payment is re-paid to the corrected account", async () => {
    const [line] = await q<{ id: string }>(`select id from payment_lines where recipient_iin = $1 and month = '2026-12-01'`, [people[9].iin]);
    const report = pain002({ msgId: "RJ-TOY", createdAt: "2026-12-02T09:00:00", originalMsgId: "x", rejected: [{ endToEndId: endToEndId("toyquarter", Number(line.id), 1), reason: "AC04" }] });
    expect((await validateAgainstXsd(report, PAIN002_XSD)).errors).toEqual([]);
    expect(await importReturns(report, { now: at("2026-12-02") })).toMatchObject({ returned: 1, late: false });
    const iban = makeKzIban("601", "Q000000000001");
    await q(`insert into registry.bank_accounts (iin, iban, bank_code, opened_at) values ($1, $2, '601', '2026-12-02')`, [people[9].iin, iban]);
    expect(await changePaymentAccount({ service: "toyquarter", applicationId: cases[9].applicationId, recipientIin: people[9].iin, input: iban, source: "citizen", actor: { label: people[9].iin, role: "citizen", staffId: null }, now: at("2026-12-03") }))
      .toMatchObject({ requeued: 1 });
    expect((await runPayments("2026-12-03", { now: at("2026-12-03") })).orders).toMatchObject({ items: 1, totalTiyn: people[9].amountTiyn });
    expect((await q(`select status, attempts from payment_lines where id = $1`, [line.id]))[0]).toEqual({ status: "paid", attempts: 2 });
  });

  it("a death in the middle of November registered after December was paid: stop from 1 December, December overpaid", async () => {
    await q(`update registry.persons set death_date = '2026-11-18' where iin = $1`, [people[2].iin]);
    const run = await runPayments("2026-12-10", { now: at("2026-12-10") });
    expect(run.terminations).toEqual([{ applicationId: cases[2].applicationId, ground: "death", stopFrom: "2026-12-01", stopped: 5, overpaid: 1, overpaidTiyn: people[2].amountTiyn }]);
  });
});
