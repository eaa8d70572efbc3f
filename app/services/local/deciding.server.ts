/**
 * The staff steps of a local-assistance case after registration (issue 14, ADR 022), on ASP's
 * machinery (app/staff/deciding.server.ts): the survey is ASP's act; the income is ASP's calculation
 * compared with the category's threshold instead of the poverty line; the special commission's amount
 * (commission.server.ts); the decision (decision.ts: the commission's amount, or a refusal on the
 * act's clause 12 grounds); and the notice signed by the specialist first and the head last — only the
 * head's signature puts it in force (notices.signature), which the database refuses without the
 * specialist's (migration 0020).
 */
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db.server";
import { kzDate } from "../../domain/kz-time";
import { verifyForRequest } from "../../signature/trust.server";
import { parametersFor } from "../../../db/queries/parameters";
import * as q from "../../../db/queries/deciding";
import { findStaffById } from "../../../db/queries/accounts";
import { noticeCosignatures, type Application, type DecisionRow } from "../../../db/schema";
import type { StaffUser } from "../../session.server";
import { noticePayload, type LocalNoticeFacts } from "../../notices/text";
import { incomeThresholdTenge, incomeWithinThreshold, type ValuationParameters } from "./amounts";
import { localCaseOf, type LocalCaseView } from "./case.server";
import { earlierCaseOnThisGround } from "./apply.server";
import { groundAppliesTo, proposedGrounds, validateLocalDecision, type LocalDecisionFacts, type LocalDecisionInput } from "./decision";
import { move, noticeFacts, recordDraftDecision, runStep, type SignOutcome, type StepContext, type StepOutcome } from "../../staff/deciding.server";

/** МРП / ПМ of the valuation year: the year of the decision (ADR 014), which is the year of `now`. */
async function valuationParams(db: Tx, now: Date): Promise<ValuationParameters | null> {
  const row = await parametersFor(db, Number(kzDate(now).slice(0, 4)));
  return row ? { year: row.year, mrp: row.mrp, subsistenceMinimum: row.subsistenceMinimum } : null;
}

/**
 * The standard a local case's per-capita income is compared with: the category's threshold (1 or 2 ПМ
 * of the valuation year), or null for a case that is not a local one (ASP compares with the poverty
 * line). `{ ok: false }` when the year's parameters are missing.
 */
export async function localIncomeStandard(db: Tx, application: Pick<Application, "id" | "service">, now: Date) {
  if (application.service !== "local") return null;
  const local = await localCaseOf(db, application.id);
  if (!local?.category.incomeThreshold) return null;
  const params = await valuationParams(db, now);
  const year = Number(kzDate(now).slice(0, 4));
  if (!params) return { ok: false as const, year };
  const category = local.category;
  return {
    ok: true as const,
    year,
    thresholdTenge: incomeThresholdTenge(category, params)!,
    /** Within the threshold ("not above"): true; above it (clause 12 ground 3): false. */
    within: (perCapitaTiyn: number) => incomeWithinThreshold(category, perCapitaTiyn / 100, params) === true,
  };
}

/** Clause 12 ground 4: an earlier registered, not refused case of the person on this ground (apply.server.ts). */
async function earlierOnThisGround(db: Tx, application: Application, local: LocalCaseView) {
  const earlier = await earlierCaseOnThisGround(
    application.applicantIin,
    { districtKato: local.lc.districtKato, rs: local.rs, category: local.category, application },
    db,
  );
  return earlier ? (earlier.number ?? "—") : null;
}

async function decisionFacts(db: Tx, application: Application, local: LocalCaseView, now: Date): Promise<LocalDecisionFacts> {
  const [params, calculation, earlier] = await Promise.all([valuationParams(db, now), q.latestCalculation(db, application.id), earlierOnThisGround(db, application, local)]);
  return {
    category: local.category,
    refusalGrounds: local.rs.refusalGrounds,
    decidedOn: kzDate(now),
    params,
    perCapitaIncome: calculation ? calculation.perCapitaTiyn / 100 : null,
    incomeNeeded: local.category.incomeThreshold !== null,
    earlierOnThisGround: earlier,
    commissionTenge: local.lc.commissionAmountTiyn === null ? null : local.lc.commissionAmountTiyn / 100,
  };
}

