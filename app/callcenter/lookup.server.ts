/**
 * A 1414 look-up: the per-minute limit, the one-statement read, and the records of it — the look-up
 * log (agent, time, call, query, what was shown) and the person's data-access log — all in one
 * transaction, so a look-up is never shown without being recorded.
 */
import type { Db } from "../db.server";
import type { Language } from "../../locales";
import type { StaffRole } from "../../db/schema";
import {
  answeredLookupsBetween, findForCall, grantsForCall, insertLookup, lockAgentLookups, recordAnsweredLookup, type FoundForCall, type LookupQuery,
} from "../../db/queries/callcenter";
import { paymentsOfRecipient } from "../../db/queries/payments";
import { shownPayment } from "../payments/lookup";
import { buildShownGrant, buildSummary, type ApplicationRow, type OfferRow, type ShownGrant, type ShownLocalCategory, type ShownSummary } from "./summary";
import { listRulesOfAct } from "../lists/source.server";
import { LIST_DECISION_NUMBER } from "../lists/rules";
import { ruleSetOfAct } from "../services/local/acts.server";
import type { Tx } from "../../db/client";
import { complaintsForCall, extensionsForCall } from "../../db/queries/complaints";
import { withComplaints } from "./advice";

export type LookupInput = {
  agent: { id: number; role: StaffRole };
  callReference: string;
  query: LookupQuery;
  language: Language;
  now: Date;
  maxPerMinute: number;
};

export type LookupOutcome =
  | { ok: true; lookupId: number; summary: ShownSummary }
  | { ok: false; reason: "rate_limited"; limit: number; retryAfterSeconds: number };

const WINDOW_MS = 60_000;

export async function lookUp(db: Db, input: LookupInput): Promise<LookupOutcome> {
  const { agent, now } = input;
  const queryText = input.query.kind === "iin" ? input.query.iin : input.query.registrationNumber;
  const logged = { agentId: agent.id, at: now, callReference: input.callReference, queryKind: input.query.kind, query: queryText, language: input.language };
  return db.transaction(async (tx) => {
    await lockAgentLookups(tx, agent.id);
    const recent = await answeredLookupsBetween(tx, agent.id, new Date(now.getTime() - WINDOW_MS), now);
    if (recent.count >= input.maxPerMinute) {
      await insertLookup(tx, { ...logged, outcome: "rate_limited", subjectIin: null, shown: null });
      const freeAt = (recent.oldest?.getTime() ?? now.getTime()) + WINDOW_MS;
      return { ok: false as const, reason: "rate_limited" as const, limit: input.maxPerMinute, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
    }
    const found = await findForCall(tx, input.query);
    const built = buildSummary(found && asRows(found), now);
    const summary: ShownSummary =
      found?.subjectIin && built.subject
        ? withComplaints(
            {
              ...built,
              payment: shownPayment(await paymentsOfRecipient(tx, found.subjectIin)),
              // By IIN: the person's holiday and by-list decisions ("what was I granted"). A number asks about
              // that one thing: a list decision's number shows that decision, a case number none.
              ...(await grantsAsked(tx, input.query, found.subjectIin, now)),
            },
            await complaintsForCall(tx, found.subjectIin),
            await extensionsForCall(tx, found.subjectIin),
            now,
          )
        : built;
    // Even an IIN with nothing on file was asked about: the person sees that in their cabinet
    // (purpose "callcenter_lookup" of app/audit/access.server.ts).
    const lookupId = await recordAnsweredLookup(
      tx,
      { ...logged, outcome: summary.subject ? "found" : "not_found", subjectIin: found?.subjectIin ?? null, shown: summary },
      agent.role,
    );
    return { ok: true as const, lookupId, summary };
  });
}

async function grantsAsked(tx: Tx, query: LookupQuery, iin: string, now: Date): Promise<{ grants?: ShownGrant[] }> {
  const decision = query.kind === "registration_number" && LIST_DECISION_NUMBER.test(query.registrationNumber) ? query.registrationNumber : null;
  if (query.kind !== "iin" && !decision) return {};
  const rows = await grantsForCall(tx, iin, decision);
  return { grants: await Promise.all(rows.map(async (g) => buildShownGrant(g, await listRulesOfAct(g.actId), now))) };
}

/** A local case's category named from the act it was filed under (the code alone when the file is gone). */
function localCategory(local: FoundForCall["applications"][number]["local"]): ShownLocalCategory | null {
  if (!local) return null;
  const c = ruleSetOfAct(local.districtKato, local.actNumber)?.categories.find((x) => x.code === local.categoryCode);
  return { code: local.categoryCode, name: c ? { ru: c.name.ru, kk: c.name.kk } : { ru: local.categoryCode, kk: local.categoryCode } };
}

/** The query's JSON rows, typed for the summary (statuses and channels come from database enums). */
function asRows(found: FoundForCall) {
  return {
    person: found.person,
    applications: found.applications.map((a) => ({ ...a, local: localCategory(a.local) })) as ApplicationRow[],
    offers: found.offers.map((o): OfferRow => ({ ...o, declineRevocableHours: o.declineRevocableHours === null ? null : Number(o.declineRevocableHours) })),
  };
}
