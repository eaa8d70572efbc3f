import { eq, sql } from "drizzle-orm";
import { parseArgs } from "../args";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { loadPopulation, seedReferenceData } from "../../db/seed/load";
import { toIsoDate } from "../../db/seed/generate";
import { officeRows } from "../../db/seed/accounts";
import { upsertOffice } from "../../db/queries/accounts";
import { findForCall } from "../../db/queries/callcenter";
import { persons, staffAccounts } from "../../db/schema";
import { lookUp } from "../../app/callcenter/lookup.server";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const BENCH_AGENTS = 100;

/**
 * `komek bench lookup [--persons N] [--samples S] [--seed S] [--json] [--keep]`
 *
 * A fresh database on DATABASE_URL's server (default the local PostgreSQL), N generated persons,
 * applications for about a tenth of the households and proactive offers (with their SMS) for about a
 * twentieth; then S look-ups of random IINs — half of them applicants — timed next to a primary-key
 * SELECT on registry.persons in the same run, interleaved so both see the same conditions.
 *
 * lookup: the whole 1414 look-up as the console runs it (limit check, the one-statement read, the
 * look-up and data-access records, in one transaction); lookup_read: the read statement alone.
 */
export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const count = args.int("persons", 100_000);
  const samples = args.int("samples", 2_000);
  const seed = args.int("seed", 1);
  const json = args.bool("json");
  if (count < 100) throw new Error("--persons must be at least 100");
  if (samples < 10) throw new Error("--samples must be at least 10");
  process.env.DATABASE_URL ||= DEFAULT_URL;
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const fresh = await createFreshDb({ prefix: "komek_bench", max: 12 });
  try {
    const referenceDate = toIsoDate(Date.now());
    log(`bench lookup: ${fresh.describe}, seeding ${count.toLocaleString("en")} persons…`);
    const t0 = performance.now();
    await seedReferenceData(fresh.db);
    await loadPopulation(fresh, { seed, persons: count, referenceDate });
    const { base, figures, sampled } = await measureLookup(fresh, { persons: count, samples, referenceDate, log });
    log(`seeded and measured in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (json) {
      for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
    } else {
      const rows = [
        ["query", "p50 ms", "p95 ms", "× baseline p50", "× baseline p95"],
        ["baseline: persons by primary key", fmt(base.p50), fmt(base.p95), "1.0", "1.0"],
        ["lookup: limit + read + audit (1 tx)", ...pair(figures, "lookup")],
        ["lookup_read: the one read statement", ...pair(figures, "lookup_read")],
      ];
      const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
      process.stdout.write(`1414 look-up on ${count.toLocaleString("en")} persons, ${sampled} IINs (${fresh.kind})\n`);
      for (const r of rows) process.stdout.write(`${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")}\n`);
    }
  } finally {
    if (args.bool("keep")) {
      log(`kept the database: ${fresh.url}`);
      await fresh.close();
    } else await fresh.drop();
  }
}

/**
 * The look-up measurement on a seeded database: adds the cases callers ask about, then times
 * `samples` look-ups against the primary-key baseline. Shared by `komek bench lookup` and `komek bench`.
 */