/** What the local decision page shows: the amount and period an assignment would have, the grounds and which are proposed. */
export async function localDecisionForm(application: Application, now: Date) {
  const { db } = await getDb();
  const local = await localCaseOf(db, application.id);
  if (!local) return null;
  const facts = await decisionFacts(db, application, local, now);
  const proposed = proposedGrounds(facts);
  const assignment = validateLocalDecision({ kind: "assignment" }, facts);
  return {
    local,
    facts,
    proposed,
    assignment: assignment.ok && assignment.decision.kind === "assignment" ? assignment.decision : null,
    assignmentErrors: assignment.ok ? [] : assignment.errors,
    grounds: local.rs.refusalGrounds.filter((g) => groundAppliesTo(g, local.category)).map((g) => ({ code: g.code, item: g.item, text: g.text })),
    defaultKind: proposed.length || !assignment.ok ? ("refusal" as const) : ("assignment" as const),
  };
}

/** The field of the decision form an error belongs to. */
const errorField = (code: string) => (code === "no_grounds" || code.includes("ground") ? "grounds" : "kind");

/** The specialist drafts the decision: checked by validateLocalDecision with the facts read in the same transaction. */
export function draftLocalDecision(ctx: StepContext, input: LocalDecisionInput) {
  return runStep(ctx, "draft_decision", async (tx, to): Promise<StepOutcome | void> => {
    const local = await localCaseOf(tx, ctx.application.id);
    if (!local) return { ok: false, errors: { form: "local:decide.errors.no_case" } };
    const facts = await decisionFacts(tx, ctx.application, local, ctx.now);
    const verdict = validateLocalDecision(input, facts);
    if (!verdict.ok) {
      const errors: Record<string, string> = {};
      for (const e of verdict.errors) errors[errorField(e)] ??= `local:decide.errors.${e}`;
      return { ok: false, errors };
    }
    const d = verdict.decision;
    const calculation = await q.latestCalculation(tx, ctx.application.id);
    await recordDraftDecision(
      tx, ctx, to,
      {
        kind: d.kind,
        amountTiyn: d.kind === "assignment" ? d.amountTiyn : null,
        periodFrom: d.kind === "assignment" ? d.period.from : null,
        periodTo: d.kind === "assignment" ? d.period.to : null,
        grounds: d.kind === "refusal" ? d.grounds : [],
        groundEvents: {},
        calculationId: calculation?.id ?? null,
      },
      { category: local.category.code, act: local.rs.act.decision.number, earlier: facts.earlierOnThisGround },
    );
  });
}

// --- the notice: the specialist signs first, the head last ----------------------------------------

export async function cosignatureOf(db: Tx, noticeId: string) {
  const [row] = await db
    .select()
    .from(noticeCosignatures)
    .where(and(eq(noticeCosignatures.noticeId, noticeId), eq(noticeCosignatures.role, "specialist")));
  return row ?? null;
}

/** The specialist's signature over the case's notice waiting for the head, or null. */
export async function cosignatureOfCase(db: Tx, applicationId: string) {
  const notice = await q.unsignedNoticeOf(db, applicationId);
  return notice ? cosignatureOf(db, notice.id) : null;
}

/**
 * What a local notice adds to ASP's: the category and act, the clause 12 grounds in the act's words,
 * who signs in which role and, for the head, the specialist who signed before.
 */
