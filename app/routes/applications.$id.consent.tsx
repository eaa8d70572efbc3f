import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnDraft, updateDraft } from "~/application/draft.server";
import { checkOtp, maskPhone, otpStatus, sendOtp } from "~/application/otp.server";
import { getGateway } from "~/gateway.server";
import { getDb } from "~/db.server";
import { getFixedT, getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { consentFields, consentForm } from "~/application/forms";
import { formFields, parseForm } from "~/schemas/form";
import { ApplicationSteps, StepHeading } from "~/components/ApplicationSteps";
import { CsrfInput, ErrorSummary, Field, errorKey, translateError, type FieldErrors } from "~/components/forms";
import { STEPS, stepDone } from "~/domain/application-draft";
import { readForm } from "~/forms.server";
import { formatKzDateTime, formatKzTime } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:steps.consent" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const mobile = await (await getGateway()).getMobileNumber(own.user.iin);
  const { db } = await getDb();
  return {
    // The code already sent survives a reload: its field stays while it is live.
    otp: await otpStatus(db, { iin: own.user.iin, purpose: "documents_consent", now: new Date() }),
    id: own.application.id,
    done: STEPS.filter((s) => stepDone(s, own.draft)),
    phone: mobile ? maskPhone(mobile.phone) : null,
    given: own.draft.consent?.at ?? null,
  };
}

type ActionData = { errors?: FieldErrors; sent?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const { db } = await getDb();
  const now = new Date();
  const mobile = await (await getGateway()).getMobileNumber(own.user.iin);
  if (!mobile) return data<ActionData>({ errors: { code: "apply:errors.noPhone" } }, 400);

  const parsed = parseForm(consentForm, consentFields(formFields(form)));
  if (parsed.ok && parsed.data.intent === "send") {
    const lng = await getLanguage(request);
    const t = await getFixedT(request, "apply");
    const sent = await sendOtp(db, {
      iin: own.user.iin,
      purpose: "documents_consent",
      phone: mobile.phone,
      language: lng,
      render: (code) => t("sms.otpConsent", { code }),
      now,
    });
    if (!sent.ok) return data<ActionData>({ errors: { code: "apply:errors.codeTooSoon" }, sent: true }, 429);
    return data<ActionData>({ sent: true });
  }

  if (!parsed.ok || parsed.data.intent !== "verify") return data<ActionData>({ errors: parsed.ok ? {} : parsed.errors, sent: true }, 400);
  const { code } = parsed.data;
  const check = await checkOtp(db, { iin: own.user.iin, purpose: "documents_consent", code, now });
  if (!check.ok) {
    const message = check.error === "wrong" ? errorKey("apply:errors.codeWrong", { left: check.attemptsLeft }) : "apply:errors.codeExpired";
    return data<ActionData>({ errors: { code: message }, sent: check.error === "wrong" }, 400);
  }
  await updateDraft(own, (d) => ({ ...d, consent: { at: now.toISOString(), phone: check.phone } }));
  return redirect(`/applications/${own.application.id}/review`);
}

export default function ConsentStep() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["apply", "ui"]);
  const errors = actionData?.errors;
  const live = d.otp.live;
  return (
    <>
      <ErrorSummary errors={errors} />
      <ApplicationSteps applicationId={d.id} current="consent" done={d.done} />
      <StepHeading step="consent" />
      <p>{t("consent.intro")}</p>
      {d.given ? <p className="notice">{t("consent.given", { at: formatKzDateTime(d.given) })}</p> : null}
      {!d.phone ? (
        <>
          <p className="notice">{t("consent.noPhone")}</p>
          <p>
            <Link to="/cabinet/phone">{t("consent.addPhone")}</Link>
          </p>
        </>
      ) : (
        <>
          {live ? (
            <p className="notice" role="status">
              {t("ui:consent.live", { phone: d.phone, until: formatKzTime(d.otp.expiresAt!) })}
            </p>
          ) : (
            <p>{t("consent.sendTo", { phone: d.phone })}</p>
          )}
          {live ? (
            <Form method="post" noValidate className="stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="verify" />
              <Field name="code" label={t("consent.code")} hint={t("consent.codeHint")} error={errors?.code} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              <button type="submit" className="button">
                {t("consent.confirm")}
              </button>
            </Form>
          ) : errors?.code ? (
            <p className="error-message" id="code">
              <span className="visually-hidden">{t("common:errors.prefix")} </span>
              {translateError(t, errors.code)}
            </p>
          ) : null}
          {d.otp.resendAt ? (
            <p className="muted">{t("ui:consent.resendAt", { at: formatKzTime(d.otp.resendAt) })}</p>
          ) : (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="send" />
              {live ? <p>{t("ui:consent.resendNow")}</p> : null}
              <button type="submit" className={live ? "button button-secondary" : "button"}>
                {live ? t("ui:consent.resend") : t("consent.send")}
              </button>
            </Form>
          )}
        </>
      )}
    </>
  );
}
