import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCaseAccess } from "~/staff/case.server";
import { recordCaseAccess } from "~/audit/access.server";
import { caseView } from "~/staff/case-view.server";
import { assignSpecialist, assignableSpecialists, returnDraft, sendToCommission } from "~/staff/deciding.server";
import { caseComplaints } from "~/complaints/complaints.server";
import { formValues, invalid, respond, type StepActionData } from "~/staff/respond.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { CsrfInput, ErrorSummary, translateError } from "~/components/forms";
import { formatDate, formatKzDateTime, formatQuarter } from "~/components/dates";
import { formatTiyn } from "~/domain/income";
import type { WorkflowAction } from "~/domain/workflow";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";
import { conclusionKey, decisionKindKey } from "~/notices/decision-kind";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (t, d) => t("deciding:case.title", { number: (d as { registrationNumber?: string } | undefined)?.registrationNumber ?? "" }) };


/** '2026-11' → '11.2026'. */
const monthOf = (ym: string | null) => (ym ? `${ym.slice(5, 7)}.${ym.slice(0, 4)}` : "—");

/** Steps with their own page (more than a button); the rest are buttons here. */
const STEP_PAGES: Partial<Record<WorkflowAction, string>> = {
  record_survey: "survey",
  compute_income: "income",
  draft_decision: "decision",
  sign_decision: "sign",
  request_other_agencies: "agencies",
  // Local social assistance (ADR 022): the special commission's amount, the specialist's signature.
  record_special_commission: "local",
  cosign_decision: "sign",
};
/** The page of a step for this case: the decision form is the one its steps name. */
const stepPage = (a: WorkflowAction, decisionForm: "asp" | "local") => (a === "draft_decision" && decisionForm === "local" ? "decide-local" : STEP_PAGES[a]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id);
  await recordCaseAccess(user, application);
  const lng = await getLanguage(request);
  const view = await caseView(user, application, lng, new Date());
  const specialists = view.actions.includes("assign_specialist")
    ? (await assignableSpecialists(user)).map((s) => ({ id: s.id, name: lng === "kk" ? s.nameKk : s.nameRu }))
    : [];
  return { ...view, specialists, role: user.staff.role, complaints: await caseComplaints(application.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const v = formValues(form, ["intent", "specialistId", "reason"]);
  const ctx = { user, application, now: new Date() };
  switch (v.intent) {
    case "send_to_commission":
      return respond(await sendToCommission(ctx), application.id);
    case "assign_specialist": {
      const id = Number(v.specialistId);
      if (!Number.isSafeInteger(id) || id <= 0) return invalid({ specialistId: "deciding:assign.errors.specialist" }, v);
      return respond(await assignSpecialist(ctx, id), application.id, v);
    }
    case "return_draft":
      if (!v.reason) return invalid({ reason: "deciding:decide.errors.returnReason" }, v);
      return respond(await returnDraft(ctx, v.reason), application.id, v);
    default:
      return invalid({ form: "decision:transitionError.illegal_transition" });
  }
}

export default function CasePage() {
  const d = useLoaderData<typeof loader>();
  const signed = d.status === "decision_signed" || d.status === "notice_delivered";
  const actionData = useActionData<typeof action>() as StepActionData | undefined;
  const { t, i18n } = useTranslation(["deciding", "decision", "apply", "staff", "common", "local"]);
  const lng = i18n.language === "kk" ? "kk" : "ru";
  const errors = actionData?.errors ?? {};
  const steps = d.actions.filter((a) => STEP_PAGES[a]);
  const fieldError = (name: string) =>
    errors[name] ? (
      <span className="error-message" id={`${name}-error`}>
        <span className="visually-hidden">{t("common:errors.prefix")} </span>
        {translateError(t, errors[name]!)}
      </span>
    ) : null;
  return (
    <>
      <p>
        <Link to="/staff">{t("deciding:case.back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t("deciding:case.title", { number: d.registrationNumber })}</h1>
      <p>
        <span className="tag" data-status={d.status}>
          {t(`ui:staffStatus.${d.status}`)}
        </span>
      </p>

      <h2>{t("deciding:case.details")}</h2>
      <dl className="summary">
        <dt>{t("deciding:case.applicant")}</dt>
        <dd>
          {d.applicant.name} ({d.applicant.iin})
        </dd>
        <dt>{t("deciding:case.members")}</dt>
        <dd>
          <ul>
            {d.members.map((m) => (
              <li key={m.iin}>
                {m.name} — {t(`apply:members.relations.${m.relation}`, { defaultValue: m.relation })}
              </li>
            ))}
          </ul>
        </dd>
        {d.familyFlags.added.length || d.familyFlags.leftOut.length ? (
          <>
            <dt>{t("deciding:family.title")}</dt>
            <dd>
              <ul className="family-flags">
                {d.familyFlags.added.map((f) => (
                  <li key={`a${f.iin}`}>{t("deciding:family.added", { name: f.name, iin: f.iin, relation: t(`apply:members.relations.${f.declaredRelation}`, { defaultValue: f.declaredRelation }) })}</li>
                ))}
                {d.familyFlags.leftOut.map((f) => (
                  <li key={`l${f.iin}`}>{t("deciding:family.leftOut", { name: f.name, iin: f.iin, role: t(`deciding:family.role.${f.registryRole ?? "none"}`) })}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t("apply:status.channel")}</dt>
        <dd>{t(`apply:channels.${d.channel}`)}</dd>
        {d.paper ? (
          <>
            <dt>{t("intake:talon.acceptedBy")}</dt>
            <dd>{d.paper.acceptedBy ?? "—"}</dd>
            <dt>{t("intake:case.scans")}</dt>
            <dd>
              <ul>
                {d.paper.scans.map((x) => (
                  <li key={x.id}>
                    <a href={`/scans/${x.id}`}>
                      {t("intake:page.scanRow", { kind: t(`intake:page.scanKinds.${x.kind}`), name: x.fileName, size: Math.ceil(x.sizeBytes / 1024), hash: x.sha256.slice(0, 16) })}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t("deciding:case.applicationDate")}</dt>
        <dd>{d.applicationDate ? formatDate(d.applicationDate) : "—"}</dd>
        <dt>{t("deciding:case.dueDate")}</dt>
        <dd>
          {d.dueDate ? formatDate(d.dueDate) : "—"}
          {d.daysLeft !== null ? (
            <span className={d.daysLeft < 0 ? "tag tag-error" : "muted"}>
              {" "}
              {d.daysLeft < 0 ? t("deciding:journal.overdueBy", { count: -d.daysLeft }) : d.daysLeft === 0 ? t("deciding:journal.dueToday") : t("deciding:journal.daysLeft", { count: d.daysLeft })}
            </span>
          ) : null}
        </dd>
        <dt>{t("deciding:case.settlement")}</dt>
        <dd>{d.katoCode}</dd>
        <dt>{t("deciding:case.assignee")}</dt>
        <dd>{d.assignee?.name ?? t("deciding:case.notAssigned")}</dd>
      </dl>

      <section aria-labelledby="actions-heading" id="form">
        <h2 id="actions-heading">{t("deciding:case.yourActions")}</h2>
        {d.final ? <p>{t("deciding:case.done")}</p> : null}
        {!d.final && d.actions.length === 0 ? (
          <>
            <p>{t("deciding:case.noActions")}</p>
            <p className="muted">{t("deciding:case.waitingFor", { roles: d.waitingFor.map((r) => t(`deciding:roles.${r}`)).join(", ") })}</p>
          </>
        ) : null}
        {steps.length ? (
          <ul className="actions">
            {steps.map((a) => (
              <li key={a}>
                <Link className="button" to={`/staff/cases/${d.id}/${stepPage(a, d.steps.decisionForm)}`}>
                  {t(`decision:action.${a}`)}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {d.actions.includes("send_to_commission") ? (
          <Form method="post">
            <CsrfInput />
            <p>{t("deciding:case.send.confirm")}</p>
            <button type="submit" name="intent" value="send_to_commission" className="button">
              {t("decision:action.send_to_commission")}
            </button>
          </Form>
        ) : null}
        {d.actions.includes("assign_specialist") ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <div className={`field${errors.specialistId ? " field-error" : ""}`}>
              <label htmlFor="specialistId">{t("deciding:assign.specialist")}</label>
              {fieldError("specialistId")}
              <select id="specialistId" name="specialistId" defaultValue={d.assignee?.id ?? ""} aria-describedby={errors.specialistId ? "specialistId-error" : undefined}>
                <option value="">—</option>
                {d.specialists.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="assign_specialist" className="button">
              {t("decision:action.assign_specialist")}
            </button>
          </Form>
        ) : null}
        {d.actions.includes("return_draft") ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <div className={`field${errors.reason ? " field-error" : ""}`}>
              <label htmlFor="reason">{t("deciding:decide.returnReason")}</label>
              {fieldError("reason")}
              <textarea id="reason" name="reason" rows={3} aria-describedby={errors.reason ? "reason-error" : undefined} />
            </div>
            <button type="submit" name="intent" value="return_draft" className="button button-secondary">
              {t("decision:action.return_draft")}
            </button>
          </Form>
        ) : null}
      </section>

      {d.local ? (
        <section aria-labelledby="local-heading" data-testid="local-case">
          <h2 id="local-heading">{t("local:case.title")}</h2>
          {d.local.act.repealed ? (
            <p className="notice-warning" role="note">
              {t("local:case.repealed", { number: d.local.act.number, until: formatDate(d.local.act.until!) })}
            </p>
          ) : null}
          <dl className="summary">
            <dt>{t("local:case.act")}</dt>
            <dd>{t("local:case.actValue", { body: d.local.act.body[lng], number: d.local.act.number, date: formatDate(d.local.act.date) })}</dd>
            <dt>{t("local:case.category")}</dt>
            <dd>
              {t("local:page.code", { code: d.local.category.code })}. {d.local.category.name[lng]}
            </dd>
            <dt>{t("local:case.steps")}</dt>
            <dd>
              {[
                d.steps.survey ? t("local:case.stepSurvey") : t("local:case.noSurvey"),
                d.local.category.incomeThreshold !== null ? t("local:case.stepIncome", { pm: d.local.category.incomeThreshold }) : t("local:case.noIncome"),
                t("local:case.stepCommission"),
                t("local:case.stepSigners"),
              ].join("; ")}
            </dd>
            {d.local.eventDate ? (
              <>
                <dt>{t("local:case.eventDate")}</dt>
                <dd>{formatDate(d.local.eventDate)}</dd>
              </>
            ) : null}
            {/* Once the decision is signed the commission's step is over: a refusal needs no amount. */}
            {d.local.commissionTenge !== null || !signed ? (
              <>
                <dt>{t("local:commission.title")}</dt>
                <dd data-testid="commission-amount">
                  {d.local.commissionTenge !== null ? t("local:commission.recorded", { tenge: formatTiyn(d.local.commissionTenge * 100) }) : t("local:case.noCommission")}{" "}
                  {signed ? null : <Link to={`/staff/cases/${d.id}/local`}>{t("local:case.commissionLink")}</Link>}
                </dd>
              </>
            ) : null}
            {d.local.cosigned ? (
              <>
                <dt>{t("local:case.cosigned")}</dt>
                <dd data-testid="cosigned">{t("local:case.cosignedBy", { name: d.local.cosigned.name ?? "", at: formatKzDateTime(d.local.cosigned.at) })}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {d.survey ? (
        <section aria-labelledby="survey-heading">
          <h2 id="survey-heading">{t("deciding:survey.title")}</h2>
          <dl className="summary">
            <dt>{t("deciding:survey.surveyedOn")}</dt>
            <dd>{formatDate(d.survey.surveyedOn)}</dd>
            <dt>{t("deciding:survey.membersPresent")}</dt>
            <dd>{d.survey.membersPresent}</dd>
            <dt>{t("deciding:survey.livingConditions")}</dt>
            <dd>{d.survey.livingConditions}</dd>
            <dt>{t("deciding:survey.propertySeen")}</dt>
            <dd>{d.survey.propertySeen}</dd>
            <dt>{t("deciding:survey.conclusion")}</dt>
            <dd>
              <strong>{t(conclusionKey(d.service, d.survey.conclusion))}</strong>
            </dd>
            {d.survey.notes ? (
              <>
                <dt>{t("deciding:survey.notes")}</dt>
                <dd>{d.survey.notes}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {d.calculation ? (
        <section aria-labelledby="income-heading">
          <h2 id="income-heading">{t("decision:income.title")}</h2>
          <p>{t("decision:income.quarter", formatQuarter({ from: d.calculation.quarterFrom, to: d.calculation.quarterTo }))}</p>
          <p>
            {t("decision:income.formula", {
              total: formatTiyn(d.calculation.totalTenge * 100),
              members: d.calculation.members,
              perCapita: formatTiyn(d.calculation.perCapitaTiyn),
            })}
          </p>
          {d.local ? (
            <p data-testid="income-threshold">
              {t(d.calculation.lowIncome ? "local:case.incomeWithin" : "local:case.incomeAbove", {
                perCapita: formatTiyn(d.calculation.perCapitaTiyn),
                threshold: formatTiyn(d.calculation.povertyLineTenge * 100),
                pm: d.local.category.incomeThreshold,
                year: d.calculation.povertyYear,
              })}
            </p>
          ) : (
          <p>
            {d.calculation.lowIncome && d.calculation.amountTiyn > 0
              ? t("decision:amount.formula", {
                  povertyLine: formatTiyn(d.calculation.povertyLineTenge * 100),
                  perCapita: formatTiyn(d.calculation.perCapitaTiyn),
                  members: d.calculation.members,
                  amount: formatTiyn(d.calculation.amountTiyn),
                })
              : d.calculation.lowIncome
                ? t("decision:amount.atLine")
                : t("decision:amount.aboveLine")}
          </p>
          )}
        </section>
      ) : null}

      {d.decision ? (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t("deciding:decide.current")}</h2>
          <p>
            <strong>{t(decisionKindKey(d.service, d.decision.kind))}</strong>
          </p>
          {d.decision.kind === "assignment" ? (
            <>
              <p>{t("decision:assignment.amount", { amount: formatTiyn(d.decision.amountTiyn ?? 0) })}</p>
              <p>{t("decision:assignment.period", { from: monthOf(d.decision.periodFrom), to: monthOf(d.decision.periodTo) })}</p>
            </>
          ) : (
            <ul>
              {d.decision.grounds.map((g) => (
                <li key={g}>{d.local ? t(`local:refusal.${g}`) : t(`decision:ground.${g}.plain`)}</li>
              ))}
            </ul>
          )}
          {d.notice ? (
            <p>
              <Link to={`/notices/${d.notice.id}`}>{t("deciding:notice.pageTitle", { number: d.registrationNumber })}</Link>
            </p>
          ) : null}
          {d.notice && d.decision.kind === "assignment" ? (
            <p>
              <Link to={`/staff/cases/${d.id}/payments`}>{t("payments:terminate.link")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">{t("deciding:agencies.title")}</h2>
        {d.requests.length ? (
          <ul>
            {d.requests.map((r) => (
              <li key={r.id}>
                {t("deciding:agencies.item", {
                  agency: r.agency,
                  date: formatDate(r.requestedOn),
                  days: r.extendedDays,
                  before: formatDate(r.dueBefore),
                  after: formatDate(r.dueAfter),
                })}{" "}
                {r.notifiedAt ? (
                  <span className="muted">
                    {t("deciding:agencies.notified", { date: formatKzDateTime(r.notifiedAt) })}
                    {r.signerName ? ` · ${t("complaints:extension.signed", { name: r.signerName })}` : null}
                  </span>
                ) : (
                  <>
                    <strong className={r.notifyBy < d.today ? "tag tag-error" : "tag"}>{t("deciding:agencies.notNotified", { date: formatDate(r.notifyBy) })}</strong>
                    {d.role === "head" ? (
                      <>
                        {" "}
                        <Link to={`/staff/cases/${d.id}/extension/${r.id}`} className="button">
                          {t("complaints:extension.signLink")}
                        </Link>
                      </>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("deciding:agencies.none")}</p>
        )}
      </section>

      {d.complaints.length ? (
        <section aria-labelledby="complaints-heading">
          <h2 id="complaints-heading">{t("complaints:staff.caseComplaints")}</h2>
          <ul>
            {d.complaints.map((c) => (
              <li key={c.id}>
                <Link to={`/staff/complaints/${c.id}`}>{c.number}</Link> — {t(`complaints:status.${c.status}`)}, {t("complaints:cabinet.due", { date: formatDate(c.answerDue) })}{" "}
                {c.overdue ? <span className="tag tag-error">{t("complaints:staff.overdue")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("deciding:case.timeline")}</h2>
        <ol className="timeline">
          {d.timeline.map((e) => (
            <li key={e.id}>
              <strong>{t(`decision:action.${e.action}`)}</strong> <span className="muted">{formatKzDateTime(e.at)}</span>
              <br />
              {t(`ui:staffStatus.${e.from}`)} → {t(`ui:staffStatus.${e.to}`)}
              <br />
              <span className="muted">
                {t("deciding:case.by", {
                  who: e.actorKind === "staff" ? `${e.who} (${t(`staff:roles.${e.actorRole}`)})` : e.actorKind === "applicant" ? t("deciding:case.byApplicant") : t("deciding:case.bySystem"),
                })}
              </span>
              {e.reason ? <p>{t("deciding:case.reason", { reason: e.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
