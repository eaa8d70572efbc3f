/**
 * The staff steps of deciding an ASP case. Each step checks the state machine (app/domain/workflow.ts)
 * for a friendly refusal, then changes the case in one transaction in which the database checks the
 * transition again and writes the audit row (migration 0003). Route actions parse forms and call these.
 */
import { eventField } from "../domain/refusal";
import { randomInt } from "node:crypto";
import { getDb, type Tx } from "../db.server";
import { gatewayIn } from "../gateway.server";
import { queueSms } from "../sms.server";
import { verifyForRequest } from "../signature/trust.server";
import { env } from "../env.server";
import type { StaffUser } from "../session.server";
import type { Application, decisions } from "../../db/schema";
import * as q from "../../db/queries/deciding";
import { parametersForApplication } from "../../db/queries/parameters";
import { otherAgenciesExtension, transition, type TransitionRefusal, type TransitionResult, type WorkflowAction, type WorkflowState } from "../domain/workflow";
import { stepAllows } from "../domain/case-steps";
import { caseStepsOf } from "../services/local/case.server";
import { cosignatureOf, localNoticeFacts, localIncomeStandard } from "../services/local/deciding.server";
import { aspMonthlyAmount, perCapitaIncome, quarterBefore, type IncomeCorrection, type IncomeError, type IncomeRecord } from "../domain/income";
import { validateDecision, type Decision, type DecisionError } from "../domain/decision";
import { employmentExemption, hasBar, REFUSAL_GROUNDS, type GroundEvents, type RefusalGroundCode } from "../domain/refusal";
import { isIsoDate, kzDate } from "../domain/kz-time";
import { kzCalendar } from "../domain/workdays";
import { makeVerificationCode, noticePayload, noticeTextString, renderNotice, type NoticeFacts } from "../notices/text";
import type { Language } from "../../locales";
import { decisionSmsText } from "../intake/decision-sms";
import { findCitizenAccount } from "../../db/queries/accounts";

export type StepContext = { user: StaffUser; application: Application; now: Date };

/** Why a step was not done: a workflow refusal, a lost race, or problems with the input (i18n keys by field). */
export type StepOutcome<T = unknown> =
  | { ok: true; value?: T }
  | { ok: false; refusal: TransitionRefusal | "stale" | "cosignature_missing" | "already_cosigned" }
  | { ok: false; errors: Record<string, string> };

class Stale extends Error {}

export const actorOf = (user: StaffUser): q.AuditActor => ({ kind: "staff", staffId: user.staff.id, login: user.staff.login, role: user.staff.role });

/**
 * The friendly check: may this staff member take this action on this case now? The service's workflow
 * first, then the steps the case needs (app/domain/case-steps.ts), then the co-signature a notice of a
 * co-signed service needs before the head signs it.
 */
export async function mayAct(ctx: StepContext, action: WorkflowAction, db?: Tx): Promise<TransitionResult | { ok: false; reason: "cosignature_missing" | "already_cosigned" }> {
  const handle = db ?? (await getDb()).db;
  const state = ctx.application.status as WorkflowState;
  const assigned = await q.currentAssignment(handle, ctx.application.id);
  const verdict = transition(state, action, { role: ctx.user.staff.role, id: String(ctx.user.staff.id) }, {
    assignedSpecialistId: assigned ? String(assigned.specialistId) : null,
    service: ctx.application.service,
  });
  if (!verdict.ok) return verdict;
  const steps = await caseStepsOf(handle, ctx.application);
  if (!stepAllows(steps, state, action)) return { ok: false, reason: "illegal_transition" };
  if (steps.cosign && (action === "sign_decision" || action === "cosign_decision")) {
    const notice = await q.unsignedNoticeOf(handle, ctx.application.id);
    const cosigned = notice ? await cosignatureOf(handle, notice.id) : null;
    if (action === "sign_decision" && !cosigned) return { ok: false, reason: "cosignature_missing" };
    if (action === "cosign_decision" && cosigned) return { ok: false, reason: "already_cosigned" };
  }
  return verdict;
}

