import { describe, expect, it } from "vitest";
import { applicationStatusEnum } from "../../db/schema/applications";
import { resources } from "../../locales";
import { makeCalendar } from "./workdays";
import {
  availableActions,
  isFinal,
  MAIN_PATH,
  otherAgenciesExtension,
  transition,
  transitionRows,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type WorkflowAction,
  type WorkflowRole,
  type WorkflowState,
} from "./workflow";

const specialist = { role: "specialist", id: "spec-1" } as const;
const commission = { role: "commission", id: "com-1" } as const;
const head = { role: "head", id: "head-1" } as const;
const system = { role: "system" } as const;
const applicant = { role: "applicant" } as const;

describe("the workflow states", () => {
  it("are exactly the application_status values of the database", () => {
    expect([...WORKFLOW_STATES]).toEqual(applicationStatusEnum.enumValues);
  });

  it("every action has at least one transition, and every state but draft can be reached", () => {
    expect(new Set(TRANSITIONS.map((t) => t.action))).toEqual(new Set(WORKFLOW_ACTIONS));
    const reached = new Set(TRANSITIONS.map((t) => t.to));
    expect(WORKFLOW_STATES.filter((s) => s !== "draft" && !reached.has(s))).toEqual([]);
  });

  it("every state has a name and a next step, and every action a label, in ru and kk", () => {
    for (const lng of ["ru", "kk"] as const) {
      const t = resources[lng].decision;
      for (const state of WORKFLOW_STATES) expect([t.status[state].name, t.status[state].next].every(Boolean), `${lng} ${state}`).toBe(true);
      for (const action of WORKFLOW_ACTIONS) expect(t.action[action], `${lng} ${action}`).toBeTruthy();
      for (const reason of ["illegal_transition", "role_not_allowed", "not_assigned_specialist"] as const) expect(t.transitionError[reason]).toBeTruthy();
    }
  });

  it("only the delivered notice is final", () => {
    expect(WORKFLOW_STATES.filter(isFinal)).toEqual(["notice_delivered"]);
  });
});

describe("a case walks the main path with each step done by its role", () => {
  const steps: [WorkflowState, WorkflowAction, { role: WorkflowRole; id?: string }, WorkflowState][] = [
    ["draft", "register", system, "registered"],
    ["registered", "send_to_commission", specialist, "sent_to_commission"],
    ["sent_to_commission", "record_survey", commission, "survey_recorded"],
    ["survey_recorded", "assign_specialist", head, "specialist_assigned"],
    ["specialist_assigned", "compute_income", specialist, "income_computed"],
    ["income_computed", "draft_decision", specialist, "decision_drafted"],
    ["decision_drafted", "sign_decision", head, "decision_signed"],
    ["decision_signed", "deliver_notice", system, "notice_delivered"],
  ];
  it.each(steps)("%s --%s by %o--> %s", (from, action, actor, to) => {
    expect(transition(from, action, actor, { assignedSpecialistId: "spec-1" })).toEqual({ ok: true, to });
  });

  it("the main path is the order of those steps", () => {
    expect(MAIN_PATH).toEqual(["draft", ...steps.map((s) => s[3])]);
  });
});

describe("transitions that are not allowed", () => {
  it.each<[string, WorkflowState, WorkflowAction, { role: string; id?: string }, string]>([
    ["a registered case cannot skip the commission", "registered", "assign_specialist", head, "illegal_transition"],
    ["a decision cannot be signed before it is drafted", "income_computed", "sign_decision", head, "illegal_transition"],
    ["a delivered notice cannot be delivered again", "notice_delivered", "deliver_notice", system, "illegal_transition"],
    ["a draft cannot go to the commission", "draft", "send_to_commission", specialist, "illegal_transition"],
    ["no agencies are asked once the decision is drafted", "decision_drafted", "request_other_agencies", specialist, "illegal_transition"],
    ["no agencies are asked once the notice is delivered", "notice_delivered", "request_other_agencies", specialist, "illegal_transition"],
    ["a specialist cannot record the survey", "sent_to_commission", "record_survey", specialist, "role_not_allowed"],
    ["a commission member cannot assign the specialist", "survey_recorded", "assign_specialist", commission, "role_not_allowed"],
    ["a specialist cannot sign the decision", "decision_drafted", "sign_decision", specialist, "role_not_allowed"],
    ["the head does not compute income", "specialist_assigned", "compute_income", head, "role_not_allowed"],
    ["a call-centre agent changes nothing", "registered", "send_to_commission", { role: "callcenter" }, "role_not_allowed"],
    ["the applicant cannot register their own application", "draft", "register", applicant, "role_not_allowed"],
    ["staff cannot deliver the notice by hand", "decision_signed", "deliver_notice", head, "role_not_allowed"],
  ])("%s", (_name, state, action, actor, reason) => {
    expect(transition(state, action, actor)).toEqual({ ok: false, reason });
  });
});

