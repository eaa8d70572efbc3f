/**
 * A local-assistance case as staff see it: the local_cases row, the act it was filed under (decided
 * under it even after a repeal, ADR 014) and its category — and so the steps it needs (ADR 022).
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../../db.server";
import { localCases, type Application } from "../../../db/schema";
import { ASP_STEPS, localCaseSteps, type CaseSteps } from "../../domain/case-steps";
import { ruleSetOfAct } from "./acts.server";
import { categoryOf } from "./rule-set";

export async function localCaseOf(db: Tx, applicationId: string) {
  const [lc] = await db.select().from(localCases).where(eq(localCases.applicationId, applicationId));
  if (!lc) return null;
  const rs = ruleSetOfAct(lc.districtKato, lc.actNumber);
  const category = rs ? categoryOf(rs, lc.categoryCode) : undefined;
  if (!rs || !category) return null;
  return { lc, rs, category };
}
export type LocalCaseView = NonNullable<Awaited<ReturnType<typeof localCaseOf>>>;

/**
 * The staff steps a case needs: ASP's for ASP cases (and any service without its own), a local case's
 * from its category. A local case whose act file is missing has no steps to offer past registration,
 * so it keeps ASP's survey-first order rather than skipping anything.
 */
export async function caseStepsOf(db: Tx, application: Pick<Application, "id" | "service">): Promise<CaseSteps> {
  if (application.service !== "local") return ASP_STEPS;
  const local = await localCaseOf(db, application.id);
  return local ? localCaseSteps(local.category) : { ...ASP_STEPS, specialCommission: true, cosign: true, decisionForm: "local", incomeMembers: "household" };
}