export async function localNoticeFacts(db: Tx, application: Application, decision: DecisionRow, noticeId: string, user: StaffUser) {
  if (application.service !== "local") return null;
  const local = await localCaseOf(db, application.id);
  if (!local) return null;
  const { rs, category } = local;
  const facts: LocalNoticeFacts = {
    category: { code: category.code, nameRu: category.name.ru, nameKk: category.name.kk },
    act: { number: rs.act.decision.number, date: rs.act.decision.date, bodyRu: rs.act.body.ru, bodyKk: rs.act.body.kk },
    grounds: (decision.grounds ?? []).map((code: string) => {
      const g = rs.refusalGrounds.find((x) => x.code === code);
      return { code, item: g?.item ?? 0, textRu: g?.text.ru ?? code, textKk: g?.text.kk ?? code };
    }),
    thresholdPm: category.incomeThreshold?.value ?? null,
  };
  const cosignature = user.staff.role === "head" ? await cosignatureOf(db, noticeId) : null;
  const cosigner = cosignature ? (await findStaffById(db, cosignature.signedBy))?.staff : null;
  return {
    local: facts,
    signerRole: user.staff.role === "head" ? ("head" as const) : ("specialist" as const),
    cosigner:
      cosignature && cosigner
        ? { role: "specialist" as const, iin: cosignature.signerIin, nameRu: cosigner.fullNameRu, nameKk: cosigner.fullNameKk, serial: cosignature.signerSerial, signedAt: cosignature.signedAt.toISOString() }
        : undefined,
  };
}

/**
 * The specialist's ЭЦП over the drafted notice (seed 001: the head and the specialist sign it). Kept
 * append-only in notice_cosignatures; the case stays "decision drafted" until the head signs.
 */
export async function cosignNotice(ctx: StepContext, input: { postedPayload: string; jws: string; verifyUrl: string }): Promise<SignOutcome> {
  const { db } = await getDb();
  const built = await noticeFacts(db, ctx, input.verifyUrl);
  if (!built) return { ok: false, refusal: "stale" };
  const payload = noticePayload(built.facts);
  if (payload !== input.postedPayload) return { ok: false, refusal: "stale" };
  const signature = await verifyForRequest({ jws: input.jws, expectedIin: ctx.user.staff.iin, expectedPayload: payload });
  if (!signature.valid) return { ok: false, signatureError: `signature:reasons.${signature.reason}` };
  return runStep(ctx, "cosign_decision", async (tx, to) => {
    const inserted = await tx
      .insert(noticeCosignatures)
      .values({
        noticeId: built.noticeId,
        applicationId: ctx.application.id,
        role: "specialist",
        payload,
        signature: input.jws,
        signerIin: signature.iin,
        signerName: signature.commonName,
        signerSerial: signature.serialNumber,
        signedBy: ctx.user.staff.id,
        signedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: noticeCosignatures.id });
    if (!inserted.length) return { ok: false, refusal: "already_cosigned" };
    // The draft must still be the one signed: a returned and redrafted decision has a new notice.
    if ((await q.unsignedNoticeOf(tx, ctx.application.id))?.id !== built.noticeId) return { ok: false, refusal: "stale" };
    await move(tx, ctx, "cosign_decision", to, { details: { notice: built.noticeId, certificate: signature.serialNumber } });
  });
}

/** The local part of the staff case page: the act (even if repealed since), the category, the documents, the amount. */
export async function localCaseSummary(db: Tx, application: Application, today: string) {
  const local = await localCaseOf(db, application.id);
  if (!local) return null;
  const { lc, rs, category } = local;
  const c = await cosignatureOfCase(db, application.id);
  const cosigned = c ? { name: c.signerName, at: c.signedAt.toISOString() } : null;
  return {
    category: { code: category.code, name: category.name, survey: category.survey, incomeThreshold: category.incomeThreshold?.value ?? null, periodicity: category.periodicity },
    act: {
      number: rs.act.decision.number,
      date: rs.act.decision.date,
      body: rs.act.body,
      until: rs.act.inForce.until,
      repealed: rs.act.inForce.until !== null && rs.act.inForce.until < today,
      repealedBy: rs.act.repealedBy ? { number: rs.act.repealedBy.number, date: rs.act.repealedBy.date } : null,
    },
    eventDate: lc.eventDate,
    commissionTenge: lc.commissionAmountTiyn === null ? null : lc.commissionAmountTiyn / 100,
    cosigned,
  };
}
