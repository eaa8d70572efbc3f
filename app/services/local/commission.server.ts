/**
 * The special commission's conclusion on a local-assistance case (seed 003 clause 9; seed 001 action
 * 8): the amount, in whole tenge, within the category's limit — exactly the act's amount when it is
 * fixed, at most the ceiling of an "up to" amount. Valued at the МРП / ПМ of the year of the day it
 * is set (the decision follows within the 8 working days; ADR 014 valuation date); the decision checks
 * it again at the decision date. A workflow step of its own (record_special_commission, ADR 022): the
 * commission sets it after the survey and the income, before the decision, and the case's audit
 * trail records each amount.
 */
import { eq } from "drizzle-orm";
import { getDb } from "../../db.server";
import { kzDate } from "../../domain/kz-time";
import { parametersFor } from "../../../db/queries/parameters";
import { localCases, type Application } from "../../../db/schema";
import { amountInTenge, checkCommissionAmount, ValuationError, type CommissionAmountCheck } from "./amounts";
import { localCaseOf } from "./case.server";
import { move, runStep, type StepContext, type StepOutcome } from "../../staff/deciding.server";

export async function commissionView(application: Application, now = new Date()) {
  const { db } = await getDb();
  // The act the case was filed under, even if repealed since (cases are decided under their act).
  const local = await localCaseOf(db, application.id);
  if (!local) return null;
  const { lc, rs, category } = local;
  const day = kzDate(now);
  const row = await parametersFor(db, Number(day.slice(0, 4)));
  const params = row ? { year: row.year, mrp: row.mrp, subsistenceMinimum: row.subsistenceMinimum } : null;
  const limit = params && category.amount.unit !== "PERCENT" ? amountInTenge(category.amount, params) : null;
  return { lc, rs, category, params, limit, amountTenge: lc.commissionAmountTiyn === null ? null : lc.commissionAmountTiyn / 100 };
}

export type CommissionOutcome = StepOutcome | { ok: false; reason: "above_limit" | "not_the_fixed_amount" | "not_positive" | "no_parameters" | "no_case" };

export async function recordCommissionAmount(ctx: StepContext, tenge: number): Promise<CommissionOutcome> {
  const view = await commissionView(ctx.application, ctx.now);
  if (!view) return { ok: false, reason: "no_case" };
  if (!view.params) return { ok: false, reason: "no_parameters" };
  let check: CommissionAmountCheck;
  try {
    check = checkCommissionAmount(view.category, tenge, view.params);
  } catch (e) {
    // A PERCENT amount's base (the guaranteed sum, the fee paid) is in the documents the commission reads.
    if (!(e instanceof ValuationError)) throw e;
    check = Number.isInteger(tenge) && tenge > 0 ? { ok: true, tenge } : { ok: false, reason: "not_positive", limit: 0 };
  }
  if (!check.ok) return { ok: false, reason: check.reason };
  const amount = check.tenge;
  return runStep(ctx, "record_special_commission", async (tx, to) => {
    await tx.update(localCases).set({ commissionAmountTiyn: amount * 100 }).where(eq(localCases.applicationId, ctx.application.id));
    await move(tx, ctx, "record_special_commission", to, { details: { amountTenge: amount, year: view.params!.year } });
  });
}