describe("only the assigned specialist computes income and drafts the decision", () => {
  it.each<[WorkflowState, WorkflowAction]>([
    ["specialist_assigned", "compute_income"],
    ["income_computed", "draft_decision"],
  ])("another specialist is refused %s → %s", (state, action) => {
    expect(transition(state, action, { role: "specialist", id: "spec-2" }, { assignedSpecialistId: "spec-1" })).toEqual({
      ok: false,
      reason: "not_assigned_specialist",
    });
  });

  it("a case with nobody assigned refuses every specialist", () => {
    expect(transition("specialist_assigned", "compute_income", specialist, { assignedSpecialistId: null })).toEqual({
      ok: false,
      reason: "not_assigned_specialist",
    });
  });

  it("sending to the commission is open to any specialist", () => {
    expect(transition("registered", "send_to_commission", { role: "specialist", id: "spec-2" }, { assignedSpecialistId: "spec-1" })).toEqual({
      ok: true,
      to: "sent_to_commission",
    });
  });
});

describe("steps back and side steps", () => {
  it.each<[string, WorkflowState, WorkflowAction, { role: WorkflowRole; id?: string }, WorkflowState]>([
    ["a failed 7-1 check is recorded by the system", "draft", "reject_at_check", system, "rejected_at_check"],
    ["the applicant revises an application that failed the check", "rejected_at_check", "revise", applicant, "draft"],
    ["the head returns a draft decision for rework", "decision_drafted", "return_draft", head, "income_computed"],
    ["the head hands the case to another specialist", "income_computed", "assign_specialist", head, "specialist_assigned"],
    ["the assigned specialist recomputes income", "income_computed", "compute_income", specialist, "income_computed"],
    ["asking other agencies keeps a registered case where it is", "registered", "request_other_agencies", specialist, "registered"],
    ["asking other agencies keeps a surveyed case where it is", "survey_recorded", "request_other_agencies", specialist, "survey_recorded"],
  ])("%s", (_name, state, action, actor, to) => {
    expect(transition(state, action, actor, { assignedSpecialistId: "spec-1" })).toEqual({ ok: true, to });
  });

  it("a commission's 'not needy' still leads to a decision: nothing ends the case at the survey", () => {
    expect(isFinal("survey_recorded")).toBe(false);
    expect(availableActions("survey_recorded", "head")).toEqual(["assign_specialist"]);
  });
});

describe("availableActions lists what a role may do now", () => {
  it.each<[WorkflowState, WorkflowRole, WorkflowAction[]]>([
    ["registered", "specialist", ["send_to_commission", "request_other_agencies"]],
    ["registered", "head", []],
    ["decision_drafted", "head", ["return_draft", "sign_decision"]],
    ["income_computed", "specialist", ["compute_income", "draft_decision", "request_other_agencies"]],
    ["notice_delivered", "head", []],
  ])("in %s a %s may: %o", (state, role, actions) => {
    expect(availableActions(state, role)).toEqual(actions);
  });
});

