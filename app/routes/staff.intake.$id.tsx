import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  addScan, confirmIncomes, consentOnPaper, forwardToDistrict, intakeView, registerIntake, requireOwnIntake, saveFamily, savePayment,
  sendConsentCode, verifyConsentCode,
} from "~/intake/intake.server";
import { MAX_SCAN_BYTES } from "~/intake/limits";
import { consentVerifyForm, incomesForm, paymentForm, scanForm, intakeIntentForm } from "~/intake/forms";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { getLanguage } from "~/i18n.server";
import { CsrfInput, ErrorSummary, Field, Choices, translateError, type FieldErrors } from "~/components/forms";
import { formatDate, formatKzDateTime } from "~/components/dates";
import type { CheckFailure } from "~/domain/seven-one";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "intake:page.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnIntake(request, params.id);
  return intakeView(own, await getLanguage(request));
}

type ActionData = { errors: FieldErrors; failures?: CheckFailure[] };

const fail = (errors: FieldErrors, status = 400, failures?: CheckFailure[]) => data<ActionData>({ errors, failures }, status);

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnIntake(request, params.id);
  // A scan larger than the limit is refused before its body is read.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_SCAN_BYTES + 64 * 1024) return fail({ file: "intake:errors.uploadTooLarge" }, 413);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const here = `/staff/intake/${own.application.id}`;
  const posted = parseForm(intakeIntentForm, form);
  const intent = posted.ok ? posted.data.intent : null;
  let result: { ok: true } | { ok: false; errors: FieldErrors; status?: number; failures?: CheckFailure[] };
  switch (intent) {
    case "family":
      result = await saveFamily(own, form.getAll("member").filter((v): v is string => typeof v === "string"));
      break;
    case "incomes": {
      const parsed = parseForm(incomesForm, form);
      result = parsed.ok ? await confirmIncomes(own) : { ok: false, errors: parsed.errors };
      break;
    }
    case "payment": {
      const parsed = parseForm(paymentForm, form);
      result = parsed.ok ? await savePayment(own, parsed.data.iban) : { ok: false, errors: parsed.errors };
      break;
    }
    case "scan": {
      const parsed = parseForm(scanForm, form);
      const file = form.get("file");
      if (!parsed.ok) result = { ok: false, errors: parsed.errors };
      else if (!file || typeof file === "string" || file.size === 0) result = { ok: false, errors: { file: "intake:errors.scan.empty" } };
      else result = await addScan(own, parsed.data.kind, file);
      break;
    }
    case "consent_paper":
      result = await consentOnPaper(own);
      break;
    case "consent_send":
      result = await sendConsentCode(own);
      break;
    case "consent_verify": {
      const parsed = parseForm(consentVerifyForm, form);
      result = parsed.ok ? await verifyConsentCode(own, parsed.data.code) : { ok: false, errors: parsed.errors };
      break;
    }
    case "register": {
      const registered = await registerIntake(own);
      if (registered.ok) return redirect(`${here}/talon`);
      result = registered;
      break;
    }
    case "forward":
      result = await forwardToDistrict(own);
      break;
    default:
      result = { ok: false, errors: { form: "intake:errors.intent" } };
  }
  if (!result.ok) return fail(result.errors, result.status ?? 400, result.failures);
  return redirect(here);
}

