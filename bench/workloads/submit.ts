/**
 * submit: signed e-applications through submitApplication — the ЭЦП signature and its chain, the
 * clause 7-1 checks over the registry, registration in the e-journal — from 32 concurrent clients,
 * against a trivial one-row transaction from 32 clients through the same pool.
 *
 * The applicants are generated households that qualify (so the full path, registration included,
 * runs); each has its own certificate from a bench CA the server trusts for the run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { FreshDb } from "../../db/testing";
import { applications, type Application } from "../../db/schema";
import { submitApplication, signedText, type SubmitOutcome } from "../../app/application/submit.server";
import type { Draft } from "../../app/domain/application-draft";
import { clearTrustCache } from "../../app/signature/trust.server";
import { createCrl, createIntermediateCa, createRootCa, generateKeys, issuePersonCertificate } from "../../app/signature/pki";
import { certificateToPem, crlToPem } from "../../app/signature/pem";
import { signAs } from "../../app/signature/testing";
import { kzDate } from "../../app/domain/kz-time";
import { figure, type Figure } from "../report";

export type PreparedSubmission = { application: Application; draft: Draft; postedPayload: string; jws: string };

type Candidate = {
  iin: string;
  last_name_ru: string;
  first_name_ru: string;
  iban: string;
  bank_code: string;
  phone: string | null;
  members: { iin: string; role: string | null }[];
};

const RELATION: Record<string, "spouse" | "child" | "parent" | "other"> = { spouse: "spouse", child: "child", parent: "parent" };

/**
 * A bench PKI on disk where the server reads its trust (KOMEK_DATA_DIR/pki): root → intermediate,
 * empty CRLs. Returns the intermediate to issue personal certificates with.
 */
export async function installBenchPki(dataDir: string) {
  const root = await createRootCa({ commonName: "НУЦ РК (bench)" });
  const ca = await createIntermediateCa(root, { commonName: "НУЦ РК (bench) RSA" });
  const dir = path.join(dataDir, "pki");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "ca.pem"), certificateToPem(root.certificate));
  fs.writeFileSync(path.join(dir, "crl.pem"), crlToPem(await createCrl(ca, [])) + crlToPem(await createCrl(root, [])));
  process.env.KOMEK_DATA_DIR = dataDir;
  clearTrustCache();
  return ca;
}

/**
 * Households that pass clause 7-1 on registry data: an adult head with an open account, every member
 * registered in the same settlement today, no ASP in force, no offer or Komek case already.
 */
async function candidates(fresh: FreshDb, today: string, limit: number): Promise<Candidate[]> {
  return fresh.query<Candidate>(
    `with heads as (
       select p.iin, p.household_id, p.last_name_ru, p.first_name_ru
       from registry.persons p
       where p.household_role = 'head' and p.death_date is null and p.birth_date <= $1::date - interval '18 years'
         and not exists (select 1 from proactive_offers o where o.household_id = p.household_id)
         and not exists (select 1 from active_case_members c where c.iin = p.iin)
       order by hashtext(p.iin)
       limit $2 * 4
     ), family as (
       select h.iin as head, m.iin, m.household_role::text as role,
              (select string_agg(distinct coalesce(k.settlement_code, r.kato_code), ',')
                 from registry.registrations r join registry.kato k on k.code = r.kato_code
                where r.iin = m.iin and r.valid_from <= $1::date and (r.valid_to is null or r.valid_to >= $1::date)) as settlements,
              exists (select 1 from registry.asp_records a where a.iin = m.iin) as has_asp
       from heads h join registry.persons m on m.household_id = h.household_id and m.death_date is null
     ), fit as (
       select head, jsonb_agg(jsonb_build_object('iin', iin, 'role', role) order by iin) as members
       from family group by head
       having bool_and(settlements is not null and position(',' in settlements) = 0) and count(distinct settlements) = 1
          and not bool_or(has_asp) and count(*) <= 20
     )
     select h.iin, h.last_name_ru, h.first_name_ru, a.iban, a.bank_code, n.phone, f.members
     from fit f join heads h on h.iin = f.head
     join lateral (select iban, bank_code from registry.bank_accounts b where b.iin = h.iin and b.closed_at is null order by opened_at desc, id desc limit 1) a on true
     left join registry.mobile_numbers n on n.iin = h.iin
     limit $2`,
    [today, limit],
  );
}

