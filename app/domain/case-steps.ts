/**
 * Which staff steps a case needs — the one place that says so (ADR 022). The workflow
 * (app/domain/workflow.ts) lists every transition a service may take; a case's steps narrow it:
 * an ASP case always has the district commission's survey and the income calculation; a local
 * assistance case has the survey only when its category says `survey`, the income only when the
 * category has an `incomeThreshold`, always the special commission's amount, and a notice signed by
 * the specialist and then the head (seed 001). Pure: the category comes from the district's act.
 */
import type { WorkflowAction, WorkflowState } from "./workflow";

export type CaseSteps = {
  /** The district commission surveys the applicant and writes its act and conclusion. */
  survey: boolean;
  /** The specialist computes per-capita income. */
  income: boolean;
  /** The special commission sets the amount within the category's limit (local assistance, clause 9). */
  specialCommission: boolean;
  /** The specialist signs the notice before the head does. */
  cosign: boolean;
  /** Which decision form the specialist fills: ASP's (amount from the calculation) or the local one. */
  decisionForm: "asp" | "local";
  /** Whose income counts: the family declared on the case (ASP), or the applicant's registry household (a local case is filed by one person). */
  incomeMembers: "case" | "household";
};

export const ASP_STEPS: CaseSteps = { survey: true, income: true, specialCommission: false, cosign: false, decisionForm: "asp", incomeMembers: "case" };

/** A local-assistance category's steps (the category's `survey` and `incomeThreshold` from its act). */
export function localCaseSteps(category: { survey: boolean; incomeThreshold: unknown }): CaseSteps {
  return { survey: category.survey, income: category.incomeThreshold !== null, specialCommission: true, cosign: true, decisionForm: "local", incomeMembers: "household" };
}

/**
 * Whether a case with these steps may take `action` in `state` (the workflow has already said the
 * service may): the survey and the income only when needed, and their skips only when not needed.
 */
export function stepAllows(steps: CaseSteps, state: WorkflowState, action: WorkflowAction): boolean {
  switch (action) {
    case "send_to_commission":
    case "record_survey":
      return steps.survey;
    case "assign_specialist":
      // Straight after registration only when there is no survey to wait for.
      return state !== "registered" || !steps.survey;
    case "compute_income":
      return steps.income;
    case "draft_decision":
      // Before an income calculation only when the case has none.
      return state !== "specialist_assigned" || !steps.income;
    case "record_special_commission":
      return steps.specialCommission;
    case "cosign_decision":
      return steps.cosign;
    default:
      return true;
  }
}