/** Runs `body` in a transaction after the friendly check; a case that moved meanwhile reads as "stale". */
export async function runStep<T>(ctx: StepContext, action: WorkflowAction, body: (tx: Tx, to: WorkflowState) => Promise<StepOutcome<T> | void>): Promise<StepOutcome<T>> {
  const verdict = await mayAct(ctx, action);
  if (!verdict.ok) return { ok: false, refusal: verdict.reason };
  const { db } = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const result = await body(tx, verdict.to);
      if (result && !result.ok) {
        // Roll back whatever the body wrote before it found the problem.
        throw new Rollback(result);
      }
      return result ?? { ok: true };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as StepOutcome<T>;
    if (error instanceof Stale) return { ok: false, refusal: "stale" };
    // The database's own check (migration 0003) said no: the code's check should have caught it first.
    if (isWorkflowViolation(error)) return { ok: false, refusal: "illegal_transition" };
    throw error;
  }
}
function isWorkflowViolation(error: unknown): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  if (e?.code === "23514" && (e.constraint_name ?? e.constraint) === "workflow_transitions") return true;
  return e?.cause !== undefined && isWorkflowViolation(e.cause);
}

class Rollback extends Error {
  constructor(readonly outcome: StepOutcome<unknown>) {
    super("rollback");
  }
}

export async function move(tx: Tx, ctx: StepContext, action: WorkflowAction, to: WorkflowState, extra: { reason?: string | null; details?: unknown; actor?: q.AuditActor; from?: WorkflowState } = {}) {
  const from = extra.from ?? (ctx.application.status as WorkflowState);
  const record = { applicationId: ctx.application.id, action, from, to, actor: extra.actor ?? actorOf(ctx.user), at: ctx.now, reason: extra.reason, details: extra.details };
  if (from === to) return q.recordSelfTransition(tx, record);
  if (!(await q.changeStatus(tx, record))) throw new Stale();
}

// --- registered → sent to the district commission ------------------------------------------------

export function sendToCommission(ctx: StepContext) {
  return runStep(ctx, "send_to_commission", (tx, to) => move(tx, ctx, "send_to_commission", to));
}

// --- the survey act -----------------------------------------------------------------------------

export type SurveyInput = {
  surveyedOn: string;
  membersPresent: string;
  livingConditions: string;
  propertySeen: string;
  conclusion: "needy" | "not_needy";
  notes: string | null;
};

export async function recordSurvey(ctx: StepContext, input: SurveyInput): Promise<StepOutcome> {
  // The workflow's answer comes before the form's: a case not at this step has no act to correct.
  const verdict = await mayAct(ctx, "record_survey");
  if (!verdict.ok) return { ok: false, refusal: verdict.reason };
  const errors: Record<string, string> = {};
  const today = kzDate(ctx.now);
  if (input.surveyedOn > today) errors.surveyedOn = "deciding:survey.errors.surveyedOnFuture";
  else if (ctx.application.applicationDate && input.surveyedOn < ctx.application.applicationDate) errors.surveyedOn = "deciding:survey.errors.surveyedOnEarly";
  if (Object.keys(errors).length) return { ok: false, errors };
  return runStep(ctx, "record_survey", async (tx, to) => {
    await q.insertSurveyAct(tx, { applicationId: ctx.application.id, ...input, recordedBy: ctx.user.staff.id, recordedAt: ctx.now });
    await move(tx, ctx, "record_survey", to, { details: { conclusion: input.conclusion } });
  });
}

// --- the head assigns the responsible specialist -------------------------------------------------

export async function assignableSpecialists(user: StaffUser) {
  const { db } = await getDb();
  return q.staffOfOffice(db, user.staff.officeCode, ["specialist"]);
}

export async function assignSpecialist(ctx: StepContext, specialistId: number) {
  const candidates = await assignableSpecialists(ctx.user);
  const chosen = candidates.find((c) => c.id === specialistId);
  if (!chosen) return { ok: false as const, errors: { specialistId: "deciding:assign.errors.specialist" } };
  return runStep(ctx, "assign_specialist", async (tx, to) => {
    await q.insertAssignment(tx, { applicationId: ctx.application.id, specialistId, assignedBy: ctx.user.staff.id, assignedAt: ctx.now });
    await move(tx, ctx, "assign_specialist", to, { details: { specialist: chosen.login } });
  });
}

// --- income -------------------------------------------------------------------------------------

const toMonthStart = (m: string) => (m.length === 7 ? `${m}-01` : m.slice(0, 10));

export type IncomeInputs = Awaited<ReturnType<typeof incomeInputs>>;

