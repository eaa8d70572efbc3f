/**
 * Holiday and by-list payments on the database (seed 003 clauses 7, 8.7, 8.10, 10, 17; ADR 017):
 * generation — ONE INSERT … SELECT per category over the district's registry, idempotent —, review
 * (add by IIN, exclude, each with a reason), and the head's approval with ЭЦП, which in one
 * transaction creates one decision per recipient, one grant per recipient and category, and the SMS.
 *
 * Every function takes the database (or a transaction) first, so tests and the benchmark drive it
 * without Remix; the routes reach it through app/lists/pages.server.ts.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { rowsOf } from "../../db/rows";
import type { ListProgress, LocalList } from "../../db/schema";
import { canonicalJson } from "../signature/canonical";
import { compileCondition, factKinds, factValidOn } from "./eligibility";
import { amountInTenge, categoriesOfList, listTarget, paymentDate, type ListCategory, type ListKind, type ListRules, type YearParameters } from "./rules";
import { smsTemplates } from "./text";
import { makeVerificationCode } from "../notices/text";
import { randomInt } from "node:crypto";

export class ListError extends Error {
  constructor(readonly key: ListErrorKey) {
    super(key);
  }
}
export type ListErrorKey =
  | "noCategories" | "approved" | "notFound" | "unknownPerson" | "notResident" | "alreadyInList" | "alreadyGranted" | "notReviewed"
  | "stale" | "empty" | "generating" | "upTo" | "noParameters" | "categoryNotInList" | "reason";

/** A reason is required and short: what staff write to justify an addition or exclusion. */
export function checkReason(reason: string): string {
  const r = reason.trim();
  if (!r || r.length > 500) throw new ListError("reason");
  return r;
}

const rows = async <T>(db: Tx, query: SQL) => rowsOf<T>(await db.execute(query));

/** The district's KATO prefix: region and district (first four digits of 'RRDD00000'). */
export const districtPrefix = (districtKato: string) => districtKato.slice(0, 4);

export async function yearParameters(db: Tx, year: number): Promise<YearParameters> {
  const [p] = await rows<{ mrp: number; subsistence_minimum: number }>(
    db,
    sql`SELECT mrp, subsistence_minimum FROM yearly_parameters WHERE year = ${year} AND region_kato = '000000000'`,
  );
  if (!p) throw new ListError("noParameters");
  return { mrp: Number(p.mrp), subsistenceMinimum: Number(p.subsistence_minimum) };
}

export async function findList(db: Tx, id: number): Promise<LocalList | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await db.query.localLists.findMany({ where: (t, { eq }) => eq(t.id, id), limit: 1 });
  return row ?? null;
}

export type GenerateInput = {
  rules: ListRules;
  districtKato: string;
  kind: ListKind;
  subject: string;
  year: number;
  half?: 1 | 2;
  staffId: number | null;
  now: Date;
};
export type GenerateResult = { listId: number; created: boolean; added: number; progress: ListProgress };

/** Creates (or finds) the list row and writes its categories' progress as "not yet done". */
export async function openList(db: Db, input: GenerateInput): Promise<{ list: LocalList; categories: ListCategory[]; created: boolean }> {
  const categories = categoriesOfList(input.rules, input.kind, input.subject);
  if (!categories.length) throw new ListError("noCategories");
  if (categories.some((c) => c.amount.upTo)) throw new ListError("upTo");
  const target = listTarget(categories[0], input.kind, input.subject, input.year, input.half ?? 1);
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO local_lists (district_kato, act_id, kind, subject, period, reference_day, planned_payment_date, generated_by, generated_at)
        VALUES (${input.districtKato}, ${input.rules.act.id}, ${target.kind}, ${target.subject}, ${target.period}, ${target.referenceDay}, ${target.referenceDay}, ${input.staffId}, ${input.now.toISOString()})
        ON CONFLICT (district_kato, kind, subject, period) DO NOTHING RETURNING id`,
  );
  const [existing] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM local_lists WHERE district_kato = ${input.districtKato} AND kind = ${target.kind} AND subject = ${target.subject} AND period = ${target.period}`,
  );
  const list = (await findList(db, Number(existing.id)))!;
  return { list, categories, created: inserted.length > 0 };
}

