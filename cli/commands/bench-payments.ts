import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "../args";
import { stepTimer } from "../../bench/report";
import { createFreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedReferenceData } from "../../db/seed/load";
import { seedAccounts } from "../../db/seed/accounts";
import { runPayments, transferDue, writeOrderFiles } from "../../app/payments/pipeline.server";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * `komek bench payments [--recipients 300000] [--months 12] [--json] [--keep]` (issue 15)
 *
 * A fresh database on DATABASE_URL's server with N signed monthly ASP assignments of `months` months
 * (2026), made directly in SQL (not timed). Timed: the schedule (payment accounts and N × months
 * lines, set-based), its idempotent re-run, January's demand, the transfer, the orders (one item per
 * line) and the files — each next to its baseline, one hand-written INSERT … SELECT writing the same
 * rows into a copy of the table.
 */
export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const n = args.int("recipients", 300_000);
  const months = args.int("months", 12);
  if (n < 10 || months < 1 || months > 12) throw new Error("--recipients ≥ 10, --months 1..12");
  process.env.DATABASE_URL ||= DEFAULT_URL;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const fresh = await createFreshDb({ prefix: "komek_bench_pay", max: 4 });
  setDb(fresh);
  const q = fresh.query;
  const timed = stepTimer(log);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "komek-bench-pay-"));
  try {
    await fresh.db.transaction((tx) => seedReferenceData(tx));
    await seedAccounts(fresh.db);
    log(`bench payments: ${fresh.describe}, ${n.toLocaleString("en")} recipients × ${months} months; setting up…`);
    const [{ id: head }] = await q<{ id: string }>(`select id from staff_accounts where login = 'nura.head'`);
    await q(`
      insert into registry.persons (iin, last_name_ru, first_name_ru, last_name_kk, first_name_kk, birth_date, sex)
      select '9' || lpad(g::text, 11, '0'), 'Получатель', 'Бенч' || g, 'Алушы', 'Бенч' || g, date '1980-01-01' + (g % 10000), 'F'
      from generate_series(1, $1::int) g`, [n]);
    await q(`
      insert into registry.bank_accounts (iin, iban, bank_code, opened_at)
      select '9' || lpad(g::text, 11, '0'), 'KZ00' || b.code || lpad(g::text, 13, '0'), b.code, date '2015-01-01'
      from generate_series(1, $1::int) g
      join (select code, row_number() over (order by code) - 1 as k, count(*) over () as m from registry.banks where is_payment_organisation) b
        on b.k = g % b.m`, [n]);
    await q(`
      insert into applications (service, applicant_iin, channel, status, draft, kato_code, registration_number, application_date, due_date, created_at, updated_at)
      select 'asp', ba.iin, 'portal', 'notice_delivered', jsonb_build_object('payment', jsonb_build_object('iban', ba.iban)),
             case when right(ba.iin, 1) < '7' then '355230100' else '593430100' end, 'B' || ba.iin, date '2025-12-01', date '2025-12-20', now(), now()
      from registry.bank_accounts ba`);
    await q(`
      insert into decisions (application_id, kind, amount_tiyn, period_from, period_to, drafted_by, drafted_at)
      select a.id, 'assignment', 1500000 + (right(a.applicant_iin, 5)::int % 997) * 1001, '2026-01', '2026-' || lpad($2::text, 2, '0'), $1, now()
      from applications a`, [head, months]);
    await q(`
      insert into notices (application_id, decision_id, registration_number, verification_code, payload, signature, signer_iin, signed_at, text_ru, text_kk, created_at)
      select d.application_id, d.id, a.registration_number, 'V' || a.applicant_iin, '{}', 'bench', '880211340018', now(), 'АСП', 'АӘК', now()
      from decisions d join applications a on a.id = d.application_id`);
    await q(`analyze`);

    log("timed:");
    const schedule = await timed("schedule (accounts + lines)", () => runPayments("2025-12-01", { now: new Date() }));
    const lines = schedule.value.schedule.lines;
    await q(`create table bench_lines (like payment_lines including defaults including constraints including indexes)`);
    const scheduleBase = await timed("baseline INSERT … SELECT lines", () =>
      q(`
        insert into bench_lines (service, decision_id, application_id, office_code, month, recipient_iin, recipient_name, channel, iban, bank_code, bic,
                                 amount_tiyn, legal_basis, created_at)
        select 'asp', d.id, a.id, case when a.kato_code like '3552%' then 'nura' else 'akzhar' end, m::date, a.applicant_iin,
               p.last_name_ru || ' ' || p.first_name_ru, 'bank', a.draft -> 'payment' ->> 'iban', substr(a.draft -> 'payment' ->> 'iban', 5, 3), b.bic,
               d.amount_tiyn, n.registration_number, now()
        from notices n join decisions d on d.id = n.decision_id join applications a on a.id = n.application_id
        join registry.persons p on p.iin = a.applicant_iin join registry.banks b on b.code = substr(a.draft -> 'payment' ->> 'iban', 5, 3)
        cross join lateral generate_series(to_date(d.period_from, 'YYYY-MM'), to_date(d.period_to, 'YYYY-MM'), interval '1 month') m`),
    );
    const rerun = await timed("re-run (nothing new)", () => runPayments("2025-12-01", { now: new Date() }));
    const demand = await timed("January demand (29 December)", () => runPayments("2025-12-29", { now: new Date() }));
    const transfer = await timed("transfer (30 December)", () => transferDue("2025-12-30", { actor: { label: "bench", role: "finance_officer", staffId: null } }));
    const orders = await timed("orders (31 December)", () => runPayments("2025-12-31", { now: new Date() }));
    await q(`create table bench_items (like payment_order_items including defaults including constraints including indexes)`);
    const [{ id: anyOrder }] = await q<{ id: string }>(`select min(id) as id from payment_orders`);
    const ordersBase = await timed("baseline INSERT … SELECT items", () =>
      q(`
        insert into bench_items (order_id, line_id, attempt, end_to_end_id, iban, bic, amount_tiyn)
        select $1, l.id, 1, 'ASP-L' || l.id || '-A1', l.iban, l.bic, l.amount_tiyn from payment_lines l where l.month = '2026-01-01'`, [anyOrder]),
    );
    const files = await timed("pain.001 files", () => writeOrderFiles("2025-12-31", out));
    const bytes = files.value.reduce((s, f) => s + fs.statSync(f.file).size, 0);
    const result = {
      recipients: n, months, lines, schedule_s: schedule.ms / 1000, schedule_baseline_s: scheduleBase.ms / 1000, rerun_s: rerun.ms / 1000,
      rerun_new_lines: rerun.value.schedule.lines, demand_s: demand.ms / 1000, demand_lines: demand.value.demands.lines, transfer_s: transfer.ms / 1000,
      transfers: transfer.value.length, orders_s: orders.ms / 1000, order_items: orders.value.orders.items, orders_baseline_s: ordersBase.ms / 1000,
      files_s: files.ms / 1000, files: files.value.length, file_mb: bytes / 1e6,
    };
    if (args.bool("json")) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          `payments bench: ${n.toLocaleString("en")} recipients × ${months} months = ${lines.toLocaleString("en")} lines`,
          `  schedule           ${result.schedule_s.toFixed(1)} s   baseline INSERT … SELECT ${result.schedule_baseline_s.toFixed(1)} s`,
          `  re-run             ${result.rerun_s.toFixed(1)} s   (${result.rerun_new_lines} new lines)`,
          `  January demand     ${result.demand_s.toFixed(1)} s   (${result.demand_lines.toLocaleString("en")} lines)`,
          `  transfer           ${result.transfer_s.toFixed(1)} s`,
          `  orders             ${result.orders_s.toFixed(1)} s   baseline INSERT … SELECT ${result.orders_baseline_s.toFixed(1)} s (${result.order_items.toLocaleString("en")} items)`,
          `  files              ${result.files_s.toFixed(1)} s   (${result.files} files, ${result.file_mb.toFixed(0)} MB)`,
          "",
        ].join("\n"),
      );
    }
    return 0;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
    if (!args.bool("keep")) await fresh.drop();
    else await fresh.close();
  }
}