/** What the calculation of a case is made of right now: quarter, members, registry lines, corrections. */
export async function incomeInputs(db: Tx, application: Application) {
  const quarter = quarterBefore(application.applicationDate!);
  const gateway = gatewayIn(db);
  const caseMembers = (await q.membersOf(db, application.id)).map((m) => m.iin);
  // Whose income counts (app/domain/case-steps.ts): the family declared on the case, or — for a case
  // filed by one person (local assistance) — the registry household the applicant lives in.
  const household = (await caseStepsOf(db, application)).incomeMembers === "household" ? (await gateway.getHouseholdMembers(application.applicantIin)).map((p) => p.iin) : [];
  const members = [...new Set([...caseMembers, ...household])];
  const registry = await gateway.getIncomes(members, quarter.from.slice(0, 7), quarter.to.slice(0, 7));
  const incomes: IncomeRecord[] = registry.map((r) => ({ iin: r.iin, month: toMonthStart(r.month), source: r.source, amount: r.amount }));
  const correctionRows = await q.correctionsOf(db, application.id);
  const corrections: IncomeCorrection[] = correctionRows.map(({ correction: c }) => ({
    ...(c.iin ? { iin: c.iin } : {}),
    ...(c.month ? { month: c.month } : {}),
    ...(c.source ? { source: c.source } : {}),
    reason: c.reason,
    ...(c.replaceWith !== null ? { replaceWith: c.replaceWith } : { delta: c.delta! }),
  }));
  return { quarter, members, incomes, corrections, correctionRows };
}

export const incomeErrorKey = (e: IncomeError) => `decision:incomeError.${e.code}`;

export type CorrectionInput = { iin: string | null; month: string | null; kind: "delta" | "replace"; amount: number; reason: string };

/** A correction is checked by computing with it; it is kept only if the result stays valid. */
export async function addCorrection(ctx: StepContext, input: CorrectionInput) {
  const verdict = await mayAct(ctx, "compute_income");
  if (!verdict.ok) return { ok: false as const, refusal: verdict.reason };
  const { db } = await getDb();
  return db.transaction(async (tx): Promise<StepOutcome> => {
    const inputs = await incomeInputs(tx, ctx.application);
    const correction: IncomeCorrection = {
      ...(input.iin ? { iin: input.iin } : {}),
      ...(input.month ? { month: input.month } : {}),
      reason: input.reason,
      ...(input.kind === "replace" ? { replaceWith: input.amount } : { delta: input.amount }),
    } as IncomeCorrection;
    const result = perCapitaIncome({ incomes: inputs.incomes, members: inputs.members, quarter: inputs.quarter, corrections: [...inputs.corrections, correction] });
    if (!result.ok) {
      const field = (e: IncomeError) =>
        e.code === "correction_reason_required" ? "reason" : e.code === "correction_unknown_member" || e.code === "replacement_needs_member_and_month" ? "iin" : e.code === "correction_outside_quarter" ? "month" : "amount";
      return { ok: false, errors: Object.fromEntries(result.errors.map((e) => [field(e), incomeErrorKey(e)])) };
    }
    await q.insertCorrection(tx, {
      applicationId: ctx.application.id,
      iin: input.iin,
      month: input.month,
      delta: input.kind === "delta" ? input.amount : null,
      replaceWith: input.kind === "replace" ? input.amount : null,
      reason: input.reason.trim(),
      createdBy: ctx.user.staff.id,
      createdAt: ctx.now,
    });
    return { ok: true };
  });
}