export default function IntakePage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["intake", "apply", "services", "ui"]);
  const e = a?.errors ?? {};
  const editable = d.status === "draft" || d.status === "rejected_at_check";
  const failures = a?.failures ?? (d.status === "rejected_at_check" ? d.checkFailures : []);
  return (
    <>
      <ErrorSummary errors={e} order={["form", "member", "confirmed", "iban", "kind", "file", "consent", "code"]} />
      <h1 id="form" tabIndex={-1}>{d.registrationNumber ? `${t("intake:page.title")} № ${d.registrationNumber}` : t("intake:page.title")}</h1>
      <section aria-labelledby="applicant-heading">
        <h2 id="applicant-heading">{t("intake:page.applicant")}</h2>
        <dl className="summary">
          <dt>{t("intake:page.name")}</dt>
          <dd>{d.applicant.name}</dd>
          <dt>{t("intake:page.iin")}</dt>
          <dd>{d.applicant.iin}</dd>
          <dt>{t("intake:page.service")}</dt>
          <dd>{t(d.serviceNameKey)}</dd>
          <dt>{t("intake:page.channel")}</dt>
          <dd>{t(`apply:channels.${d.channel}`)}</dd>
          <dt>{t("intake:page.smsLanguage")}</dt>
          <dd>{d.smsLanguage ? t(`intake:languages.${d.smsLanguage}`) : "—"}</dd>
          <dt>{t("intake:list.status")}</dt>
          <dd>{t(`ui:staffStatus.${d.status}`)}</dd>
        </dl>
      </section>

      {failures.length ? (
        <section aria-labelledby="checks-heading" className="panel panel-error">
          <h2 id="checks-heading">{t("intake:page.checksHeading")}</h2>
          <ul>
            {failures.map((f, i) => (
              <li key={i}>{t(`apply:checks.reasons.${f.reason}`, f.params ?? {})}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.registrationNumber ? <Registered d={d} /> : null}

      {editable ? (
        <>
          <section aria-labelledby="family-heading">
            <h2 id="family-heading">{t("intake:page.familyHeading")}</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="family" />
              {d.household.length ? (
                <Choices
                  name="member"
                  type="checkbox"
                  legend={t("intake:page.familyHeading")}
                  hint={t("intake:page.familyHint")}
                  error={e.member}
                  checked={d.household.filter((m) => m.chosen).map((m) => m.iin)}
                  options={d.household.map((m) => ({ value: m.iin, label: `${m.name} (${m.iin}) — ${t(`apply:members.relations.${m.relation}`)}` }))}
                />
              ) : (
                <p id="member">{t("intake:page.familyNone")}</p>
              )}
              <button type="submit" className="button button-secondary">
                {t("intake:page.familySave")}
              </button>
              {d.membersConfirmed ? <p className="tag">{t("intake:page.familyDone")}</p> : null}
            </Form>
          </section>

          <section aria-labelledby="incomes-heading">
            <h2 id="incomes-heading">{t("intake:page.incomesHeading")}</h2>
            {d.incomesConfirmed ? (
              <p className="tag">{t("intake:page.incomesDone")}</p>
            ) : (
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="incomes" />
                <div className={`field${e.confirmed ? " field-error" : ""}`}>
                  <div className="checkbox">
                    <input type="checkbox" id="confirmed" name="confirmed" value="1" />
                    <label htmlFor="confirmed">{t("intake:page.incomesLabel")}</label>
                  </div>
                </div>
                <button type="submit" className="button button-secondary">
                  {t("intake:page.incomesSave")}
                </button>
              </Form>
            )}
          </section>

          <section aria-labelledby="payment-heading">
            <h2 id="payment-heading">{t("intake:page.paymentHeading")}</h2>
            {d.payment ? <p className="tag">{t("intake:page.paymentDone", { iban: d.payment })}</p> : null}
            {d.accounts.length ? null : <p>{t("intake:page.paymentNone")}</p>}
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="payment" />
              <Field name="iban" label={t("intake:page.paymentIban")} hint={t("intake:page.paymentHint")} error={e.iban} defaultValue={d.payment ?? d.accounts[0]?.iban ?? ""} maxLength={40} autoComplete="off" spellCheck={false} />
              <button type="submit" className="button button-secondary">
                {t("intake:page.paymentSave")}
              </button>
            </Form>
          </section>
        </>
      ) : null}

      <section aria-labelledby="scans-heading">
        <h2 id="scans-heading">{t("intake:page.scansHeading")}</h2>
        {d.scans.length ? (
          <ul>
            {d.scans.map((s) => (
              <li key={s.id}>
                <a href={`/scans/${s.id}`}>
                  {t("intake:page.scanRow", { kind: t(`intake:page.scanKinds.${s.kind}`), name: s.fileName, size: Math.ceil(s.sizeBytes / 1024), hash: s.sha256.slice(0, 16) })}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("intake:page.scanNone")}</p>
        )}
        {editable ? (
          <Form method="post" encType="multipart/form-data" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="scan" />
            <Choices
              name="kind"
              legend={t("intake:page.scanKind")}
              error={e.kind}
              checked={["document"]}
              options={[
                { value: "document", label: t("intake:page.scanKinds.document") },
                { value: "consent", label: t("intake:page.scanKinds.consent") },
              ]}
            />
            <div className={`field${e.file ? " field-error" : ""}`}>
              <label htmlFor="file">{t("intake:page.scanFile")}</label>
              <span className="hint" id="file-hint">
                {t("intake:page.scansHint")}
              </span>
              {e.file ? (
                <span className="error-message" id="file-error">
                  {translateError(t, e.file)}
                </span>
              ) : null}
              <input type="file" id="file" name="file" accept="application/pdf,image/jpeg,image/png" aria-describedby={e.file ? "file-hint file-error" : "file-hint"} />
            </div>
            <button type="submit" className="button button-secondary">
              {t("intake:page.scanUpload")}
            </button>
          </Form>
        ) : null}
      </section>

      {editable ? (
        <>
          <section aria-labelledby="consent-heading">
            <h2 id="consent-heading">{t("intake:page.consentHeading")}</h2>
            <p>{t("intake:page.consentHint")}</p>
            {d.consent ? (
              <p className="tag">{t("intake:page.consentDone", { method: t(`intake:page.consentMethods.${d.consent.method}`), at: formatKzDateTime(d.consent.at) })}</p>
            ) : null}
            <Form method="post" noValidate id="consent">
              <CsrfInput />
              <input type="hidden" name="intent" value="consent_paper" />
              <button type="submit" className="button button-secondary">
                {t("intake:page.consentPaper")}
              </button>
            </Form>
            {d.phone ? (
              <>
                <Form method="post" noValidate>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="consent_send" />
                  <button type="submit" className="button button-secondary">
                    {t("intake:page.consentSend", { phone: d.phone })}
                  </button>
                </Form>
                {d.otp.live || e.code ? (
                  <Form method="post" noValidate>
                    <CsrfInput />
                    <input type="hidden" name="intent" value="consent_verify" />
                    {d.otp.live ? <p>{t("intake:page.consentSent")}</p> : null}
                    <Field name="code" label={t("intake:page.consentCode")} hint={t("intake:page.consentCodeHint")} error={e.code} inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
                    <button type="submit" className="button button-secondary">
                      {t("intake:page.consentVerify")}
                    </button>
                  </Form>
                ) : null}
              </>
            ) : (
              <p>{t("intake:page.consentNoPhone")}</p>
            )}
          </section>

          <section aria-labelledby="register-heading">
            <h2 id="register-heading">{t("intake:page.registerHeading")}</h2>
            <p>{t("intake:page.registerHint")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="register" />
              <button type="submit" className="button">
                {t("intake:page.register")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>;

function Registered({ d }: { d: View }) {
  const { t } = useTranslation(["intake", "apply"]);
  return (
    <section aria-labelledby="registered-heading">
      <h2 id="registered-heading">{t("intake:page.registeredHeading")}</h2>
      <dl className="summary">
        <dt>{t("intake:talon.number")}</dt>
        <dd>{d.registrationNumber}</dd>
        <dt>{t("intake:talon.due")}</dt>
        <dd>{d.dueDate ? formatDate(d.dueDate) : "—"}</dd>
        {d.registrar ? (
          <>
            <dt>{t("intake:page.registeredBy")}</dt>
            <dd>{d.registrar.name}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/staff/intake/${d.id}/talon`}>{t("intake:page.printTalon")}</Link>
      </p>
      {d.channel === "akim" ? (
        <>
          <h3>{t("intake:page.forwardHeading")}</h3>
          {d.forwarded ? (
            <p className="tag">{t("intake:page.forwarded", { at: formatKzDateTime(d.forwarded.at), name: d.forwarded.name ?? "" })}</p>
          ) : d.role === "akim" && d.status === "registered" ? (
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="forward" />
              <p>{t("intake:page.forwardHint")}</p>
              <button type="submit" className="button">
                {t("intake:page.forward")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
      <h3>{t("intake:page.noticeHeading")}</h3>
      {d.noticeId ? (
        <p>
          <Link to={`/notices/${d.noticeId}/print`}>{t("intake:page.printNotice")}</Link>
        </p>
      ) : (
        <p>{t("intake:page.noticeNone")}</p>
      )}
    </section>
  );
}
