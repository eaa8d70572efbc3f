/**
 * The staff pages' and the cabinet's door to holiday and by-list payments: the district of the
 * signed-in office, the act in force on the day (none → the plain warning), generation started in the
 * background with its progress on the list page, review, and the head's signed approval.
 */
import { sql } from "drizzle-orm";
import { getDb } from "../db.server";
import type { StaffUser } from "../session.server";
import { verifyForRequest } from "../signature/trust.server";
import { kzDate } from "../domain/kz-time";
import type { Language } from "../../locales";
import { rowsOf } from "../../db/rows";
import type { LocalList } from "../../db/schema";
import {
  addEntry, approvalFacts, approvalPayload, approveList, excludeEntry, findList, generateList, ListError, markReviewed, openList, type GenerateInput,
} from "./lists.server";
import { byListNeeds, categoriesOfList, formatTenge, type ListRules } from "./rules";
import { listRulesInForce, listRulesOfAct, listsToday } from "./source.server";
import { renderGrantNotice } from "./text";

/** The district a district office serves: its KATO prefix padded to the district's nine digits. */
export const districtOf = (user: StaffUser) => user.office.katoPrefix.padEnd(9, "0");

export async function rulesForStaff(user: StaffUser, day = listsToday()): Promise<{ day: string; rules: ListRules | null }> {
  return { day, rules: await listRulesInForce(districtOf(user), day) };
}

/** What the generate form offers: every occasion with by-list categories, and the by-list needs categories. */
export function generateChoices(rules: ListRules, lng: Language) {
  const pick = (x: { nameRu: string; nameKk: string }) => (lng === "kk" ? x.nameKk : x.nameRu);
  return [
    ...rules.occasions
      .filter((o) => categoriesOfList(rules, "holiday", o.date).length)
      .map((o) => ({ value: `holiday:${o.date}`, kind: "holiday" as const, date: `${o.date.slice(3)}.${o.date.slice(0, 2)}`, name: pick(o) })),
    ...byListNeeds(rules).map((c) => ({ value: `needs:${c.code}`, kind: "needs" as const, code: c.code, name: pick(c) })),
  ];
}

export async function listsOfDistrict(user: StaffUser) {
  const { db } = await getDb();
  return rowsOf<{ id: number; kind: string; subject: string; period: string; status: string; entries: number; finished: boolean }>(
    await db.execute(sql`
      SELECT l.id::int, l.kind, l.subject, l.period, l.status, l.generation_finished_at IS NOT NULL AS finished,
             (SELECT count(*)::int FROM local_list_entries e WHERE e.list_id = l.id AND e.excluded_at IS NULL) AS entries
      FROM local_lists l WHERE l.district_kato = ${districtOf(user)} ORDER BY l.id DESC LIMIT 100`),
  );
}

/**
 * Starts generation and returns the list's id at once: the categories' statements run on in the
 * background and the list page shows their progress (refreshing itself without JavaScript).
 * `wait` runs it to the end first (tests, the CLI).
 */
export async function startGeneration(user: StaffUser, rules: ListRules, input: { kind: "holiday" | "needs"; subject: string; year: number; half: 1 | 2 }, wait = false) {
  const { db } = await getDb();
  const full: GenerateInput = { rules, districtKato: districtOf(user), ...input, staffId: user.staff.id, now: new Date() };
  const { list } = await openList(db, full);
  if (list.status === "approved") {
    await generateList(db, full);
    return list.id;
  }
  const run = generateList(db, full);
  if (wait) await run;
  else run.catch((error) => console.error(`list ${list.id}: generation failed`, error));
  return list.id;
}

/** A list of the user's district, or 404 — another district's list reads as not found. */
export async function requireList(user: StaffUser, id: string | undefined): Promise<LocalList> {
  const { db } = await getDb();
  const list = id && /^\d{1,12}$/.test(id) ? await findList(db, Number(id)) : null;
  if (!list || list.districtKato !== districtOf(user)) throw new Response("Not found", { status: 404 });
  return list;
}

/** The act the list was made under: review and approval follow it even after its repeal (cases filed under an act are decided under it). */
export async function rulesOfList(list: LocalList) {
  return listRulesOfAct(list.actId);
}