/**
 * The list of one occasion (or by-list needs category) for a district and period: one INSERT … SELECT
 * per category. Idempotent: an entry already there (kept, added by hand or excluded) is left as it is,
 * so generating again adds only people who became eligible since — none when nothing changed — and an
 * approved list is never touched. `onProgress` hears each category as it finishes.
 */
export async function generateList(db: Db, input: GenerateInput, onProgress?: (p: ListProgress) => void): Promise<GenerateResult> {
  const { list, categories, created } = await openList(db, input);
  if (list.status === "approved") {
    // Generating an approved list again creates nothing; its page says so.
    const progress = list.progress.map((p) => ({ ...p, added: 0 }));
    await db.execute(sql`UPDATE local_lists SET progress = ${JSON.stringify(progress)}::jsonb WHERE id = ${list.id}`);
    return { listId: list.id, created: false, added: 0, progress };
  }
  const progress: ListProgress = categories.map((c) => ({ code: c.code, done: false, total: 0, added: 0 }));
  await db.execute(sql`UPDATE local_lists SET progress = ${JSON.stringify(progress)}::jsonb, generation_started_at = ${input.now.toISOString()}, generation_finished_at = NULL, generation_error = NULL WHERE id = ${list.id}`);
  const params = await yearParameters(db, Number(list.referenceDay.slice(0, 4)));
  let added = 0;
  try {
    for (const [i, category] of categories.entries()) {
      const n = await insertCategory(db, list, category, params);
      const [{ total }] = await rows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM local_list_entries WHERE list_id = ${list.id} AND category_code = ${category.code}`);
      progress[i] = { code: category.code, done: true, total: Number(total), added: n };
      added += n;
      await db.execute(sql`UPDATE local_lists SET progress = ${JSON.stringify(progress)}::jsonb WHERE id = ${list.id}`);
      onProgress?.(progress);
    }
  } catch (error) {
    await db.execute(sql`UPDATE local_lists SET generation_error = ${String(error instanceof Error ? error.message : error).slice(0, 500)}, generation_finished_at = now() WHERE id = ${list.id}`);
    throw error;
  }
  // A list changed by a new generation is reviewed again.
  await db.execute(
    sql`UPDATE local_lists SET generation_finished_at = now(), status = CASE WHEN ${added} > 0 THEN 'generated' ELSE status END WHERE id = ${list.id}`,
  );
  return { listId: list.id, created, added, progress };
}

/** Residence in the district on the day: a permanent registration there valid that day. */
const residentOn = (prefix: string, day: string) =>
  sql`EXISTS (SELECT 1 FROM registry.registrations r WHERE r.iin = p.iin AND r.kind = 'permanent' AND r.kato_code LIKE ${`${prefix}%`}
        AND r.valid_from <= ${day}::date AND (r.valid_to IS NULL OR r.valid_to >= ${day}::date))`;

/**
 * Clause 17: the holiday lists are formed from the data of active recipients of pensions and benefits —
 * a pension_recipient or benefit_recipient fact valid on the occasion's day.
 */
export const ACTIVE_RECIPIENT_FACTS = ["pension_recipient", "benefit_recipient"] as const;
const activeRecipientOn = (day: string) =>
  sql`EXISTS (SELECT 1 FROM registry.person_facts f WHERE f.iin = p.iin AND f.kind IN ('pension_recipient', 'benefit_recipient') AND ${factValidOn(day)})`;

/** The amount of the category's entries as an SQL expression over `p` (a PERCENT reads its base fact). */
function amountSql(category: ListCategory, params: YearParameters, day: string): { unit: string; value: SQL; tenge: SQL } {
  if (category.amount.unit === "PERCENT") {
    const base = category.percentOf;
    if (!base) throw new Error(`category ${category.code}: a percentage needs percentOf`);
    // The base is the sum of the person's facts valid on the day: a parent with two children in preschool pays two fees (ADR 024).
    const tenge = sql`round(${category.amount.value}::numeric / 100 * ${base.times}::numeric * (SELECT sum(f.value::numeric) FROM registry.person_facts f
      WHERE f.iin = p.iin AND f.kind = ${base.fact} AND f.value ~ '^[0-9]+(\\.[0-9]+)?$' AND ${factValidOn(day)}))::int`;
    return { unit: "KZT", value: tenge, tenge };
  }
  const tenge = amountInTenge(category.amount, params);
  return { unit: category.amount.unit, value: sql`${category.amount.value}::numeric`, tenge: sql`${tenge}::int` };
}

/**
 * ONE set-based statement: the category's eligible residents of the district into the list. Planned
 * for its own parameters every time (plan_cache_mode): the categories share one statement text, and a
 * generic plan made for one category's fact value walks the registry badly for another's.
 */
async function insertCategory(db: Db, list: LocalList, category: ListCategory, params: YearParameters): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL plan_cache_mode = force_custom_plan`);
    return insertCategoryIn(tx, list, category, params);
  });
}

