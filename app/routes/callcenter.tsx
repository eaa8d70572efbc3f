import { Fragment, useEffect, useState } from "react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { consoleAction, consoleLoader } from "~/callcenter/console.server";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { formatDate, formatKzDateTime } from "~/components/dates";
import { FIELD_ORDER, iinWhileTyping } from "~/callcenter/lookup-form";
import { describePayment } from "~/payments/lookup";
import type { Message, ShownApplication, ShownComplaint, ShownGrant, ShownOffer, ShownSummary } from "~/callcenter/summary";
import { formatTenge } from "~/lists/rules";
import { summaryAdvice } from "~/callcenter/advice";
import { renderMessage } from "~/callcenter/present";
import { supportedLanguages, type Language } from "../../locales";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "callcenter:console.title" };

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const loader = ({ request }: LoaderFunctionArgs) => consoleLoader(request);
export const action = ({ request }: ActionFunctionArgs) => consoleAction(request);

/** A refused look-up tells the browser (and any script) when to try again. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export default function CallcenterConsole() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("callcenter");
  const navigation = useNavigation();
  const values = a?.values;
  // Once the agent edits the IIN, what they type decides its message until the next submission.
  const [typed, setTyped] = useState<{ error?: string } | null>(null);
  useEffect(() => setTyped(null), [a]);
  const errors = { ...(a?.errors ?? {}) } as Record<string, string | undefined>;
  if (typed) errors.iin = typed.error;
  const speakDefault = values?.speak || d.speak;

  return (
    <>
      <h1>{t("console.title")}</h1>
      <p className="lead">{t("console.lead")}</p>
      {a?.rateLimited ? (
        <div className="error-summary" role="alert" aria-labelledby="rate-limited-title" tabIndex={-1}>
          <h2 id="rate-limited-title">{t("console.rateLimitedTitle")}</h2>
          <p>{t("console.rateLimited", { limit: a.rateLimited.limit, seconds: a.rateLimited.seconds })}</p>
        </div>
      ) : null}
      <ErrorSummary errors={a?.errors} order={FIELD_ORDER} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field
          name="callReference"
          label={t("console.callReference")}
          hint={t("console.callReferenceHint")}
          error={errors.callReference}
          defaultValue={values?.callReference ?? d.result?.callReference ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
        />
        {/* The agent sees a wrong IIN while typing; the server checks it again either way. */}
        <div onChange={(e) => { const target = e.target as HTMLInputElement; if (target.name === "iin") setTyped({ error: iinWhileTyping(target.value) }); }}>
          <Field
            name="iin"
            label={t("console.iin")}
            hint={t("console.iinHint")}
            error={errors.iin}
            defaultValue={values?.iin ?? ""}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
          />
        </div>
        <Field
          name="number"
          label={t("console.number")}
          hint={t("console.numberHint")}
          error={errors.number}
          defaultValue={values?.number ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
        />
        <fieldset className="field">
          <legend>{t("console.speak")}</legend>
          {supportedLanguages.map((l) => (
            <div className="radio" key={l}>
              <input type="radio" id={`speak-${l}`} name="speak" value={l} defaultChecked={speakDefault === l} />
              <label htmlFor={`speak-${l}`} lang={l}>
                {t(`language.${l}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("console.submit")}
          </button>
          <Link to="/callcenter/history">{t("console.history")}</Link>
          <Link to="/callcenter/complaint">{t("complaints:callcenter.link")}</Link>
        </div>
      </Form>

      {d.resultGone ? <p className="notice">{t("console.resultGone", { minutes: d.resultMinutes })}</p> : null}
      {d.result ? <Answer result={d.result} speak={d.speak} /> : null}
    </>
  );
}

type Result = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["result"]>;

/** The answer, in the caller's language: chosen per look-up, independent of the page's language. */
function Answer({ result, speak }: { result: Result; speak: Language }) {
  const { t } = useTranslation(["callcenter", "decision", "apply", "payments", "complaints", "services"], { lng: speak });
  const summary = result.summary as ShownSummary;
  const advice = summaryAdvice(summary);
  const query = t(result.query.kind === "iin" ? "result.queryIin" : "result.queryNumber", { value: result.query.shown });
  return (
    <section aria-labelledby="answer-heading" lang={speak} className="stack" data-testid="answer">
      <h2 id="answer-heading">{t("result.heading")}</h2>
      <p className="muted">{t("result.asked", { query, call: result.callReference, at: formatKzDateTime(result.at) })}</p>
      <nav aria-label={t("result.speakIn")}>
        <span>{t("result.speakIn")}: </span>
        {supportedLanguages.map((l, i) => (
          <span key={l}>
            {i > 0 ? " · " : null}
            {l === speak ? (
              <strong aria-current="true" lang={l}>
                {t(`language.${l}`, { lng: l })}
              </strong>
            ) : (
              <a href={`/callcenter?lookup=${result.id}&speak=${l}`} lang={l} hrefLang={l}>
                {t(`language.${l}`, { lng: l })}
              </a>
            )}
          </span>
        ))}
      </nav>
      {!summary.subject ? (
        <p className="notice">{t("result.notFound")}</p>
      ) : (
        <>
          <p className="lead">
            {summary.subject.initials[speak] ? t("result.subject", { initials: summary.subject.initials[speak] }) : t("result.subjectUnknown")}
          </p>
          <h3>{t("result.applications")}</h3>
          {summary.applications.length ? summary.applications.map((app, i) => <ApplicationCard key={i} app={app} advice={advice.applications[i]!} t={t} speak={speak} />) : <p>{t("result.noApplications")}</p>}
          {summary.grants ? (
            <>
              <h3>{t("result.grants")}</h3>
              {summary.grants.length ? summary.grants.map((g, i) => <GrantCard key={g.number} grant={g} advice={advice.grants[i]!} t={t} speak={speak} />) : <p>{t("result.noGrants")}</p>}
            </>
          ) : null}
          <h3>{t("result.offers")}</h3>
          {summary.offers.length ? summary.offers.map((offer, i) => <OfferCard key={i} offer={offer} advice={advice.offers[i]!} t={t} />) : <p>{t("result.noOffers")}</p>}
          <h3>{t("complaints:result.complaints")}</h3>
          {summary.complaints?.length ? (
            summary.complaints.map((c, i) => <ComplaintCard key={c.number} complaint={c} advice={advice.complaints[i]!} t={t} />)
          ) : (
            <p>{t("complaints:result.noComplaints")}</p>
          )}
          {summary.payment ? (
            <>
              <h3>{t("payments:cabinet.title")}</h3>
              <p data-testid="payment-status">{describePayment(summary.payment, (key, o) => t(`payments:${key}`, o))}</p>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

type T = (key: string, params?: Record<string, unknown>) => string;

function ApplicationCard({ app, advice, t, speak }: { app: ShownApplication; advice: Message[]; t: T; speak: Language }) {
  return (
    <article className="card" data-kind="application" data-status={app.status} data-service={app.service ?? "asp"}>
      <h4>
        {t("result.number")}: {app.number ?? t("result.noNumber")}
      </h4>
      <dl className="summary">
        <dt>{t("result.service")}</dt>
        <dd>{t(`services:${app.service ?? "asp"}.title`)}</dd>
        {app.local ? (
          <>
            <dt>{t("result.category")}</dt>
            <dd>{t("result.categoryValue", { code: app.local.code, name: app.local.name[speak] })}</dd>
          </>
        ) : null}
        <dt>{t("result.status")}</dt>
        <dd>
          <span className={`tag${app.status === "rejected_at_check" ? " tag-error" : ""}`}>{t(`ui:staffStatus.${app.status}`)}</span>
        </dd>
        {app.stage ? (
          <>
            <dt>{t("result.stage")}</dt>
            <dd>{t("result.stageOf", { step: app.stage.step, of: app.stage.of })}</dd>
          </>
        ) : null}
        <dt>{t("result.channel")}</dt>
        <dd>{t(`apply:channels.${app.channel}`)}</dd>
        <dt>{t("result.applicationDate")}</dt>
        <dd>{app.applicationDate ? formatDate(app.applicationDate) : "—"}</dd>
        <dt>{t("result.dueDate")}</dt>
        <dd>
          {app.dueDate ? formatDate(app.dueDate) : "—"}{" "}
          {app.dueDate ? (
            <span className={`tag ${app.overdue ? "tag-error" : "tag-ok"}`} data-overdue={app.overdue}>
              {t(app.overdue ? "result.overdue" : "result.onTime")}
            </span>
          ) : null}
        </dd>
        {app.account ? (
          <>
            <dt>{t("result.account")}</dt>
            <dd>{app.account}</dd>
          </>
        ) : null}
        <dt>{t("result.next")}</dt>
        <dd>
          {advice.map((m, i) => (
            <p key={i}>{renderMessage(t, m)}</p>
          ))}
        </dd>
      </dl>
    </article>
  );
}

/** A holiday or by-list decision (issue 14): no application, paid by list. */
function GrantCard({ grant: g, advice, t, speak }: { grant: ShownGrant; advice: Message; t: T; speak: Language }) {
  return (
    <article className="card" data-kind="grant" data-number={g.number}>
      <h4>{t("result.grantTitle", { number: g.number, what: g.what[speak] })}</h4>
      <dl className="summary">
        <dt>{t("result.grantDecided")}</dt>
        <dd>{formatDate(g.decidedOn)}</dd>
        {g.lines.map((l, i) => (
          <Fragment key={i}>
            <dt>{l.name[speak]}</dt>
            <dd>{t("result.tenge", { amount: formatTenge(l.amountTenge) })}</dd>
          </Fragment>
        ))}
        <dt>{t("result.grantTotal")}</dt>
        <dd>{t("result.tenge", { amount: formatTenge(g.totalTenge) })}</dd>
        <dt>{t("result.grantPayment")}</dt>
        <dd>{formatDate(g.paymentDate)}</dd>
        <dt>{t("result.next")}</dt>
        <dd>
          <p>{renderMessage(t, advice)}</p>
        </dd>
      </dl>
    </article>
  );
}

function OfferCard({ offer, advice, t }: { offer: ShownOffer; advice: Message; t: T }) {
  return (
    <article className="card" data-kind="offer" data-answer={offer.answer} data-delivery={offer.delivery}>
      <h4>{t("result.offerTitle", { date: formatKzDateTime(offer.sentAt) })}</h4>
      <dl className="summary">
        <dt>{t("result.offerDelivery")}</dt>
        <dd>
          <span className={`tag${offer.delivery === "not_delivered" ? " tag-error" : ""}`}>{t(`offer.delivery.${offer.delivery}`)}</span>
        </dd>
        <dt>{t("result.offerAnswer")}</dt>
        <dd>
          <span className="tag">{t(`offer.answer.${offer.answer}`)}</span>
        </dd>
        <dt>{t("result.stage")}</dt>
        <dd>{t(`offer.stage.${offer.stage}`)}</dd>
        {offer.replyBy ? (
          <>
            <dt>{t("result.offerReplyBy")}</dt>
            <dd>{formatKzDateTime(offer.replyBy)}</dd>
          </>
        ) : null}
        {offer.registrationNumber ? (
          <>
            <dt>{t("result.offerRegistration")}</dt>
            <dd>{offer.registrationNumber}</dd>
          </>
        ) : null}
        {offer.account ? (
          <>
            <dt>{t("result.account")}</dt>
            <dd>{offer.account}</dd>
          </>
        ) : null}
        <dt>{t("result.next")}</dt>
        <dd>
          <p>{renderMessage(t, advice)}</p>
        </dd>
      </dl>
    </article>
  );
}

function ComplaintCard({ complaint: c, advice, t }: { complaint: ShownComplaint; advice: Message; t: T }) {
  return (
    <article className="card" data-kind="complaint" data-status={c.status}>
      <h4>{t("complaints:cabinet.open", { number: c.number })}</h4>
      <dl className="summary">
        <dt>{t("complaints:talon.case")}</dt>
        <dd>{c.registrationNumber}</dd>
        <dt>{t("complaints:talon.status")}</dt>
        <dd>
          <span className={`tag${c.overdue ? " tag-error" : ""}`}>{t(`complaints:status.${c.status}`)}</span>
        </dd>
        <dt>{t("complaints:talon.channel")}</dt>
        <dd>{t(`complaints:channel.${c.channel}`)}</dd>
        <dt>{t("complaints:talon.answerDue")}</dt>
        <dd>{formatDate(c.answerDue)}</dd>
        {c.answer ? (
          <>
            <dt>{t("complaints:result.answer")}</dt>
            <dd className="prewrap" data-testid="callcenter-complaint-answer">
              {c.answer}
            </dd>
          </>
        ) : null}
        <dt>{t("result.next")}</dt>
        <dd>
          <p>{renderMessage(t, advice)}</p>
        </dd>
      </dl>
    </article>
  );
}
