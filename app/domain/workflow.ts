/**
 * The ASP application workflow as an explicit state machine (SPEC "Deciding"; seed 001 clause 8,
 * seed 004 clause 15). Only the transitions listed in TRANSITIONS exist; the database mirrors this
 * list in a table and a trigger, so this module gives friendly answers and the database gives safety.
 *
 * Choices worth knowing:
 * - A commission conclusion "not needy" does not end the case: it still goes through income, a
 *   drafted and signed decision and a delivered notice, so the citizen receives a refusal with the
 *   ground `commission_found_no_need` (Annex 12 item 9.5). One path for every case keeps the trigger
 *   simple and gives the citizen a reasoned, signed refusal rather than silence.
 * - "Request to other agencies" is not a state: the case keeps its place in the flow and gains a
 *   deadline extension (a self-transition; see otherAgenciesExtension).
 * - Staff may take a step back where the seeds imply review: the head returns a draft decision for
 *   rework, the head re-assigns the specialist, the specialist recomputes income.
 */
import { addCalendarDays, isIsoDate, type IsoDate } from "./kz-time";
import { addWorkingDays, type Calendar } from "./workdays";

export const WORKFLOW_STATES = [
  "draft",
  "rejected_at_check",
  "registered",
  "sent_to_commission",
  "survey_recorded",
  "specialist_assigned",
  "income_computed",
  "decision_drafted",
  "decision_signed",
  "notice_delivered",
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** The states a case passes through when nothing goes wrong, in order (the cabinet's timeline). */
export const MAIN_PATH: readonly WorkflowState[] = WORKFLOW_STATES.filter((s) => s !== "rejected_at_check");

/** Who acts: staff roles as in db staff_role, plus the applicant and the system (portal, SMS, delivery). */
export const WORKFLOW_ROLES = ["applicant", "system", "specialist", "commission", "head", "centre_specialist", "akim"] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

export const WORKFLOW_ACTIONS = [
  "register",
  "reject_at_check",
  "revise",
  "send_to_commission",
  "record_survey",
  "assign_specialist",
  "compute_income",
  "draft_decision",
  "return_draft",
  "sign_decision",
  "deliver_notice",
  "request_other_agencies",
  "forward_to_district",
  "record_special_commission",
  "cosign_decision",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type Transition = {
  action: WorkflowAction;
  from: readonly WorkflowState[];
  to: WorkflowState;
  roles: readonly WorkflowRole[];
  /** Only the specialist the head assigned to the case may perform it (seed 001, actions 6-9). */
  assigneeOnly?: boolean;
  /** Only cases of these services (keys of their definitions) have it; absent: every service. */
  services?: readonly string[];
};

/** The states in which the document package is still being formed, so other agencies may be asked. */
const PACKAGE_FORMING: readonly WorkflowState[] = [
  "registered",
  "sent_to_commission",
  "survey_recorded",
  "specialist_assigned",
  "income_computed",
];

/** Every allowed transition. A self-transition (from includes to) changes data, not the stage. */
export const TRANSITIONS: readonly Transition[] = [
  // Clause 7-1 checks: the system for portal and proactive, a Centre specialist for paper.
  // A corrected submission goes straight from rejected_at_check to registered, with a new signature.
  // The Centre specialist and the akim's office register paper applications (issue 16, ADR 018).
  { action: "register", from: ["draft", "rejected_at_check"], to: "registered", roles: ["system", "specialist", "centre_specialist", "akim"] },
  { action: "reject_at_check", from: ["draft"], to: "rejected_at_check", roles: ["system", "specialist"] },
  // The citizen fixes what the check found and submits again from the same form.
  { action: "revise", from: ["rejected_at_check"], to: "draft", roles: ["applicant"] },
  { action: "send_to_commission", from: ["registered"], to: "sent_to_commission", roles: ["specialist"] },
  // The act of the survey and its conclusion (needy / not needy).
  { action: "record_survey", from: ["sent_to_commission"], to: "survey_recorded", roles: ["commission"] },
  // From specialist_assigned and later: the head may hand the case to another specialist.
  {
    action: "assign_specialist",
    from: ["survey_recorded", "specialist_assigned", "income_computed"],
    to: "specialist_assigned",
    roles: ["head"],
  },
  {
    action: "compute_income",
    from: ["specialist_assigned", "income_computed"],
    to: "income_computed",
    roles: ["specialist"],
    assigneeOnly: true,
  },
  { action: "draft_decision", from: ["income_computed"], to: "decision_drafted", roles: ["specialist"], assigneeOnly: true },
  { action: "return_draft", from: ["decision_drafted"], to: "income_computed", roles: ["head"] },
  { action: "sign_decision", from: ["decision_drafted"], to: "decision_signed", roles: ["head"] },
  // Delivery to the cabinet and by SMS is the system's job once the head has signed.
  { action: "deliver_notice", from: ["decision_signed"], to: "notice_delivered", roles: ["system"] },
  // The akim sends the registered package to the district body (seed 001 clause 9, action 4): a step
  // with its own date in the timeline; the case keeps its place in the flow.
  { action: "forward_to_district", from: ["registered"], to: "registered", roles: ["akim"] },
  ...PACKAGE_FORMING.map(
    (state): Transition => ({ action: "request_other_agencies", from: [state], to: state, roles: ["specialist"] }),
  ),
  // Local social assistance (issue 14, ADR 022). Which of its steps a case needs depends on the
  // category (app/domain/case-steps.ts); these transitions only make the skips possible for the service.
  // A category without a survey: the head assigns the specialist straight after registration.
  { action: "assign_specialist", from: ["registered"], to: "specialist_assigned", roles: ["head"], services: ["local"] },
  // A category without an income threshold: the decision is drafted without an income calculation.
  { action: "draft_decision", from: ["specialist_assigned"], to: "decision_drafted", roles: ["specialist"], assigneeOnly: true, services: ["local"] },
  // The special commission's conclusion (seed 003 clause 9): its amount, after the survey and income.
  ...(["specialist_assigned", "income_computed"] as const).map(
    (state): Transition => ({ action: "record_special_commission", from: [state], to: state, roles: ["commission"], services: ["local"] }),
  ),
  // The notice is signed by the specialist and the head (seed 001): the specialist first, the head last.
  { action: "cosign_decision", from: ["decision_drafted"], to: "decision_drafted", roles: ["specialist"], assigneeOnly: true, services: ["local"] },
];

export type Actor = { role: WorkflowRole | (string & {}); id?: string };
export type TransitionContext = {
  assignedSpecialistId?: string | null;
  /** The case's service; without it only the transitions every service has are considered. */
  service?: string;
};
export type TransitionRefusal = "illegal_transition" | "role_not_allowed" | "not_assigned_specialist";
export type TransitionResult = { ok: true; to: WorkflowState } | { ok: false; reason: TransitionRefusal };

/**
 * May `actor` perform `action` on a case in `state`? `ctx.assignedSpecialistId`, when given, limits
 * income and drafting to the assigned specialist; without it that check is left to the caller.
 */
export function transition(
  state: WorkflowState,
  action: WorkflowAction,
  actor: Actor,
  ctx: TransitionContext = {},
): TransitionResult {
  const t = findTransition(state, action, ctx.service);
  if (!t) return { ok: false, reason: "illegal_transition" };
  if (!(t.roles as readonly string[]).includes(actor.role)) return { ok: false, reason: "role_not_allowed" };
  if (t.assigneeOnly && ctx.assignedSpecialistId !== undefined && ctx.assignedSpecialistId !== actor.id) {
    return { ok: false, reason: "not_assigned_specialist" };
  }
  return { ok: true, to: t.to };
}

/** The actions `role` may take on a case in `state` (the buttons on a staff case page). */
export function availableActions(state: WorkflowState, role: WorkflowRole | (string & {}), service?: string): WorkflowAction[] {
  return transitionsOf(service)
    .filter((t) => t.from.includes(state) && (t.roles as readonly string[]).includes(role))
    .map((t) => t.action);
}

/** The transitions a case of `service` has: the common ones and its own. */
export function transitionsOf(service?: string): readonly Transition[] {
  return TRANSITIONS.filter((t) => !t.services || (service !== undefined && t.services.includes(service)));
}

/** Terminal states: no transition leaves them. */
export function isFinal(state: WorkflowState): boolean {
  return !TRANSITIONS.some((t) => t.from.includes(state));
}

/**
 * Every (from, action, to) triple, flattened, with the service it is limited to (null: every service):
 * what the database table of allowed transitions holds.
 */
export function transitionRows(): { from: WorkflowState; action: WorkflowAction; to: WorkflowState; roles: WorkflowRole[]; service: string | null }[] {
  return TRANSITIONS.flatMap((t) =>
    t.from.flatMap((from) => (t.services ?? [null]).map((service) => ({ from, action: t.action, to: t.to, roles: [...t.roles], service }))),
  );
}

function findTransition(state: WorkflowState, action: WorkflowAction, service?: string): Transition | undefined {
  return transitionsOf(service).find((t) => t.action === action && t.from.includes(state));
}

/** Annex 12 item 3: the package deadline extends by up to 30 calendar days when agencies are asked. */
export const MAX_OTHER_AGENCIES_EXTENSION_DAYS = 30;
/** …and the applicant is told in writing within 2 working days of the request. */
export const OTHER_AGENCIES_NOTICE_WORKING_DAYS = 2;

export type OtherAgenciesRequest = {
  /** The due date in force before this request. */
  dueDate: IsoDate;
  /** The day the request was sent to the other agency. */
  requestedOn: IsoDate;
  /** Calendar days asked for; defaults to what is left of the 30. */
  days?: number;
  /** Calendar days already granted by earlier requests on the same case. */
  alreadyExtendedDays?: number;
  calendar: Calendar;
};

export type OtherAgenciesExtension =
  | { ok: true; dueDate: IsoDate; notifyApplicantBy: IsoDate; extendedDays: number; totalExtendedDays: number }
  | { ok: false; reason: "invalid_date" | "invalid_days" | "extension_exhausted" | "request_after_due_date" };

/**
 * The new due date and the last day to notify the applicant. Several requests may share the 30 days
 * but never exceed them. The extension moves the overall due date by the same calendar days, since
 * the decision steps after the package still need their working days.
 */
export function otherAgenciesExtension(req: OtherAgenciesRequest): OtherAgenciesExtension {
  if (!isIsoDate(req.dueDate) || !isIsoDate(req.requestedOn)) return { ok: false, reason: "invalid_date" };
  const already = req.alreadyExtendedDays ?? 0;
  if (!Number.isInteger(already) || already < 0) return { ok: false, reason: "invalid_days" };
  const left = MAX_OTHER_AGENCIES_EXTENSION_DAYS - already;
  if (left <= 0) return { ok: false, reason: "extension_exhausted" };
  const days = req.days ?? left;
  if (!Number.isInteger(days) || days <= 0) return { ok: false, reason: "invalid_days" };
  if (days > left) return { ok: false, reason: "extension_exhausted" };
  if (req.requestedOn > req.dueDate) return { ok: false, reason: "request_after_due_date" };
  return {
    ok: true,
    dueDate: addCalendarDays(req.dueDate, days),
    notifyApplicantBy: addWorkingDays(req.requestedOn, OTHER_AGENCIES_NOTICE_WORKING_DAYS, req.calendar),
    extendedDays: days,
    totalExtendedDays: already + days,
  };
}