async function insertCategoryIn(tx: Tx, list: LocalList, category: ListCategory, params: YearParameters): Promise<number> {
  const db = tx;
  const day = list.referenceDay;
  const amount = amountSql(category, params, day);
  const kinds = [...new Set([...factKinds(category.eligibility), ...(category.percentOf ? [category.percentOf.fact] : []), ...(list.kind === "holiday" ? ACTIVE_RECIPIENT_FACTS : [])])];
  const kindList = kinds.length ? sql.join(kinds.map((k) => sql`${k}`), sql`, `) : sql`NULL`;
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql`WITH candidates AS (
          SELECT p.iin, ${amount.value} AS amount_value, ${amount.tenge} AS amount_tenge,
                 coalesce((SELECT jsonb_agg(jsonb_build_object('kind', f.kind, 'value', f.value, 'source', f.source) ORDER BY f.kind, f.valid_from)
                           FROM registry.person_facts f WHERE f.iin = p.iin AND f.kind IN (${kindList}) AND ${factValidOn(day)}), '[]'::jsonb) AS facts
          FROM registry.persons p
          WHERE (p.death_date IS NULL OR p.death_date > ${day}::date)
            AND ${residentOn(districtPrefix(list.districtKato), day)}
            ${list.kind === "holiday" ? sql`AND ${activeRecipientOn(day)}` : sql``}
            AND ${compileCondition(category.eligibility, day)}
        ), inserted AS (
          INSERT INTO local_list_entries (list_id, iin, category_code, amount_unit, amount_value, amount_tenge, source_facts)
          SELECT ${list.id}, iin, ${category.code}, ${amount.unit}, amount_value, amount_tenge, facts FROM candidates WHERE amount_tenge > 0
          ON CONFLICT (list_id, iin, category_code) DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM inserted`,
  );
  return Number(n);
}

// --- review ---------------------------------------------------------------------------------------

const editable = (list: LocalList | null): LocalList => {
  if (!list) throw new ListError("notFound");
  if (list.status === "approved") throw new ListError("approved");
  return list;
};

