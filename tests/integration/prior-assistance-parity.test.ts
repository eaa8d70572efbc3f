/**
 * Parity of clause 7-1 check 2 (ADR 012): the SQL the proactive scan runs and the TypeScript rule every
 * other channel runs pick the same people, over one generated population of at least 100,000 persons
 * (`komek seed`'s generator) on real PostgreSQL, on days around the period boundaries; and the scan
 * itself offers no family the TypeScript rule would refuse.
 *
 * PARITY_PERSONS overrides the size (default 100,000). Needs DATABASE_URL (PostgreSQL); skipped on PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { seedReferenceData, loadPopulation } from "../../db/seed/load";
import { registryGateway } from "../../db/queries/registry";
import { personsWithPriorAssistanceSql } from "../../db/queries/prior-assistance";
import { rowsOf } from "../../db/rows";
import { runProactiveScan } from "../../sms/scan";
import { aspDefinition } from "../../app/services/asp/definition";
import { priorAssistanceFacts } from "../../app/services/prior-assistance.server";
import { registerCase } from "../../app/services/register.server";

const PERSONS = Number(process.env.PARITY_PERSONS ?? 100_000);
const REFERENCE = "2026-11-20";
/** Around the generated periods' ends (month ends) and the reference day. */
const DAYS = ["2026-09-30", "2026-10-31", "2026-11-01", REFERENCE, "2026-12-31", "2027-01-01", "2027-05-01"];
const CHUNK = 5_000;

describe.skipIf(!process.env.DATABASE_URL)(`check 2 parity: scan SQL and the TypeScript rule over ${PERSONS.toLocaleString("en")} generated persons`, () => {
  let fresh: FreshDb;
  let iins: string[];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const started = performance.now();
    fresh = await createFreshDb({ prefix: "komek_parity", max: 12 });
    await seedReferenceData(fresh.db);
    await loadPopulation(fresh, { seed: 13, persons: PERSONS, referenceDate: REFERENCE });
    iins = (await fresh.query<{ iin: string }>(`select iin from registry.persons order by iin`)).map((r) => r.iin);
    // Some live Komek cases, so the rule's second half (our own cases) is compared too: every 97th household head.
    const heads = await fresh.query<{ iin: string; kato: string }>(
      `select p.iin, r.kato_code as kato from registry.persons p join registry.registrations r on r.iin = p.iin and r.valid_to is null
        where p.household_role = 'head' and p.household_id % 97 = 0 order by p.iin limit 300`,
    );
    for (const h of heads) {
      await registerCase(fresh.db, aspDefinition, {
        applicantIin: h.iin, channel: "portal", members: [{ iin: h.iin, relation: "applicant" }], katoCode: h.kato,
        applicationDate: REFERENCE, registeredBy: "system", now: new Date(`${REFERENCE}T05:00:00Z`),
      });
    }
    timings.setupSeconds = (performance.now() - started) / 1000;
  }, 600_000);
  afterAll(async () => {
    console.log(`parity: ${iins?.length.toLocaleString("en")} persons, ${JSON.stringify(timings)}`);
    await fresh?.drop();
  });

  async function sqlSet(day: string) {
    const result = await fresh.db.execute(sql`select distinct x.iin from (${personsWithPriorAssistanceSql(aspDefinition.key, aspDefinition.priorAssistance, day)}) x`);
    return new Set(rowsOf<{ iin: string }>(result).map((r) => r.iin));
  }

  /** What the portal, the SMS reply, the Centre and the akim run: priorAssistanceFacts over the gateway. */
  async function typescriptSet(day: string) {
    const gateway = registryGateway(fresh.db);
    const found = new Set<string>();
    for (let i = 0; i < iins.length; i += CHUNK) {
      const facts = await priorAssistanceFacts(fresh.db, gateway, aspDefinition, iins.slice(i, i + CHUNK), day);
      for (const r of facts.registryPrior) found.add(r.iin);
      for (const a of facts.komekActive) found.add(a.iin);
    }
    return found;
  }

  it("the population is the size asked for", () => {
    expect(iins.length).toBeGreaterThanOrEqual(PERSONS);
  });

  it.each(DAYS)("on %s both pick exactly the same people", async (day) => {
    const t0 = performance.now();
    const fromSql = await sqlSet(day);
    const t1 = performance.now();
    const fromTs = await typescriptSet(day);
    timings[`${day}.sqlMs`] = Math.round(t1 - t0);
    timings[`${day}.tsMs`] = Math.round(performance.now() - t1);
    timings[`${day}.people`] = fromSql.size;
    expect(fromSql.size).toBeGreaterThan(0);
    expect([...fromSql].filter((i) => !fromTs.has(i))).toEqual([]);
    expect([...fromTs].filter((i) => !fromSql.has(i))).toEqual([]);
  }, 120_000);

  it("the scan offers no family the TypeScript rule refuses, and does offer families paid only for past months", async () => {
    const t0 = performance.now();
    const summary = await runProactiveScan(fresh.db, { now: new Date(`${REFERENCE}T06:00:00Z`), cooldownDays: 90 });
    timings.scanMs = Math.round(performance.now() - t0);
    timings.offers = summary.offersCreated;
    expect(summary.offersCreated).toBeGreaterThan(0);
    const barred = await typescriptSet(REFERENCE);
    const offeredMembers = await fresh.query<{ iin: string; household_id: string }>(
      `select p.iin, p.household_id::text from proactive_offers o join registry.persons p on p.household_id = o.household_id where p.death_date is null`,
    );
    expect(offeredMembers.filter((m) => barred.has(m.iin))).toEqual([]);
    // The case the channels used to disagree on: a payment in the registry, none in force today.
    const [{ n }] = await fresh.query<{ n: number }>(
      `select count(distinct o.household_id)::int as n from proactive_offers o join registry.persons p on p.household_id = o.household_id
         join registry.asp_records a on a.iin = p.iin and a.kind = 'payment'`,
    );
    timings.offeredWithPastPayments = n;
    expect(n).toBeGreaterThan(0);
  }, 300_000);
});
