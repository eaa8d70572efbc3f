/**
 * The /callcenter console's server side. A look-up is a POST (it needs the CSRF token and leaves a
 * record); its answer is shown by redirecting to ?lookup=<id>, which renders the summary stored in the
 * look-up log — so switching the answer's language re-reads no one's data, and what the agent sees is
 * exactly what was recorded as shown.
 */
import { data, redirect } from "@remix-run/node";
import { requireStaff, type StaffUser } from "../session.server";
import { assertCsrf } from "../csrf.server";
import { getDb } from "../db.server";
import { getLanguage } from "../i18n.server";
import { isLanguage, type Language } from "../../locales";
import type { StaffRole } from "../../db/schema";
import { findLookupOfAgent } from "../../db/queries/callcenter";
import { maskIin } from "../domain/masking";
import { callcenterConfig } from "./config.server";
import { lookUp } from "./lookup.server";
import { parseLookupForm, type LookupFormValues } from "./lookup-form";
import type { ShownSummary } from "./summary";
import { readForm } from "../forms.server";

/** 1414 agents; admins too, to check the console. Other staff work on cases, not calls. */
export const CONSOLE_ROLES: readonly StaffRole[] = ["callcenter", "admin"];

export function requireConsoleUser(request: Request): Promise<StaffUser> {
  return requireStaff(request, CONSOLE_ROLES);
}

export type ConsoleResult = {
  id: number;
  at: string;
  callReference: string;
  query: { kind: "iin" | "registration_number"; shown: string };
  summary: ShownSummary;
};

export async function consoleLoader(request: Request, now = new Date()) {
  const user = await requireConsoleUser(request);
  const uiLanguage = await getLanguage(request);
  const url = new URL(request.url);
  const speakParam = url.searchParams.get("speak");
  const config = callcenterConfig();
  const lookupId = Number(url.searchParams.get("lookup"));
  let result: ConsoleResult | null = null;
  let resultGone = false;
  let speak: Language = isLanguage(speakParam) ? speakParam : uiLanguage;
  if (Number.isSafeInteger(lookupId) && lookupId > 0) {
    const { db } = await getDb();
    // Only the agent's own look-up, and only while the call can still be going on.
    const row = await findLookupOfAgent(db, lookupId, user.staff.id);
    const fresh = row && now.getTime() - row.at.getTime() <= config.resultMinutes * 60_000;
    if (row && fresh && row.shown) {
      result = {
        id: row.id,
        at: row.at.toISOString(),
        callReference: row.callReference,
        query: {
          kind: row.queryKind === "iin" ? "iin" : "registration_number",
          shown: row.queryKind === "iin" ? maskIin(row.query) : row.query,
        },
        summary: row.shown as ShownSummary,
      };
      if (!isLanguage(speakParam) && isLanguage(row.language)) speak = row.language;
    } else resultGone = true;
  }
  return { uiLanguage, speak, result, resultGone, resultMinutes: config.resultMinutes };
}

const formValues = (form: FormData): LookupFormValues => ({
  callReference: String(form.get("callReference") ?? ""),
  iin: String(form.get("iin") ?? ""),
  number: String(form.get("number") ?? ""),
  speak: String(form.get("speak") ?? ""),
});

export async function consoleAction(request: Request, now = new Date()) {
  const user = await requireConsoleUser(request);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const uiLanguage = await getLanguage(request);
  const values = formValues(form);
  const parsed = parseLookupForm(values, uiLanguage);
  if (!parsed.ok) return data({ errors: parsed.errors, values, rateLimited: null }, { status: 400 });
  const { db } = await getDb();
  const outcome = await lookUp(db, {
    agent: { id: user.staff.id, role: user.staff.role },
    callReference: parsed.value.callReference,
    query: parsed.value.query,
    language: parsed.value.speak,
    now,
    maxPerMinute: callcenterConfig().maxLookupsPerMinute,
  });
  if (!outcome.ok) {
    return data(
      { errors: {}, values, rateLimited: { limit: outcome.limit, seconds: outcome.retryAfterSeconds } },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  return redirect(`/callcenter?lookup=${outcome.lookupId}&speak=${parsed.value.speak}`);
}