/** Drafts in the database and their signatures, ready for submitApplication. */
export async function prepareSubmissions(fresh: FreshDb, ca: Awaited<ReturnType<typeof installBenchPki>>, count: number, now: Date): Promise<PreparedSubmission[]> {
  const found = await candidates(fresh, kzDate(now), count);
  // One RSA key for every bench applicant (each with their own certificate): generating 2048-bit keys
  // would take longer than the benchmark, and verification costs the same either way.
  const keys = await generateKeys("RSA");
  const prepared: PreparedSubmission[] = [];
  for (let start = 0; start < found.length; start += 500) {
    const chunk = found.slice(start, start + 500);
    const drafts = chunk.map((c): Draft => ({
      applicantSeen: true,
      members: c.members.filter((m) => m.iin !== c.iin).map((m) => ({ iin: m.iin, relation: RELATION[m.role ?? ""] ?? "other" })),
      membersConfirmed: true,
      incomesConfirmed: true,
      payment: { kind: "on_file", iban: c.iban.trim(), bankCode: c.bank_code },
      consent: { at: now.toISOString(), phone: c.phone ?? "+77000000000" },
    }));
    const rows = await fresh.db
      .insert(applications)
      .values(chunk.map((c, i) => ({ service: "asp", applicantIin: c.iin, channel: "portal" as const, status: "draft" as const, draft: drafts[i], createdAt: now, updatedAt: now })))
      .returning();
    // In parallel: WebCrypto signs on libuv's thread pool, so both cores work.
    prepared.push(
      ...(await Promise.all(
        chunk.map(async (c, i) => {
          const entity = await issuePersonCertificate(ca, { iin: c.iin, surname: c.last_name_ru, givenName: c.first_name_ru }, { keys });
          const text = signedText(rows[i], drafts[i]);
          return { application: rows[i], draft: drafts[i], postedPayload: text, jws: await signAs(entity, text) };
        }),
      )),
    );
  }
  return prepared;
}

/** Runs `work` for items 0..n-1 from `clients` concurrent loops; returns the wall time in seconds. */
export async function concurrently(n: number, clients: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) await work(i);
    }),
  );
  return (performance.now() - t) / 1000;
}

export async function submitWorkload(
  fresh: FreshDb,
  persons: number,
  options: { count: number; clients: number; now: Date; log: (line: string) => void },
): Promise<Figure & { registeredIins: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-bench-"));
  const previousDataDir = process.env.KOMEK_DATA_DIR;
  try {
    const ca = await installBenchPki(dataDir);
    const t0 = performance.now();
    const prepared = await prepareSubmissions(fresh, ca, options.count, options.now);
    if (prepared.length < options.clients) throw new Error(`only ${prepared.length} qualifying households for the submit workload; seed more persons`);
    options.log(`submit: ${prepared.length} signed drafts prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Warm-up: the first few pay for module loading, JIT and the trust files.
    const warm = Math.min(options.clients, prepared.length >> 3);
    const outcomes: SubmitOutcome[] = new Array(prepared.length);
    const submit = async (i: number) => void (outcomes[i] = await submitApplication({ ...prepared[i], now: options.now }));
    await concurrently(warm, options.clients, submit);
    const measured = prepared.length - warm;
    const seconds = await concurrently(measured, options.clients, (i) => submit(warm + i));
    const rate = measured / seconds;

    await fresh.query(`create table bench_trivial (id bigserial primary key, at timestamptz not null)`);
    const trivialCount = Math.max(2000, measured * 4);
    const trivialSeconds = await concurrently(trivialCount, options.clients, async () => {
      await fresh.db.transaction(async (tx) => void (await tx.execute(sql`insert into bench_trivial (at) values (now())`)));
    });
    const trivialRate = trivialCount / trivialSeconds;
    await fresh.query(`drop table bench_trivial`);

    const tally = new Map<string, number>();
    for (const o of outcomes) tally.set(o.kind, (tally.get(o.kind) ?? 0) + 1);
    const summary = [...tally].map(([k, n]) => `${n} ${k}`).join(", ");
    options.log(`submit: ${rate.toFixed(0)}/s over ${measured} (${summary}); trivial transaction ${trivialRate.toFixed(0)}/s`);
    const registeredIins = prepared.filter((_, i) => outcomes[i]?.kind === "registered").map((p) => p.application.applicantIin);
    return {
      ...figure("submit", "req/s", rate, trivialRate, persons, "one-row transaction, same pool", `${options.clients} clients; ${summary}`),
      registeredIins,
    };
  } finally {
    if (previousDataDir === undefined) delete process.env.KOMEK_DATA_DIR;
    else process.env.KOMEK_DATA_DIR = previousDataDir;
    clearTrustCache();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
