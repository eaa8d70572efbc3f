import { parseArgs } from "../args";
import { stepTimer } from "../../bench/report";
import { createFreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedReferenceData } from "../../db/seed/load";
import { seedAccounts } from "../../db/seed/accounts";
import { insertListPopulation } from "../../db/seed/list-population";
import { ruleSetInForce } from "../../app/services/local/acts.server";
import { toListRules } from "../../app/lists/adapt";
import { approvalFacts, approvalPayload, approveList, findList, generateList, markReviewed } from "../../app/lists/lists.server";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const DAY = "2026-04-27";

/**
 * `komek bench lists [--persons 100000] [--json] [--keep]` (issue 14)
 *
 * A fresh database on DATABASE_URL's server with N persons registered in Nura district (and N/5 in
 * Akzhar, whom the list must not pick up), 90 % of them active pension recipients (clause 17) and
 * the 9 May benefit categories spread among them, made in SQL (not timed). Timed, under the Nura act
 * № 159 on 27.04.2026: generating the 9 May list (seven categories, one INSERT … SELECT each, progress
 * printed per category), generating it again (nothing new), and the head's approval (decisions,
 * grants, SMS). Baseline in the same run: one hand-written INSERT … SELECT writing the same entries
 * into a copy of the table with the eligibility spelt out — the floor the generic statement is
 * measured against.
 */
export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const n = args.int("persons", 100_000);
  if (n < 100) throw new Error("--persons ≥ 100");
  process.env.DATABASE_URL ||= DEFAULT_URL;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const fresh = await createFreshDb({ prefix: "komek_bench_lists", max: 4 });
  setDb(fresh);
  const q = fresh.query;
  const timed = stepTimer(log);
  try {
    await fresh.db.transaction((tx) => seedReferenceData(tx));
    await seedAccounts(fresh.db);
    log(`bench lists: ${fresh.describe}, ${n.toLocaleString("en")} persons in Nura district; setting up…`);
    const facts = [
      { kind: "benefit_category", value: "public_order_fallen_family", every: 101, offset: 1 },
      { kind: "benefit_category", value: "peacetime_fallen_family", every: 41, offset: 2 },
      { kind: "benefit_category", value: "minor_prisoner", every: 97, offset: 3 },
      { kind: "benefit_category", value: "wwii_widow", every: 29, offset: 4 },
      { kind: "benefit_category", value: "leningrad_blockade", every: 89, offset: 5 },
      { kind: "benefit_category", value: "home_front_awarded", every: 13, offset: 6 },
      { kind: "benefit_category", value: "home_front_worker", every: 17, offset: 7 },
      { kind: "disability_group", value: "2", every: 11, offset: 8 },
    ];
    await insertListPopulation(fresh.db, { count: n, prefix: "81", katoCode: "355230100", day: "2026-05-09", facts });
    await insertListPopulation(fresh.db, { count: Math.floor(n / 5), prefix: "82", katoCode: "593430100", day: "2026-05-09", facts });
    await q(`insert into registry.mobile_numbers (iin, phone) select iin, '+7705' || right(iin, 7) from registry.persons where iin like '81%' and right(iin, 1) = '3'`);
    await q(`analyze`);
    const rs = ruleSetInForce("355200000", DAY);
    if (!rs) throw new Error("the Nura act is not in force on 27.04.2026");
    const rules = toListRules(rs);
    const [{ id: head }] = await q<{ id: number }>(`select id::int from staff_accounts where login = 'nura.head'`);
    const input = { rules, districtKato: "355200000", kind: "holiday" as const, subject: "05-09", year: 2026, staffId: head, now: new Date() };

    log("timed:");
    const generate = await timed("generate 9 May (7 statements)", () =>
      generateList(fresh.db, input, (p) => {
        const done = p.filter((x) => x.done);
        const last = done.at(-1)!;
        log(`    progress ${done.length}/${p.length}: ${last.code} ${last.total.toLocaleString("en")} persons`);
      }),
    );
    const entries = generate.value.progress.reduce((s, p) => s + p.total, 0);
    await q(`create table bench_entries (like local_list_entries including defaults including constraints including indexes)`);
    const baseline = await timed("baseline INSERT … SELECT", () =>
      q(
        `insert into bench_entries (list_id, iin, category_code, amount_unit, amount_value, amount_tenge, source_facts)
         select $1, p.iin, c.code, 'KZT', c.amount, c.amount, '[]'::jsonb
         from registry.persons p
         join registry.registrations r on r.iin = p.iin and r.kind = 'permanent' and r.kato_code like '3552%' and r.valid_to is null
         join registry.person_facts pr on pr.iin = p.iin and pr.kind = 'pension_recipient' and pr.valid_to is null
         join registry.person_facts f on f.iin = p.iin and f.kind = 'benefit_category' and f.valid_to is null
         join (values ('7.5.1', 'public_order_fallen_family', 100000), ('7.5.2', 'peacetime_fallen_family', 50000), ('7.5.3', 'minor_prisoner', 200000),
                      ('7.5.4', 'wwii_widow', 50000), ('7.5.5', 'leningrad_blockade', 200000), ('7.5.6', 'home_front_awarded', 100000),
                      ('7.5.7', 'home_front_worker', 100000)) c(code, value, amount) on c.value = f.value
         where p.death_date is null`,
        [generate.value.listId],
      ),
    );
    const [{ same }] = await q<{ same: number }>(`select count(*)::int as same from bench_entries`);
    const again = await timed("generate again (nothing new)", () => generateList(fresh.db, input));
    await markReviewed(fresh.db, { listId: generate.value.listId, staffId: head, now: new Date() });
    const list = (await findList(fresh.db, generate.value.listId))!;
    const approve = await timed("approve (decisions, grants, SMS)", async () =>
      approveList(fresh.db, {
        rules, listId: list.id, staffId: head, decidedOn: DAY, postedPayload: approvalPayload(await approvalFacts(fresh.db, list, DAY)), now: new Date(),
        signature: { jws: "bench", iin: "880211340018", commonName: "bench", serialNumber: null },
      }),
    );
    const result = {
      persons: n, entries, baseline_entries: same, generate_s: generate.ms / 1000, baseline_s: baseline.ms / 1000, again_s: again.ms / 1000, again_added: again.value.added,
      approve_s: approve.ms / 1000, decisions: approve.value.decisions, grants: approve.value.grants, sms: approve.value.sms,
    };
    if (args.bool("json")) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          `lists bench: 9 May list of a district of ${n.toLocaleString("en")} persons (+${Math.floor(n / 5).toLocaleString("en")} elsewhere)`,
          `  generate           ${result.generate_s.toFixed(2)} s   baseline INSERT … SELECT ${result.baseline_s.toFixed(2)} s (${entries.toLocaleString("en")} entries; baseline ${same.toLocaleString("en")})`,
          `  generate again     ${result.again_s.toFixed(2)} s   (${result.again_added} new)`,
          `  approve            ${result.approve_s.toFixed(2)} s   (${result.decisions.toLocaleString("en")} decisions, ${result.grants.toLocaleString("en")} grants, ${result.sms.toLocaleString("en")} SMS)`,
          "",
        ].join("\n"),
      );
    }
    return same === entries ? 0 : 1;
  } finally {
    if (!args.bool("keep")) await fresh.drop();
    else await fresh.close();
  }
}