/** Staff add a person by IIN to one of the list's categories, with a reason (a registry person only). */
export async function addEntry(
  db: Db,
  input: { rules: ListRules; listId: number; iin: string; categoryCode: string; reason: string; staffId: number },
): Promise<number> {
  const reason = checkReason(input.reason);
  return db.transaction(async (tx) => {
    const list = editable(await lockList(tx, input.listId));
    const category = categoriesOfList(input.rules, list.kind, list.subject).find((c) => c.code === input.categoryCode);
    if (!category) throw new ListError("categoryNotInList");
    const [person] = await rows<{ iin: string }>(tx, sql`SELECT iin FROM registry.persons WHERE iin = ${input.iin}`);
    if (!person) throw new ListError("unknownPerson");
    const [resident] = await rows(tx, sql`SELECT 1 FROM registry.persons p WHERE p.iin = ${input.iin} AND ${residentOn(districtPrefix(list.districtKato), list.referenceDay)}`);
    if (!resident) throw new ListError("notResident");
    const [granted] = await rows(
      tx,
      sql`SELECT 1 FROM local_grants WHERE recipient_iin = ${input.iin} AND district_kato = ${list.districtKato} AND kind = ${list.kind}
            AND subject = ${list.subject} AND period = ${list.period} AND category_code = ${category.code}`,
    );
    if (granted) throw new ListError("alreadyGranted");
    const params = await yearParameters(tx, Number(list.referenceDay.slice(0, 4)));
    let unit: string = category.amount.unit;
    let value: SQL = sql`${category.amount.value}::numeric`;
    let tenge: SQL;
    if (category.amount.unit === "PERCENT") {
      const a = amountSql(category, params, list.referenceDay);
      unit = a.unit;
      value = a.value;
      tenge = a.tenge;
    } else tenge = sql`${amountInTenge(category.amount, params)}::int`;
    const inserted = await rows<{ id: string; amount_tenge: number | null }>(
      tx,
      sql`INSERT INTO local_list_entries (list_id, iin, category_code, amount_unit, amount_value, amount_tenge, source_facts, added_by, added_reason)
          SELECT ${list.id}, p.iin, ${category.code}, ${unit}, ${value}, ${tenge}, '[]'::jsonb, ${input.staffId}, ${reason}
          FROM registry.persons p WHERE p.iin = ${input.iin} AND coalesce(${tenge}, 0) > 0
          ON CONFLICT (list_id, iin, category_code) DO NOTHING RETURNING id`,
    );
    if (!inserted.length) throw new ListError("alreadyInList");
    await tx.execute(sql`UPDATE local_lists SET status = 'generated', reviewed_by = NULL, reviewed_at = NULL WHERE id = ${list.id}`);
    return Number(inserted[0].id);
  });
}

/** Staff exclude an entry with a reason; it stays in the list, struck through, and is not granted. */
export async function excludeEntry(db: Db, input: { listId: number; entryId: number; reason: string; staffId: number; now: Date }) {
  const reason = checkReason(input.reason);
  return db.transaction(async (tx) => {
    const list = editable(await lockList(tx, input.listId));
    const done = await rows(
      tx,
      sql`UPDATE local_list_entries SET excluded_at = ${input.now.toISOString()}, excluded_by = ${input.staffId}, excluded_reason = ${reason}
          WHERE id = ${input.entryId} AND list_id = ${list.id} AND excluded_at IS NULL RETURNING id`,
    );
    if (!done.length) throw new ListError("notFound");
    await tx.execute(sql`UPDATE local_lists SET status = 'generated', reviewed_by = NULL, reviewed_at = NULL WHERE id = ${list.id}`);
  });
}