export async function listPage(user: StaffUser, list: LocalList, lng: Language, limit = 200) {
  const { db } = await getDb();
  const entries = rowsOf<{
    id: number; iin: string; name: string; category_code: string; amount_tenge: number; source_facts: { kind: string; value: string | null }[];
    added_reason: string | null; excluded_reason: string | null;
  }>(
    await db.execute(sql`
      SELECT e.id::int, e.iin, ${lng === "kk" ? sql`p.last_name_kk || ' ' || p.first_name_kk` : sql`p.last_name_ru || ' ' || p.first_name_ru`} AS name,
             e.category_code, e.amount_tenge, e.source_facts, e.added_reason, e.excluded_reason
      FROM local_list_entries e JOIN registry.persons p ON p.iin = e.iin
      WHERE e.list_id = ${list.id} ORDER BY e.category_code, e.iin LIMIT ${limit}`),
  );
  const [totals] = rowsOf<{ entries: number; recipients: number; total: string | null }>(
    await db.execute(sql`SELECT count(*)::int AS entries, count(DISTINCT iin)::int AS recipients, sum(amount_tenge)::bigint AS total
                         FROM local_list_entries WHERE list_id = ${list.id} AND excluded_at IS NULL`),
  );
  const [all] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM local_list_entries WHERE list_id = ${list.id}`));
  return {
    entries: entries.map((e) => ({ ...e, amount: formatTenge(e.amount_tenge) })),
    shown: entries.length,
    all: Number(all.n),
    recipients: Number(totals.recipients),
    total: formatTenge(Number(totals.total ?? 0)),
    mayApprove: user.staff.role === "head",
  };
}

export const listErrorKey = (error: unknown) => (error instanceof ListError ? `lists:errors.${error.key}` : null);

export async function addByIin(user: StaffUser, list: LocalList, rules: ListRules, v: { iin: string; category: string; reason: string }) {
  const { db } = await getDb();
  return addEntry(db, { rules, listId: list.id, iin: v.iin, categoryCode: v.category, reason: v.reason, staffId: user.staff.id });
}

export async function exclude(user: StaffUser, list: LocalList, v: { entry: number; reason: string }) {
  const { db } = await getDb();
  return excludeEntry(db, { listId: list.id, entryId: v.entry, reason: v.reason, staffId: user.staff.id, now: new Date() });
}

export async function reviewed(user: StaffUser, list: LocalList) {
  const { db } = await getDb();
  return markReviewed(db, { listId: list.id, staffId: user.staff.id, now: new Date() });
}

/** What the head is about to sign (the decision date is the day of the list clock). */
export async function approvalView(list: LocalList, day = listsToday()) {
  const { db } = await getDb();
  const facts = await approvalFacts(db, list, day);
  return { facts, payload: approvalPayload(facts), total: formatTenge(facts.totalTenge) };
}

export type ApproveOutcome = { ok: true; decisions: number; sms: number } | { ok: false; error: string };

export async function approveWithSignature(user: StaffUser, list: LocalList, rules: ListRules, posted: { payload: string; jws: string }, day = listsToday()): Promise<ApproveOutcome> {
  const { db } = await getDb();
  const facts = await approvalFacts(db, list, day);
  const payload = approvalPayload(facts);
  if (payload !== posted.payload) return { ok: false, error: "lists:errors.stale" };
  const verdict = await verifyForRequest({ jws: posted.jws, expectedIin: user.staff.iin, expectedPayload: payload });
  if (!verdict.valid) return { ok: false, error: `signature:reasons.${verdict.reason}` };
  try {
    const result = await approveList(db, {
      rules, listId: list.id, staffId: user.staff.id, decidedOn: day, postedPayload: payload, now: new Date(),
      signature: { jws: posted.jws, iin: verdict.iin, commonName: verdict.commonName ?? null, serialNumber: verdict.serialNumber ?? null },
    });
    return { ok: true, decisions: result.decisions, sms: result.sms };
  } catch (error) {
    const key = listErrorKey(error);
    if (key) return { ok: false, error: key };
    throw error;
  }
}

// --- the recipient's cabinet -------------------------------------------------------------------------

type GrantRow = {
  id: number; number: string; verification_code: string; decided_on: string; payment_date: string; total_tenge: number; list_id: number; kind: "holiday" | "needs"; subject: string;
  district_kato: string; act_id: string; signer_name: string | null; approved_at: string; lines: { code: string; amount: number }[];
};

async function grantRows(iin: string, decisionId?: number): Promise<GrantRow[]> {
  const { db } = await getDb();
  return rowsOf<GrantRow>(
    await db.execute(sql`
      SELECT d.id::int, d.number, d.verification_code, d.decided_on::text, d.payment_date::text, d.total_tenge, d.list_id::int, l.kind, l.subject, l.district_kato, l.act_id,
             l.signer_name, l.approved_at::text,
             (SELECT jsonb_agg(jsonb_build_object('code', g.category_code, 'amount', g.amount_tenge) ORDER BY g.category_code) FROM local_grants g WHERE g.decision_id = d.id) AS lines
      FROM local_decisions d JOIN local_lists l ON l.id = d.list_id
      WHERE d.iin = ${iin} ${decisionId ? sql`AND d.id = ${decisionId}` : sql``}
      ORDER BY d.decided_on DESC, d.id DESC LIMIT 50`),
  );
}

/** The rules the decision was made under (on its decision date), for the names of its categories. */
export async function namesFor(row: Pick<GrantRow, "act_id" | "kind" | "subject">, lng: Language) {
  const rules = await listRulesOfAct(row.act_id);
  const pick = (x: { nameRu: string; nameKk: string } | undefined, fallback: string) => (x ? (lng === "kk" ? x.nameKk : x.nameRu) : fallback);
  const occasion = row.kind === "holiday" ? rules?.occasions.find((o) => o.date === row.subject) : undefined;
  return {
    rules,
    what: row.kind === "holiday" ? pick(occasion, row.subject) : pick(rules?.categories.find((c) => c.code === row.subject), `п. ${row.subject}`),
    occasion: occasion ?? null,
    category: (code: string) => rules?.categories.find((c) => c.code === code),
  };
}

export async function cabinetGrants(iin: string, lng: Language) {
  const rows = await grantRows(iin);
  return Promise.all(
    rows.map(async (r) => ({ id: r.id, number: r.number, decidedOn: r.decided_on, paymentDate: r.payment_date, amount: formatTenge(r.total_tenge), what: (await namesFor(r, lng)).what })),
  );
}

/** One decision of the signed-in citizen (ownership: the decision's IIN is theirs), as text, with what checks it at /verify. */
export async function cabinetGrant(iin: string, id: string | undefined, lng: Language, verifyUrl: string) {
  const row = id && /^\d{1,12}$/.test(id) ? (await grantRows(iin, Number(id)))[0] : undefined;
  if (!row) throw new Response("Not found", { status: 404 });
  const names = await namesFor(row, lng);
  const office = await officeOfDistrict(row.district_kato);
  return renderGrantNotice(
    {
      number: row.number, decidedOn: row.decided_on, paymentDate: row.payment_date, kind: row.kind, subject: row.subject, occasion: names.occasion,
      act: names.rules ? { titleRu: names.rules.act.titleRu, titleKk: names.rules.act.titleKk } : { titleRu: row.act_id, titleKk: row.act_id },
      office,
      lines: row.lines.map((l) => {
        const c = names.category(l.code);
        return { nameRu: c?.nameRu ?? l.code, nameKk: c?.nameKk ?? l.code, amountTenge: l.amount };
      }),
      totalTenge: row.total_tenge,
      signer: { name: row.signer_name, at: row.approved_at },
      verification: { code: row.verification_code, url: verifyUrl },
    },
    lng,
  );
}

/** The office that serves a district (for the decision's heading). */
export async function officeOfDistrict(districtKato: string) {
  const { db } = await getDb();
  const [o] = rowsOf<{ name_ru: string; name_kk: string }>(
    await db.execute(sql`SELECT name_ru, name_kk FROM offices WHERE kato_prefix <> '' AND ${districtKato} LIKE kato_prefix || '%' LIMIT 1`),
  );
  return o ? { nameRu: o.name_ru, nameKk: o.name_kk } : { nameRu: "", nameKk: "" };
}

export const todayKz = () => kzDate(new Date());