export async function measureLookup(fresh: FreshDb, options: { persons: number; samples: number; referenceDate: string; log: (line: string) => void }) {
  const agents = await createAgents(fresh);
  const made = await createCases(fresh, options.referenceDate);
  await fresh.query("ANALYZE");
  options.log(`lookup: ${made.applications} applications and ${made.offers} offers added for callers to ask about`);

  const iins = await sampleIins(fresh, options.samples);
  const timings = { baseline: [] as number[], lookup: [] as number[], read: [] as number[] };
  // Prepared like the look-up's read, so the comparison is of work, not of planning.
  const baselineQuery = fresh.db.select().from(persons).where(eq(persons.iin, sql.placeholder("iin"))).prepare("bench_baseline");
  const baseline = async (iin: string) => {
    await baselineQuery.execute({ iin });
  };
  const read = async (iin: string) => {
    await findForCall(fresh.db, { kind: "iin", iin });
  };
  const lookup = async (iin: string, i: number) => {
    await lookUp(fresh.db, {
      agent: { id: agents[i % agents.length], role: "callcenter" },
      callReference: `BENCH-${i}`,
      query: { kind: "iin", iin },
      language: "ru",
      now: new Date(),
      maxPerMinute: Number.MAX_SAFE_INTEGER,
    });
  };
  // Warm the caches and the connection pool before measuring.
  for (let i = 0; i < Math.min(200, iins.length); i++) {
    await baseline(iins[i]);
    await read(iins[i]);
    await lookup(iins[i], i);
  }
  for (let i = 0; i < iins.length; i++) {
    timings.baseline.push(await timed(() => baseline(iins[i])));
    timings.read.push(await timed(() => read(iins[i])));
    timings.lookup.push(await timed(() => lookup(iins[i], i)));
  }

  const base = { p50: percentile(timings.baseline, 50), p95: percentile(timings.baseline, 95) };
  const figures = (["lookup", "read"] as const).flatMap((kind) =>
    ([50, 95] as const).map((p) => {
      const value = percentile(timings[kind], p);
      const b = p === 50 ? base.p50 : base.p95;
      return { name: `${kind === "lookup" ? "lookup" : "lookup_read"}_p${p}`, value: round(value), unit: "ms", baseline: round(b), ratio: round(value / b, 1), persons: options.persons };
    }),
  );
  return { base, figures, sampled: iins.length };
}

