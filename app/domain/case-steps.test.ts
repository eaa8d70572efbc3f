import { describe, expect, it } from "vitest";
import { ASP_STEPS, localCaseSteps, stepAllows } from "./case-steps";
import { transition, WORKFLOW_ACTIONS, WORKFLOW_STATES, type WorkflowAction, type WorkflowState } from "./workflow";

const operation = localCaseSteps({ survey: true, incomeThreshold: { unit: "PM", value: 1 } }); // 8.3.2
const fire = localCaseSteps({ survey: false, incomeThreshold: null }); // 8.2
const probation = localCaseSteps({ survey: false, incomeThreshold: { unit: "PM", value: 1 } }); // 8.1

describe("the steps a local category needs", () => {
  it("follow the category's survey and income threshold; the special commission and the co-signature always", () => {
    expect(operation).toEqual({ survey: true, income: true, specialCommission: true, cosign: true, decisionForm: "local", incomeMembers: "household" });
    expect(fire).toEqual({ survey: false, income: false, specialCommission: true, cosign: true, decisionForm: "local", incomeMembers: "household" });
    expect(probation).toMatchObject({ survey: false, income: true });
  });
});

describe("stepAllows narrows the service's workflow to the case's steps", () => {
  it.each<[string, typeof ASP_STEPS, WorkflowState, WorkflowAction, boolean]>([
    ["an ASP case goes to the commission", ASP_STEPS, "registered", "send_to_commission", true],
    ["an operation case goes to the commission", operation, "registered", "send_to_commission", true],
    ["a fire case does not (no survey)", fire, "registered", "send_to_commission", false],
    ["a fire case gets its specialist straight after registration", fire, "registered", "assign_specialist", true],
    ["an operation case waits for the survey before the specialist", operation, "registered", "assign_specialist", false],
    ["after the survey the head assigns the specialist", operation, "survey_recorded", "assign_specialist", true],
    ["an operation case has its income computed", operation, "specialist_assigned", "compute_income", true],
    ["a fire case has no income step", fire, "specialist_assigned", "compute_income", false],
    ["a fire case is decided without income", fire, "specialist_assigned", "draft_decision", true],
    ["an operation case is not decided before its income", operation, "specialist_assigned", "draft_decision", false],
    ["after the income the decision is drafted", operation, "income_computed", "draft_decision", true],
    ["a probation case (8.1) has income but no survey", probation, "specialist_assigned", "compute_income", true],
    ["the special commission sits on local cases", fire, "specialist_assigned", "record_special_commission", true],
    ["not on ASP cases", ASP_STEPS, "income_computed", "record_special_commission", false],
    ["the specialist co-signs a local notice", operation, "decision_drafted", "cosign_decision", true],
    ["not an ASP one", ASP_STEPS, "decision_drafted", "cosign_decision", false],
    ["the head signs either", ASP_STEPS, "decision_drafted", "sign_decision", true],
  ])("%s", (_name, steps, state, action, allowed) => {
    expect(stepAllows(steps, state, action)).toBe(allowed);
  });

  it("every local category can reach a drafted decision from registration", () => {
    for (const steps of [operation, fire, probation]) {
      const walk: [WorkflowAction, string][] = [];
      let state: WorkflowState = "registered";
      const order: [WorkflowAction, string][] = [
        ["send_to_commission", "specialist"],
        ["record_survey", "commission"],
        ["assign_specialist", "head"],
        ["compute_income", "specialist"],
        ["draft_decision", "specialist"],
      ];
      for (const [action, role] of order) {
        if (!stepAllows(steps, state, action)) continue;
        const r = transition(state, action, { role }, { service: "local" });
        if (r.ok) {
          walk.push([action, role]);
          state = r.to;
        }
      }
      expect(state, JSON.stringify(steps)).toBe("decision_drafted");
    }
  });

  it("knows every workflow action and state without throwing", () => {
    for (const s of WORKFLOW_STATES) for (const a of WORKFLOW_ACTIONS) expect(typeof stepAllows(fire, s, a)).toBe("boolean");
  });
});
