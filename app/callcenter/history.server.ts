/**
 * The look-up log, read back: an agent's own history (queries masked: they need the record, not the
 * IIN again), the admin's view of everyone's look-ups with filters, and its CSV export.
 */
import { requireStaff } from "../session.server";
import { getDb } from "../db.server";
import { listLookups, type LookupFilter, type LookupWithAgent } from "../../db/queries/callcenter";
import { isIsoDate, kzStartOfDay, addCalendarDays } from "../domain/kz-time";
import { maskIin } from "../domain/masking";
import { CONSOLE_ROLES } from "./console.server";
import { toCsv } from "./csv";
import type { ShownSummary } from "./summary";

const PAGE = 100;
/** The export is for an investigation or a monthly report, not a data dump. */
const CSV_MAX_ROWS = 50_000;

export type HistoryRow = {
  id: number;
  at: string;
  agentLogin: string;
  callReference: string;
  queryKind: string;
  query: string;
  language: string;
  outcome: string;
  initials: string | null;
  applications: number;
  offers: number;
};

function toHistoryRow(row: LookupWithAgent, maskQuery: boolean): HistoryRow {
  const shown = row.shown as ShownSummary | null;
  return {
    id: row.id,
    at: row.at.toISOString(),
    agentLogin: row.agentLogin,
    callReference: row.callReference,
    queryKind: row.queryKind,
    query: maskQuery && row.queryKind === "iin" ? maskIin(row.query) : row.query,
    language: row.language,
    outcome: row.outcome,
    initials: shown?.subject ? (row.language === "kk" ? shown.subject.initials.kk : shown.subject.initials.ru) : null,
    applications: shown?.applications.length ?? 0,
    offers: shown?.offers.length ?? 0,
  };
}

const pageCursor = (url: URL) => {
  const before = Number(url.searchParams.get("before"));
  return Number.isSafeInteger(before) && before > 0 ? before : undefined;
};

export async function ownHistory(request: Request) {
  const user = await requireStaff(request, CONSOLE_ROLES);
  const { db } = await getDb();
  const rows = await listLookups(db, { agentId: user.staff.id, beforeId: pageCursor(new URL(request.url)), limit: PAGE + 1 });
  return { rows: rows.slice(0, PAGE).map((r) => toHistoryRow(r, true)), olderFrom: rows.length > PAGE ? rows[PAGE - 1].id : null };
}

export type AdminFilter = { agent: string; from: string; to: string };

/** Filters from the query string; dates are Kazakhstan calendar days, `to` inclusive. */
function adminFilter(url: URL): { filter: Omit<LookupFilter, "limit">; values: AdminFilter; errors: Record<string, string> } {
  const values: AdminFilter = {
    agent: (url.searchParams.get("agent") ?? "").trim().slice(0, 64),
    from: (url.searchParams.get("from") ?? "").trim(),
    to: (url.searchParams.get("to") ?? "").trim(),
  };
  const errors: Record<string, string> = {};
  const filter: Omit<LookupFilter, "limit"> = { beforeId: pageCursor(url) };
  if (values.agent) filter.agentLogin = values.agent;
  if (values.from) {
    if (isIsoDate(values.from)) filter.from = kzStartOfDay(values.from);
    else errors.from = "callcenter:admin.dateFormat";
  }
  if (values.to) {
    if (isIsoDate(values.to)) filter.to = kzStartOfDay(addCalendarDays(values.to, 1));
    else errors.to = "callcenter:admin.dateFormat";
  }
  return { filter, values, errors };
}

export async function adminLookups(request: Request) {
  await requireStaff(request, ["admin"]);
  const url = new URL(request.url);
  const { filter, values, errors } = adminFilter(url);
  if (Object.keys(errors).length) return { rows: [], olderFrom: null, values, errors };
  const { db } = await getDb();
  const rows = await listLookups(db, { ...filter, limit: PAGE + 1 });
  return { rows: rows.slice(0, PAGE).map((r) => toHistoryRow(r, false)), olderFrom: rows.length > PAGE ? rows[PAGE - 1].id : null, values, errors };
}

const CSV_HEADER = [
  "id", "at", "agent_login", "agent_role", "call_reference", "query_kind", "query", "answer_language", "outcome", "subject_iin", "shown",
];

export async function adminLookupsCsv(request: Request) {
  await requireStaff(request, ["admin"]);
  const { filter, errors } = adminFilter(new URL(request.url));
  if (Object.keys(errors).length) return new Response("Bad date filter: use YYYY-MM-DD", { status: 400 });
  const { db } = await getDb();
  const rows = await listLookups(db, { ...filter, limit: CSV_MAX_ROWS });
  const csv = toCsv(
    CSV_HEADER,
    rows.map((r) => [r.id, r.at.toISOString(), r.agentLogin, r.agentRole, r.callReference, r.queryKind, r.query, r.language, r.outcome, r.subjectIin, r.shown]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="callcenter-lookups.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