type Figure = { name: string; value: number; ratio: number };
function pair(figures: Figure[], prefix: string): string[] {
  const p50 = figures.find((f) => f.name === `${prefix}_p50`)!;
  const p95 = figures.find((f) => f.name === `${prefix}_p95`)!;
  return [fmt(p50.value), fmt(p95.value), p50.ratio.toFixed(1), p95.ratio.toFixed(1)];
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (v: number, digits = 3) => Number(v.toFixed(digits));
const fmt = (v: number) => v.toFixed(3);

/** Agents spread the look-ups, as a contact centre's shift does; each keeps within a realistic per-minute count. */
async function createAgents(fresh: FreshDb): Promise<number[]> {
  for (const office of officeRows) await upsertOffice(fresh.db, office);
  const rows = await fresh.db
    .insert(staffAccounts)
    .values(
      Array.from({ length: BENCH_AGENTS }, (_, i) => ({
        login: `bench.agent.${i}`, iin: "830617440012", fullNameRu: `Оператор ${i}`, fullNameKk: `Оператор ${i}`,
        role: "callcenter" as const, officeCode: "contact-centre", passwordHash: "-",
      })),
    )
    .returning({ id: staffAccounts.id });
  return rows.map((r) => r.id);
}

/**
 * Set-based: registered applications for ~10 % of household heads (statuses spread over the workflow,
 * some overdue) and offers with a delivered SMS for another ~5 % of heads that have a mobile number.
 */
async function createCases(fresh: FreshDb, today: string) {
  const statuses = ["registered", "sent_to_commission", "survey_recorded", "specialist_assigned", "income_computed", "decision_drafted", "decision_signed", "notice_delivered"];
  // Numbers continue the year's counter (and advance it), so real registrations before or after these
  // (`komek bench` runs the submit and SMS workloads on the same database) never collide with them.
  const [counter] = await fresh.query<{ last: number }>(
    `select coalesce((select last from registration_counters where service = 'asp' and year = extract(year from $1::date)::int), 0) as last`,
    [today],
  );
  const [apps] = await fresh.query<{ n: number }>(
    `WITH chosen AS (
       SELECT p.iin, row_number() OVER (ORDER BY p.iin) AS n,
              (SELECT r.kato_code FROM registry.registrations r WHERE r.iin = p.iin ORDER BY r.valid_from DESC LIMIT 1) AS kato
       FROM registry.persons p
       WHERE p.household_role = 'head' AND abs(hashtext(p.iin)) % 10 = 0
     ), inserted AS (
       INSERT INTO applications (service, applicant_iin, channel, status, kato_code, registration_number, registered_at, submitted_at, application_date, due_date, draft, created_at, updated_at)
       SELECT 'asp', iin,
              (CASE WHEN n % 4 = 0 THEN 'proactive' ELSE 'portal' END)::channel,
              ($1::text[])[1 + n % 8]::application_status,
              kato,
              'ASP' || to_char($2::date, 'YY') || '-' || lpad((n + $3::int)::text, 6, '0'),
              now(), now(),
              $2::date - (n % 40)::int,
              $2::date - (n % 40)::int + 21,
              jsonb_build_object('payment', jsonb_build_object('kind', 'on_file', 'iban', 'KZ00000000000000' || lpad((n % 10000)::text, 4, '0'), 'bankCode', '000')),
              now(), now()
       FROM chosen WHERE kato IS NOT NULL AND n < 1000000
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM inserted`,
    [`{${statuses.join(",")}}`, today, counter.last],
  );
  await fresh.query(
    `insert into registration_counters (service, year, last)
     select 'asp', extract(year from $1::date)::int, coalesce(max(substring(registration_number from 7)::int), 0)
     from applications where registration_number like 'ASP' || to_char($1::date, 'YY') || '-%'
     on conflict (service, year) do update set last = greatest(registration_counters.last, excluded.last)`,
    [today],
  );
  const [offers] = await fresh.query<{ n: number }>(
    `WITH chosen AS (
       SELECT p.iin, p.household_id, m.phone, row_number() OVER (ORDER BY p.iin) AS n,
              (SELECT r.kato_code FROM registry.registrations r WHERE r.iin = p.iin ORDER BY r.valid_from DESC LIMIT 1) AS kato
       FROM registry.persons p JOIN registry.mobile_numbers m ON m.iin = p.iin
       WHERE p.household_role = 'head' AND abs(hashtext(p.iin)) % 20 = 1
     ), offers AS (
       INSERT INTO proactive_offers (service, household_id, recipient_iin, phone, language, kato_code, per_capita_income, poverty_line, income_quarter, stage, state, sent_at, remind_at, expires_at)
       SELECT 'asp', household_id, iin, phone, 'ru', kato, 40000, 50000, '2026-Q3',
              (ARRAY['offered', 'declined', 'expired', 'registered', 'opted_out'])[1 + n % 5],
              jsonb_build_object('stage', (ARRAY['offered', 'declined', 'expired', 'registered', 'opted_out'])[1 + n % 5], 'accountLast4', lpad((n % 10000)::text, 4, '0'),
                                 'policy', jsonb_build_object('declineRevocableHours', 24), 'declinedAt', now() - interval '2 hours'),
              now() - interval '1 day', now() + interval '1 day', now() + interval '2 days'
       FROM chosen WHERE kato IS NOT NULL
       -- A family the real scan already offered (komek bench runs it first) keeps that offer.
       ON CONFLICT DO NOTHING
       RETURNING id, recipient_iin, phone
     ), messages AS (
       INSERT INTO sms_messages (direction, phone, iin, language, body, purpose, status, offer_id, sent_at)
       SELECT 'out', phone, recipient_iin, 'ru', 'bench offer', 'offer', 'delivered', id, now() FROM offers
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM messages`,
  );
  return { applications: apps.n, offers: offers.n };
}

/** Half applicants (the people who call), half anyone. */
async function sampleIins(fresh: FreshDb, samples: number): Promise<string[]> {
  const half = Math.floor(samples / 2);
  const applicants = await fresh.query<{ iin: string }>(`SELECT applicant_iin AS iin FROM applications ORDER BY random() LIMIT $1`, [half]);
  const anyone = await fresh.query<{ iin: string }>(`SELECT iin FROM registry.persons ORDER BY random() LIMIT $1`, [samples - applicants.length]);
  const all = [...applicants, ...anyone].map((r) => r.iin.trim());
  // Interleave, so neither kind is measured only at the start or the end.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}