export function computeIncome(ctx: StepContext) {
  return runStep(ctx, "compute_income", async (tx, to) => {
    const inputs = await incomeInputs(tx, ctx.application);
    if (!inputs.members.length) return { ok: false, errors: { form: "deciding:income.errors.noMembers" } };
    const result = perCapitaIncome({ incomes: inputs.incomes, members: inputs.members, quarter: inputs.quarter, corrections: inputs.corrections });
    if (!result.ok) return { ok: false, errors: { form: incomeErrorKey(result.errors[0]) } };
    // Local assistance compares the same per-capita income with its category's threshold (ADR 022).
    const threshold = await localIncomeStandard(tx, ctx.application, ctx.now);
    if (threshold && !threshold.ok) return { ok: false, errors: { form: `deciding:income.errors.noParameters|${JSON.stringify({ year: threshold.year })}` } };
    const { year, parameters } = threshold?.ok
      ? { year: threshold.year, parameters: { povertyLine: threshold.thresholdTenge } }
      : await parametersForApplication(tx, { applicationDate: ctx.application.applicationDate!, katoCode: ctx.application.katoCode });
    if (!parameters) return { ok: false, errors: { form: `deciding:income.errors.noParameters|${JSON.stringify({ year })}` } };
    const amount = threshold?.ok
      ? { amountTiyn: 0, lowIncome: threshold.within(result.value.perCapitaTiyn) }
      : aspMonthlyAmount({ povertyLineTenge: parameters.povertyLine, perCapitaTiyn: result.value.perCapitaTiyn, members: result.value.memberCount });
    const calculation = await q.insertCalculation(tx, {
      applicationId: ctx.application.id,
      quarterFrom: inputs.quarter.from,
      quarterTo: inputs.quarter.to,
      members: inputs.members,
      incomes: inputs.incomes.map((i) => ({ iin: i.iin, month: i.month, source: i.source ?? "unspecified", amount: i.amount })),
      correctionIds: inputs.correctionRows.map((r) => r.correction.id),
      totalTenge: result.value.totalTenge,
      perCapitaTiyn: result.value.perCapitaTiyn,
      povertyYear: year,
      povertyLineTenge: parameters.povertyLine,
      amountTiyn: amount.amountTiyn,
      lowIncome: amount.lowIncome,
      computedBy: ctx.user.staff.id,
      computedAt: ctx.now,
    });
    await move(tx, ctx, "compute_income", to, {
      details: { calculation: calculation.id, perCapitaTiyn: calculation.perCapitaTiyn, amountTiyn: calculation.amountTiyn, corrections: calculation.correctionIds },
    });
  });
}

// --- the decision ---------------------------------------------------------------------------------

export type DecisionInput = Decision;

/** The form field a decision error belongs to: six-month grounds have a date field each, ground 2 a member. */
export const decisionErrorField = (e: DecisionError) =>
  e.code.startsWith("period")
    ? "periodFrom"
    : e.code.startsWith("amount") || e.code.startsWith("assignment") || e.code === "unknown_kind"
      ? "kind"
      : e.code.startsWith("ground_member")
        ? "eventMember"
        : eventGround(e)
          ? eventField(eventGround(e)!)
          : "grounds";

/** The six-month ground an error is about, for errors about a ground's event. */
const eventGround = (e: DecisionError): RefusalGroundCode | null =>
  e.code.startsWith("ground_") && "ground" in e ? (e.ground as RefusalGroundCode) : null;

/** The date field of a six-month ground's event. */

const errorParams = (e: DecisionError): Record<string, unknown> | undefined =>
  e.code === "amount_differs_from_calculation"
    ? { expected: (e.expectedTiyn / 100).toFixed(2) }
    : e.code === "ground_member_exempt"
      ? { reason: e.reason }
      : eventGround(e)
        ? { item: REFUSAL_GROUNDS[eventGround(e)!].item }
        : undefined;

/**
 * The case's members with their article 2 item 6 exemption on `on` (for ground 2: the day the
 * member refused, when given), from the gateway's persons and statuses.
 */
async function membersWithExemptions(tx: Tx, applicationId: string, on: string) {
  const iins = (await q.membersOf(tx, applicationId)).map((m) => m.iin);
  const gateway = gatewayIn(tx);
  const [people, statuses] = await Promise.all([Promise.all(iins.map((iin) => gateway.getPerson(iin))), gateway.getStatuses(iins)]);
  return iins.map((iin, i) => ({
    iin,
    exemption: people[i] ? employmentExemption(people[i]!, statuses.filter((s) => s.iin === iin), on) : null,
  }));
}