describe("transitionRows, the table the database mirrors", () => {
  it("has one row per (from, action) and no pair twice", () => {
    const rows = transitionRows();
    const keys = rows.map((r) => `${r.from}:${r.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows).toContainEqual({ from: "decision_drafted", action: "sign_decision", to: "decision_signed", roles: ["head"], service: null });
    expect(rows.filter((r) => r.action === "request_other_agencies").map((r) => r.from)).toEqual([
      "registered",
      "sent_to_commission",
      "survey_recorded",
      "specialist_assigned",
      "income_computed",
    ]);
  });

  it("agrees with transition() on every service × state × action × role", () => {
    for (const service of [undefined, "asp", "local"])
    for (const state of WORKFLOW_STATES)
      for (const action of WORKFLOW_ACTIONS)
        for (const role of ["applicant", "system", "specialist", "commission", "head"] as const) {
          const row = transitionRows().find((r) => r.from === state && r.action === action && (r.service === null || r.service === service));
          const result = transition(state, action, { role }, { service });
          if (!row) expect(result).toEqual({ ok: false, reason: "illegal_transition" });
          else if (!row.roles.includes(role)) expect(result).toEqual({ ok: false, reason: "role_not_allowed" });
          else expect(result).toEqual({ ok: true, to: row.to });
        }
  });
});

describe("otherAgenciesExtension: up to 30 calendar days, applicant told within 2 working days", () => {
  // A small calendar: 2025 with Nauryz 21-25 March as days off, no transfers.
  const cal = makeCalendar({
    years: [2025],
    holidays: [
      { date: "2025-03-21", kind: "holiday", ru: "Наурыз", kk: "Наурыз" },
      { date: "2025-03-24", kind: "holiday", ru: "Наурыз", kk: "Наурыз" },
      { date: "2025-03-25", kind: "holiday", ru: "Наурыз", kk: "Наурыз" },
    ],
    substituteDaysOff: [],
    transfers: [],
  });

  it.each<[string, { dueDate: string; requestedOn: string; days?: number; alreadyExtendedDays?: number }, object]>([
    [
      "a request on Tuesday 2025-03-04 extends a due date of Friday 2025-03-14 by 30 days; notice by Thursday 2025-03-06",
      { dueDate: "2025-03-14", requestedOn: "2025-03-04" },
      { ok: true, dueDate: "2025-04-13", notifyApplicantBy: "2025-03-06", extendedDays: 30, totalExtendedDays: 30 },
    ],
    [
      "a request on Thursday 2025-03-20 is notified by Thursday 2025-03-27, after the Nauryz days off",
      { dueDate: "2025-04-01", requestedOn: "2025-03-20", days: 10 },
      { ok: true, dueDate: "2025-04-11", notifyApplicantBy: "2025-03-27", extendedDays: 10, totalExtendedDays: 10 },
    ],
    [
      "a request on Friday 2025-03-07 is notified by Tuesday 2025-03-11 (the weekend does not count)",
      { dueDate: "2025-03-20", requestedOn: "2025-03-07", days: 5 },
      { ok: true, dueDate: "2025-03-25", notifyApplicantBy: "2025-03-11", extendedDays: 5, totalExtendedDays: 5 },
    ],
    [
      "a second request gets what is left of the 30 days",
      { dueDate: "2025-04-10", requestedOn: "2025-04-01", alreadyExtendedDays: 20 },
      { ok: true, dueDate: "2025-04-20", notifyApplicantBy: "2025-04-03", extendedDays: 10, totalExtendedDays: 30 },
    ],
    ["more than 30 days in all is refused", { dueDate: "2025-04-10", requestedOn: "2025-04-01", days: 11, alreadyExtendedDays: 20 }, { ok: false, reason: "extension_exhausted" }],
    ["nothing is left after 30 days", { dueDate: "2025-05-10", requestedOn: "2025-05-01", alreadyExtendedDays: 30 }, { ok: false, reason: "extension_exhausted" }],
    ["31 days at once is refused", { dueDate: "2025-04-10", requestedOn: "2025-04-01", days: 31 }, { ok: false, reason: "extension_exhausted" }],
    ["zero days is refused", { dueDate: "2025-04-10", requestedOn: "2025-04-01", days: 0 }, { ok: false, reason: "invalid_days" }],
    ["half a day is refused", { dueDate: "2025-04-10", requestedOn: "2025-04-01", days: 1.5 }, { ok: false, reason: "invalid_days" }],
    ["a request after the due date cannot revive it", { dueDate: "2025-04-10", requestedOn: "2025-04-11" }, { ok: false, reason: "request_after_due_date" }],
    ["a malformed date is refused", { dueDate: "2025-04-31", requestedOn: "2025-04-01" }, { ok: false, reason: "invalid_date" }],
  ])("%s", (_name, req, expected) => {
    expect(otherAgenciesExtension({ ...req, calendar: cal })).toEqual(expected);
  });
});
