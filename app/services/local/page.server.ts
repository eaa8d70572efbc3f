/**
 * What /services/local shows (issue 14): the district of the signed-in citizen's registered address
 * (or of the staff member's office), the act in force there on the rules day, and each category with
 * what it pays (in tenge at this year's МРП / ПМ), the income threshold, how it is paid and what is
 * needed — or the plain warning that the district's current rules are not loaded.
 */
import type { Language } from "../../../locales";
import { getDb } from "../../db.server";
import type { SessionUser } from "../../session.server";
import { gatewayIn } from "../../gateway.server";
import { parametersFor } from "../../../db/queries/parameters";
import { factsOn } from "../../../db/queries/person-facts";
import { ruleSetInForce } from "./acts.server";
import { amountInTenge, incomeThresholdTenge, type ValuationParameters } from "./amounts";
import { PORTAL_APPLICANTS, satisfies } from "./eligibility";
import { rulesClockOverride, rulesToday } from "./rules-day.server";
import type { Category, RuleSet } from "./rule-set";

/** The district (KATO AB CD 00000) a settlement or office prefix lies in. */
export function districtOf(kato: string): string | null {
  return /^\d{4}/.test(kato) ? `${kato.slice(0, 4)}00000` : null;
}

export type CategoryView = {
  code: string;
  name: string;
  kind: Category["kind"];
  occasion: string | null;
  unit: Category["amount"]["unit"];
  value: number;
  upTo: boolean;
  of: string | null;
  /** The amount (or its ceiling) in tenge at this year's МРП / ПМ; null for a percentage. */
  tenge: number | null;
  periodicity: Category["periodicity"];
  byList: boolean;
  thresholdPm: number | null;
  thresholdTenge: number | null;
  windowMonths: number | null;
  maxDays: number | null;
  timesPerYear: number | null;
  survey: boolean;
  documents: string[];
  note: string | null;
};

export type LocalPage = {
  day: string;
  clockOverridden: boolean;
  who: "anonymous" | "citizen" | "staff";
  districtKato: string | null;
  act: { number: string; date: string; district: string; from: string; until: string | null } | null;
  parametersYear: number | null;
  mrp: number | null;
  pm: number | null;
  categories: CategoryView[];
  /** Citizens only: may apply on the portal (seed 001 clause 2 sub-item 3). */
  portalAllowed: boolean;
};

export function categoryView(c: Category, rs: RuleSet, lng: Language, params: ValuationParameters | null): CategoryView {
  let tenge: number | null = null;
  if (params && c.amount.unit !== "PERCENT") tenge = amountInTenge(c.amount, params);
  return {
    code: c.code,
    name: c.name[lng],
    kind: c.kind,
    occasion: c.occasion ? (rs.occasions.find((o) => o.date === c.occasion)?.name[lng] ?? c.occasion) : null,
    unit: c.amount.unit,
    value: c.amount.value,
    upTo: c.amount.upTo,
    of: c.amount.of ?? null,
    tenge,
    periodicity: c.periodicity,
    byList: c.byList,
    thresholdPm: c.incomeThreshold?.value ?? null,
    thresholdTenge: params ? incomeThresholdTenge(c, params) : null,
    windowMonths: c.windowMonths,
    maxDays: c.limits?.maxDays ?? null,
    timesPerYear: c.limits?.timesPerYear ?? null,
    survey: c.survey,
    documents: c.requiredDocuments.map((d) => d.name[lng]),
    note: c.note?.[lng] ?? null,
  };
}

export async function localPage(user: SessionUser | null, lng: Language, now = new Date()): Promise<LocalPage> {
  const day = rulesToday(now);
  const { db } = await getDb();
  let districtKato: string | null = null;
  let portalAllowed = false;
  if (user?.kind === "citizen") {
    const gateway = gatewayIn(db);
    const regs = (await gateway.getRegistrations([user.iin])).filter((r) => r.kind === "permanent");
    const reg = regs.find((r) => r.validFrom <= day && (r.validTo === null || r.validTo >= day)) ?? regs.at(-1);
    districtKato = reg ? districtOf(reg.katoCode) : null;
    const person = await gateway.getPerson(user.iin);
    if (person) portalAllowed = satisfies(PORTAL_APPLICANTS, { facts: await factsOn(db, user.iin, day), birthDate: person.birthDate }, day);
  } else if (user?.kind === "staff") {
    districtKato = districtOf(user.office.katoPrefix);
  }
  const rs = districtKato ? ruleSetInForce(districtKato, day) : null;
  const row = rs ? await parametersFor(db, Number(day.slice(0, 4))) : null;
  const params = row ? { year: row.year, mrp: row.mrp, subsistenceMinimum: row.subsistenceMinimum } : null;
  return {
    day,
    clockOverridden: rulesClockOverride() !== null,
    who: user ? user.kind : "anonymous",
    districtKato,
    act: rs
      ? { number: rs.act.decision.number, date: rs.act.decision.date, district: rs.act.district[lng], from: rs.act.inForce.from, until: rs.act.inForce.until }
      : null,
    parametersYear: params?.year ?? null,
    mrp: params?.mrp ?? null,
    pm: params?.subsistenceMinimum ?? null,
    categories: rs ? rs.categories.map((c) => categoryView(c, rs, lng, params)) : [],
    portalAllowed,
  };
}