export function draftDecision(ctx: StepContext, input: DecisionInput) {
  return runStep(ctx, "draft_decision", async (tx, to) => {
    // A case decided on another form (local assistance: app/services/local/deciding.server.ts) is not decided here.
    if ((await caseStepsOf(tx, ctx.application)).decisionForm !== "asp") return { ok: false, refusal: "illegal_transition" };
    const calculation = await q.latestCalculation(tx, ctx.application.id);
    if (!calculation) return { ok: false, errors: { kind: "deciding:decide.errors.noCalculation" } };
    const survey = await q.surveyActOf(tx, ctx.application.id);
    const decidedOn = kzDate(ctx.now);
    const refusedOn = input.kind === "refusal" ? input.events?.refused_employment_measures?.date : undefined;
    const verdict = validateDecision(input, {
      applicationDate: ctx.application.applicationDate ?? undefined,
      commissionConclusion: survey?.conclusion,
      lowIncome: calculation.lowIncome,
      computedAmountTiyn: calculation.amountTiyn,
      decidedOn,
      members: await membersWithExemptions(tx, ctx.application.id, refusedOn && isIsoDate(refusedOn) && refusedOn <= decidedOn ? refusedOn : decidedOn),
    });
    const errors: Record<string, string> = {};
    if (!verdict.ok) {
      // What the commission or the calculation rules out is said before any detail of the amount.
      const first = (e: DecisionError) => (e.code.startsWith("assignment_") ? 0 : 1);
      for (const e of [...verdict.errors].sort((a, b) => first(a) - first(b))) {
        const params = errorParams(e);
        errors[decisionErrorField(e)] ??= params ? `decision:decisionError.${e.code}|${JSON.stringify(params)}` : `decision:decisionError.${e.code}`;
      }
    }
    if (Object.keys(errors).length) return { ok: false, errors };
    // Only the events of the grounds cited, each with its own date.
    const groundEvents: GroundEvents =
      input.kind === "refusal" ? Object.fromEntries(input.grounds.filter(hasBar).map((g) => [g, input.events![g]!])) : {};
    await recordDraftDecision(tx, ctx, to, {
      kind: input.kind,
      amountTiyn: input.kind === "assignment" ? input.amountTiyn : null,
      periodFrom: input.kind === "assignment" ? input.period.from : null,
      periodTo: input.kind === "assignment" ? input.period.to : null,
      grounds: input.kind === "refusal" ? [...input.grounds] : [],
      groundEvents,
      calculationId: calculation.id,
    });
  });
}

/**
 * The drafted decision and its unsigned notice, replacing any earlier unsigned one, and the step in
 * the case history: the one way every service's decision form records a draft (ASP here, local
 * assistance in app/services/local/deciding.server.ts).
 */
export async function recordDraftDecision(
  tx: Tx, ctx: StepContext, to: WorkflowState,
  row: Omit<typeof decisions.$inferInsert, "applicationId" | "draftedBy" | "draftedAt">,
  details: Record<string, unknown> = {},
) {
  const decision = await q.insertDecision(tx, { ...row, applicationId: ctx.application.id, draftedBy: ctx.user.staff.id, draftedAt: ctx.now });
  await q.dropUnsignedNotices(tx, ctx.application.id);
  await q.insertNotice(tx, {
    applicationId: ctx.application.id,
    decisionId: decision.id,
    registrationNumber: ctx.application.registrationNumber!,
    verificationCode: makeVerificationCode(randomInt),
    createdAt: ctx.now,
  });
  await move(tx, ctx, "draft_decision", to, { details: { decision: decision.id, kind: decision.kind, ...details } });
  return decision;
}

export function returnDraft(ctx: StepContext, reason: string) {
  return runStep(ctx, "return_draft", async (tx, to) => {
    await q.dropUnsignedNotices(tx, ctx.application.id);
    await move(tx, ctx, "return_draft", to, { reason });
  });
}

// --- the notice: built, signed by the head, delivered -----------------------------------------------

/** The public address of /verify printed on notices. */
export function verifyUrl(request: Request) {
  return `${env().PUBLIC_BASE_URL?.replace(/\/$/, "") ?? new URL(request.url).origin}/verify`;
}