/** The specialist marks the list reviewed: it goes to the head for approval. */
export async function markReviewed(db: Db, input: { listId: number; staffId: number; now: Date }) {
  return db.transaction(async (tx) => {
    const list = editable(await lockList(tx, input.listId));
    if (!list.generationFinishedAt) throw new ListError("generating");
    const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM local_list_entries WHERE list_id = ${list.id} AND excluded_at IS NULL`);
    if (!Number(n)) throw new ListError("empty");
    await tx.execute(sql`UPDATE local_lists SET status = 'reviewed', reviewed_by = ${input.staffId}, reviewed_at = ${input.now.toISOString()} WHERE id = ${list.id}`);
  });
}

async function lockList(tx: Tx, id: number): Promise<LocalList | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  await tx.execute(sql`SELECT id FROM local_lists WHERE id = ${id} FOR UPDATE`);
  return findList(tx, id);
}

// --- approval ---------------------------------------------------------------------------------------

/** An entry's amount on the decision date: MRP and PM amounts are valued with that year's МРП / ПМ. */
const grantAmount = (params: YearParameters) =>
  sql`CASE e.amount_unit WHEN 'MRP' THEN round(e.amount_value * ${params.mrp})::int WHEN 'PM' THEN round(e.amount_value * ${params.subsistenceMinimum})::int ELSE e.amount_tenge END`;

export type ApprovalFacts = {
  kind: "local-list-approval";
  listId: number;
  act: string;
  districtKato: string;
  listKind: ListKind;
  subject: string;
  period: string;
  decidedOn: string;
  paymentDate: string;
  recipients: number;
  grants: number;
  totalTenge: number;
  /** SHA-256 of every grant line 'IIN;category;amount' in IIN order: the head signs exactly these lines. */
  linesSha256: string;
};

/** What the head signs: the list's totals and the digest of every line, valued on the decision date. */
export async function approvalFacts(db: Tx, list: LocalList, decidedOn: string): Promise<ApprovalFacts> {
  const params = await yearParameters(db, Number(decidedOn.slice(0, 4)));
  const [agg] = await rows<{ recipients: number; grants: number; total: string | null; digest: string | null }>(
    db,
    sql`SELECT count(DISTINCT e.iin)::int AS recipients, count(*)::int AS grants, sum(${grantAmount(params)})::bigint AS total,
               encode(sha256(convert_to(coalesce(string_agg(e.iin || ';' || e.category_code || ';' || (${grantAmount(params)})::text, E'\n' ORDER BY e.iin, e.category_code), ''), 'UTF8')), 'hex') AS digest
        FROM local_list_entries e WHERE e.list_id = ${list.id} AND e.excluded_at IS NULL`,
  );
  return {
    kind: "local-list-approval", listId: list.id, act: list.actId, districtKato: list.districtKato, listKind: list.kind, subject: list.subject, period: list.period,
    decidedOn, paymentDate: paymentDate(decidedOn), recipients: Number(agg.recipients), grants: Number(agg.grants), totalTenge: Number(agg.total ?? 0), linesSha256: agg.digest ?? "",
  };
}

export const approvalPayload = (facts: ApprovalFacts) => canonicalJson(facts);

export type VerifiedSignature = { jws: string; iin: string; commonName: string | null; serialNumber: string | null };
export type ApprovalResult = { decisions: number; grants: number; sms: number; totalTenge: number };

/**
 * The head's approval (after the signature is verified by the caller, app/lists/pages.server.ts): in one
 * transaction the list becomes approved, each recipient gets one decision (numbered L<list>-<n>), each
 * category line one grant, and each recipient with a number in the mobile-citizens registry one SMS in
 * their language. A second approval at the same time waits for the row lock and is refused; should
 * anything still try to grant twice, local_grants_once_uq refuses it and nothing is written.
 */
export async function approveList(
  db: Db,
  input: { rules: ListRules; listId: number; staffId: number; decidedOn: string; postedPayload: string; signature: VerifiedSignature; now: Date },
): Promise<ApprovalResult> {
  return db.transaction(async (tx) => {
    const list = await lockList(tx, input.listId);
    if (!list) throw new ListError("notFound");
    if (list.status === "approved") throw new ListError("approved");
    if (list.status !== "reviewed") throw new ListError("notReviewed");
    const facts = await approvalFacts(tx, list, input.decidedOn);
    if (approvalPayload(facts) !== input.postedPayload) throw new ListError("stale");
    if (!facts.grants) throw new ListError("empty");
    const params = await yearParameters(tx, Number(input.decidedOn.slice(0, 4)));
    // One printed code per decision (its recipient checks it at /verify), drawn as the notices' codes are.
    const codes = `{${Array.from({ length: facts.recipients }, () => makeVerificationCode(randomInt)).join(",")}}`;
    await tx.execute(sql`
      UPDATE local_lists SET status = 'approved', approved_by = ${input.staffId}, approved_at = ${input.now.toISOString()}, approved_on = ${input.decidedOn},
        approval_payload = ${input.postedPayload}, approval_signature = ${input.signature.jws}, signer_iin = ${input.signature.iin},
        signer_name = ${input.signature.commonName}, signer_serial = ${input.signature.serialNumber}
      WHERE id = ${list.id}`);
    const [d] = await rows<{ n: number }>(
      tx,
      sql`WITH made AS (
            INSERT INTO local_decisions (list_id, iin, number, decided_on, payment_date, total_tenge, verification_code, created_at)
            SELECT ${list.id}, e.iin, 'L' || ${list.id}::text || '-' || lpad((row_number() OVER (ORDER BY e.iin))::text, 6, '0'),
                   ${input.decidedOn}, ${facts.paymentDate}, sum(${grantAmount(params)}),
                   (${codes}::text[])[row_number() OVER (ORDER BY e.iin)], ${input.now.toISOString()}
            FROM local_list_entries e WHERE e.list_id = ${list.id} AND e.excluded_at IS NULL GROUP BY e.iin
            RETURNING 1)
          SELECT count(*)::int AS n FROM made`,
    );
    const [g] = await rows<{ n: number }>(
      tx,
      sql`WITH made AS (
            INSERT INTO local_grants (decision_id, list_id, entry_id, recipient_iin, district_kato, kind, subject, period, category_code, amount_tenge,
                                      decision_number, decision_date, payment_date, created_at)
            SELECT d.id, ${list.id}, e.id, e.iin, ${list.districtKato}, ${list.kind}, ${list.subject}, ${list.period}, e.category_code, ${grantAmount(params)},
                   d.number, d.decided_on, d.payment_date, ${input.now.toISOString()}
            FROM local_list_entries e JOIN local_decisions d ON d.list_id = e.list_id AND d.iin = e.iin
            WHERE e.list_id = ${list.id} AND e.excluded_at IS NULL
            RETURNING 1)
          SELECT count(*)::int AS n FROM made`,
    );
    const sms = await queueGrantSms(tx, list, input.rules, input.now);
    return { decisions: Number(d.n), grants: Number(g.n), sms, totalTenge: facts.totalTenge };
  });
}

/**
 * One SMS per decision, set-based: the text of each language is rendered once with placeholders
 * (app/lists/text.ts, within the two-segment budget) and filled in SQL with the decision's amount,
 * number and payment date. Only people with a number in the mobile-citizens registry; in their
 * preferred language.
 */
async function queueGrantSms(tx: Tx, list: LocalList, rules: ListRules, now: Date): Promise<number> {
  const category = categoriesOfList(rules, list.kind, list.subject)[0];
  const t = smsTemplates(list.kind, list.subject, category?.code ?? list.subject);
  const [{ n }] = await rows<{ n: number }>(
    tx,
    sql`WITH sent AS (
          INSERT INTO sms_messages (direction, phone, iin, language, body, purpose, status, created_at, updated_at)
          SELECT 'out', m.phone, d.iin, p.preferred_language::text,
                 replace(replace(replace(CASE p.preferred_language WHEN 'kk' THEN ${t.kk} ELSE ${t.ru} END,
                   '{AMOUNT}', regexp_replace(d.total_tenge::text, '(\\d)(?=(\\d{3})+$)', '\\1 ', 'g')),
                   '{NUMBER}', d.number),
                   '{DATE}', to_char(d.payment_date, 'DD.MM.YYYY')),
                 'decision', 'queued', ${now.toISOString()}, ${now.toISOString()}
          FROM local_decisions d
          JOIN registry.persons p ON p.iin = d.iin
          JOIN registry.mobile_numbers m ON m.iin = d.iin
          WHERE d.list_id = ${list.id}
          RETURNING 1)
        SELECT count(*)::int AS n FROM sent`,
  );
  return Number(n);
}
