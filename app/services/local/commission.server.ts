/**
 * The special commission's conclusion on a local-assistance case (seed 003 clause 9; seed 001 action
 * 8): the amount, in whole tenge, within the category's limit — exactly the act's amount when it is
 * fixed, at most the ceiling of an "up to" amount. Valued at the МРП / ПМ of the year of the day it
 * is set (the decision follows within the 8 working days; ADR 014 valuation date).
 */
import { eq } from "drizzle-orm";
import { getDb } from "../../db.server";
import { kzDate } from "../../domain/kz-time";
import { parametersFor } from "../../../db/queries/parameters";
import { localCases, type Application } from "../../../db/schema";
import { ruleSetOfAct } from "./acts.server";
import { amountInTenge, checkCommissionAmount, type CommissionAmountCheck } from "./amounts";
import { categoryOf } from "./rule-set";

export async function commissionView(application: Application, now = new Date()) {
  const { db } = await getDb();
  const [lc] = await db.select().from(localCases).where(eq(localCases.applicationId, application.id));
  if (!lc) return null;
  // The act the case was filed under, even if repealed since (cases are decided under their act).
  const rs = ruleSetOfAct(lc.districtKato, lc.actNumber);
  const category = rs ? categoryOf(rs, lc.categoryCode) : undefined;
  if (!rs || !category) return null;
  const day = kzDate(now);
  const row = await parametersFor(db, Number(day.slice(0, 4)));
  const params = row ? { year: row.year, mrp: row.mrp, subsistenceMinimum: row.subsistenceMinimum } : null;
  const limit = params && category.amount.unit !== "PERCENT" ? amountInTenge(category.amount, params) : null;
  return { lc, rs, category, params, limit, amountTenge: lc.commissionAmountTiyn === null ? null : lc.commissionAmountTiyn / 100 };
}

export async function recordCommissionAmount(application: Application, tenge: number, now = new Date()): Promise<CommissionAmountCheck | { ok: false; reason: "no_parameters" | "no_case" }> {
  const view = await commissionView(application, now);
  if (!view) return { ok: false, reason: "no_case" };
  if (!view.params) return { ok: false, reason: "no_parameters" };
  const check = checkCommissionAmount(view.category, tenge, view.params);
  if (!check.ok) return check;
  const { db } = await getDb();
  await db.update(localCases).set({ commissionAmountTiyn: check.tenge * 100 }).where(eq(localCases.applicationId, application.id));
  return check;
}