/** The facts of the notice the head is about to sign, or null when no draft decision waits. */
export async function noticeFacts(db: Tx, ctx: StepContext, url: string): Promise<{ facts: NoticeFacts; noticeId: string } | null> {
  const notice = await q.unsignedNoticeOf(db, ctx.application.id);
  if (!notice) return null;
  const decision = await q.findDecision(db, notice.decisionId);
  if (!decision) return null;
  const calculation = decision.calculationId ? await q.latestCalculation(db, ctx.application.id) : null;
  const person = await gatewayIn(db).getPerson(ctx.application.applicantIin);
  const fullName = (last: string, first: string, patronymic: string | null) => [last, first, patronymic].filter(Boolean).join(" ");
  const staff = ctx.user.staff;
  const facts: NoticeFacts = {
    noticeId: notice.id,
    registrationNumber: notice.registrationNumber,
    applicationDate: ctx.application.applicationDate!,
    decidedOn: kzDate(ctx.now),
    verificationCode: notice.verificationCode,
    verifyUrl: url,
    applicant: {
      iin: ctx.application.applicantIin,
      nameRu: person ? fullName(person.lastNameRu, person.firstNameRu, person.patronymicRu) : ctx.application.applicantIin,
      nameKk: person ? fullName(person.lastNameKk, person.firstNameKk, person.patronymicKk) : ctx.application.applicantIin,
    },
    office: { code: ctx.user.office.code, nameRu: ctx.user.office.nameRu, nameKk: ctx.user.office.nameKk },
    signer: { iin: staff.iin, nameRu: staff.fullNameRu, nameKk: staff.fullNameKk },
    decision:
      decision.kind === "assignment"
        ? { kind: "assignment", amountTiyn: decision.amountTiyn!, period: { from: decision.periodFrom!, to: decision.periodTo! } }
        : { kind: "refusal", grounds: decision.grounds as RefusalGroundCode[], events: decision.groundEvents },
    calculation: calculation
      ? { perCapitaTiyn: calculation.perCapitaTiyn, povertyLineTenge: calculation.povertyLineTenge, members: calculation.members.length, amountTiyn: calculation.amountTiyn }
      : null,
  };
  // A local-assistance notice names its category, act and clause 12 grounds, and both signers (ADR 022).
  const local = await localNoticeFacts(db, ctx.application, decision, notice.id, ctx.user);
  if (local) Object.assign(facts, { local: local.local, signerRole: local.signerRole }, local.cosigner ? { cosigner: local.cosigner } : {});
  return { facts, noticeId: notice.id };
}

export type SignOutcome = StepOutcome | { ok: false; signatureError: string };

/**
 * The head's signature over the notice, then its delivery by the system: cabinet, SMS, and — for a
 * refusal — the family's members are free to apply again.
 */
export async function signAndDeliver(ctx: StepContext, input: { postedPayload: string; jws: string; verifyUrl: string }): Promise<SignOutcome> {
  const verdict = await mayAct(ctx, "sign_decision");
  if (!verdict.ok) return { ok: false, refusal: verdict.reason };
  const { db } = await getDb();
  const built = await noticeFacts(db, ctx, input.verifyUrl);
  if (!built) return { ok: false, refusal: "stale" };
  const payload = noticePayload(built.facts);
  if (payload !== input.postedPayload) return { ok: false, refusal: "stale" };
  const signature = await verifyForRequest({ jws: input.jws, expectedIin: ctx.user.staff.iin, expectedPayload: payload });
  if (!signature.valid) return { ok: false, signatureError: `signature:reasons.${signature.reason}` };
  return runStep(ctx, "sign_decision", async (tx, to) => {
    const signed = await q.signNotice(tx, built.noticeId, {
      payload,
      signature: input.jws,
      signerIin: signature.iin,
      signerName: signature.commonName,
      signerSerial: signature.serialNumber,
      signedBy: ctx.user.staff.id,
      signedAt: ctx.now,
      textRu: noticeTextString(renderNotice(built.facts, "ru")),
      textKk: noticeTextString(renderNotice(built.facts, "kk")),
    });
    if (!signed) throw new Stale();
    await move(tx, ctx, "sign_decision", to, { details: { notice: built.noticeId, certificate: signature.serialNumber } });
    await deliverNotice(tx, ctx, built.noticeId, built.facts);
  });
}

async function deliverNotice(tx: Tx, ctx: StepContext, noticeId: string, facts: NoticeFacts) {
  await move(tx, ctx, "deliver_notice", "notice_delivered", { actor: { kind: "system" }, from: "decision_signed", details: { notice: noticeId } });
  await q.markNoticeDelivered(tx, noticeId, ctx.now);
  if (facts.decision.kind === "refusal") await q.releaseMembers(tx, ctx.application.id);
  // The outcome and, for a refusal, its reason (Annex 12 item 5), within two UCS-2 segments (issue 16).
  const where = (await findCitizenAccount(tx, ctx.application.applicantIin)) ? "cabinet" : "office";
  const d = facts.decision;
  await smsApplicant(
    tx,
    ctx.application,
    "decision",
    (lng) =>
      decisionSmsText(lng, {
        registrationNumber: facts.registrationNumber,
        kind: d.kind,
        grounds: d.kind === "refusal" ? d.grounds : [],
        where,
        ...(facts.local ? { service: "local" as const, amountTiyn: d.kind === "assignment" ? d.amountTiyn : null } : {}),
      }),
    ctx.now,
  );
}

