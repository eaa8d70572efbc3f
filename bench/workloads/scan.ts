/**
 * proactive_scan: the real scan (sms/scan.ts — one statement that finds the families and queues
 * their offers) against one hand-written read-only aggregate over the same rows, which is about the
 * least PostgreSQL must do to answer "which families qualify".
 */
import type { FreshDb } from "../../db/testing";
import { runProactiveScan } from "../../sms/scan";
import { quarterBefore } from "../../app/domain/income";
import { kzDate } from "../../app/domain/kz-time";
import { figure, type Figure } from "../report";

/**
 * The rule in its plainest SQL: per person, the quarter's income, the current settlement(s), ASP in
 * force and a mobile number; per household, one settlement for all, income at or below the national
 * poverty line, no ASP, someone to text. One pass of hash joins, nothing written.
 */
const HAND_WRITTEN = `
select count(*)::int as families from (
  select p.household_id, count(*) as size, sum(coalesce(i.total, 0)) as total
  from registry.persons p
  left join (select iin, sum(amount) as total from registry.incomes where month between $2::date and $3::date group by iin) i on i.iin = p.iin
  left join (
    select r.iin, min(coalesce(k.settlement_code, r.kato_code)) as lo, max(coalesce(k.settlement_code, r.kato_code)) as hi
    from registry.registrations r join registry.kato k on k.code = r.kato_code
    where r.valid_from <= $1::date and (r.valid_to is null or r.valid_to >= $1::date)
    group by r.iin
  ) r on r.iin = p.iin
  left join (select distinct iin from registry.asp_records where period_to is null or period_to >= $1::date) a on a.iin = p.iin
  left join registry.mobile_numbers n on n.iin = p.iin
  where p.household_id is not null and p.death_date is null
  group by p.household_id
  having bool_and(r.lo is not null and r.lo = r.hi) and min(r.lo) = max(r.lo) and not bool_or(a.iin is not null) and bool_or(n.iin is not null)
) f
where total <= (select poverty_line from yearly_parameters where year = $4::int and region_kato = '000000000')::bigint * 3 * size`;

export async function scanWorkload(fresh: FreshDb, persons: number, now: Date, log: (line: string) => void): Promise<Figure> {
  const today = kzDate(now);
  const quarter = quarterBefore(today);
  const params = [today, quarter.from, quarter.to, Number(today.slice(0, 4))];
  const aggregate = async () => {
    const t = performance.now();
    const [row] = await fresh.query<{ families: number }>(HAND_WRITTEN, params);
    return { seconds: (performance.now() - t) / 1000, families: Number(row.families) };
  };
  // The first pass reads the tables into the cache; both timed runs then start warm.
  await aggregate();
  const t = performance.now();
  const summary = await runProactiveScan(fresh.db, { now, cooldownDays: 90 });
  const scanSeconds = (performance.now() - t) / 1000;
  const sql = await aggregate();
  log(`proactive_scan: ${scanSeconds.toFixed(2)} s, ${summary.offersCreated} offers from ${summary.eligible} eligible families; hand-written SQL ${sql.seconds.toFixed(2)} s (${sql.families} families)`);
  return figure("proactive_scan", "s", scanSeconds, sql.seconds, persons, "hand-written SQL aggregate", `${summary.scanned} families, ${summary.offersCreated} offers + SMS queued`);
}