/** Queues an SMS to the applicant's number in the mobile-citizens registry, in their language; none without a number. */
async function smsApplicant(tx: Tx, application: Application, purpose: "decision" | "notice", body: (lng: Language) => string, now: Date) {
  const gateway = gatewayIn(tx);
  const [mobile, person] = await Promise.all([gateway.getMobileNumber(application.applicantIin), gateway.getPerson(application.applicantIin)]);
  if (!mobile) return null;
  // The language the person chose when applying (issue 16), else the registry's preference.
  const language: Language = application.smsLanguage === "kk" || application.smsLanguage === "ru" ? application.smsLanguage : (person?.preferredLanguage ?? "ru");
  return queueSms(tx, { to: mobile.phone, body: body(language), purpose, iin: application.applicantIin, language, now });
}

// --- deadlines: requests to other agencies ----------------------------------------------------------

export type AgencyRequestInput = { agency: string; requestedOn: string; days: number | null };

export async function requestOtherAgencies(ctx: StepContext, input: AgencyRequestInput) {
  const { db } = await getDb();
  if (input.requestedOn > kzDate(ctx.now)) return { ok: false as const, errors: { requestedOn: "deciding:agencies.errors.requestedOnFuture" } };
  const earlier = await q.otherAgencyRequestsOf(db, ctx.application.id);
  const already = earlier.reduce((sum, r) => sum + r.extendedDays, 0);
  let extension: ReturnType<typeof otherAgenciesExtension>;
  try {
    extension = otherAgenciesExtension({ dueDate: ctx.application.dueDate!, requestedOn: input.requestedOn, days: input.days ?? undefined, alreadyExtendedDays: already, calendar: kzCalendar });
  } catch {
    return { ok: false as const, errors: { requestedOn: "decision:otherAgencies.error.invalid_date" } };
  }
  if (!extension.ok) {
    const field = extension.reason === "invalid_days" || extension.reason === "extension_exhausted" ? "days" : "requestedOn";
    return { ok: false as const, errors: { [field]: `decision:otherAgencies.error.${extension.reason}` } };
  }
  const ext = extension;
  return runStep(ctx, "request_other_agencies", async (tx, to) => {
    const row = await q.insertOtherAgencyRequest(tx, {
      applicationId: ctx.application.id,
      agency: input.agency,
      requestedOn: input.requestedOn,
      extendedDays: ext.extendedDays,
      dueBefore: ctx.application.dueDate!,
      dueAfter: ext.dueDate,
      notifyBy: ext.notifyApplicantBy,
      requestedBy: ctx.user.staff.id,
      createdAt: ctx.now,
    });
    await q.setDueDate(tx, ctx.application.id, ext.dueDate, ctx.now);
    await move(tx, ctx, "request_other_agencies", to, {
      reason: input.agency,
      details: { request: row.id, days: ext.extendedDays, dueBefore: ctx.application.dueDate, dueAfter: ext.dueDate, notifyBy: ext.notifyApplicantBy },
    });
  });
}

// The applicant is told in writing by the head's signed notice: app/complaints/extension.server.ts (issue 16).

// --- the decision form ------------------------------------------------------------------------------

/**
 * What the decision form needs: the computed amount, the suggested period and grounds, and the
 * case's members (named, with their article 2 item 6 exemption today) for ground 2.
 */
export async function decisionForm(application: Application, now: Date) {
  const { db } = await getDb();
  const [calculation, survey] = await Promise.all([q.latestCalculation(db, application.id), q.surveyActOf(db, application.id)]);
  const suggested: RefusalGroundCode[] = [];
  if (survey?.conclusion === "not_needy") suggested.push("commission_found_no_need");
  if (calculation && !calculation.lowIncome) suggested.push("not_low_income");
  const members = await membersWithExemptions(db, application.id, kzDate(now));
  const gateway = gatewayIn(db);
  const people = await Promise.all(members.map((m) => gateway.getPerson(m.iin)));
  return {
    decisionForm: (await caseStepsOf(db, application)).decisionForm,
    amountTiyn: calculation?.amountTiyn ?? 0,
    // A family at the line is owed 0 ₸ and is still assigned (ADR 016): only grounds suggest a refusal.
    defaultKind: suggested.length || !calculation ? ("refusal" as const) : ("assignment" as const),
    suggested,
    members: members.map((m, i) => ({ ...m, person: people[i] })),
  };
}
