import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { getDb } from "~/db.server";
import { getGateway } from "~/gateway.server";
import { getFixedT, getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { maskPhone, sendOtp } from "~/application/otp.server";
import { confirmMobileNumber } from "~/cabinet/phone.server";
import { phoneFields, phoneForm } from "~/schemas/cabinet";
import { formFields, parseForm } from "~/schemas/form";
import { normalizeKzMobile } from "~/domain/phone";
import { CsrfInput, ErrorSummary, Field, errorKey, type FieldErrors } from "~/components/forms";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "cabinet:phone.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  const mobile = await (await getGateway()).getMobileNumber(user.iin);
  return { phone: mobile ? maskPhone(mobile.phone) : null };
}

type ActionData = { errors?: FieldErrors; sentTo?: string; number?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCitizen(request);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const { db } = await getDb();
  const now = new Date();
  const parsed = parseForm(phoneForm, phoneFields(formFields(form)), 40);
  const raw = parsed.values.number;
  if (!parsed.ok) {
    // A code typed wrong next to a good number keeps the code's field on the page.
    const phone = parsed.errors.number ? null : normalizeKzMobile(raw ?? "");
    const errors = parsed.errors.number ? { number: parsed.errors.number } : parsed.errors;
    return data<ActionData>({ errors, sentTo: phone ? maskPhone(phone) : undefined, number: raw }, 400);
  }
  const { number: phone } = parsed.data;

  if (parsed.data.intent === "send") {
    const t = await getFixedT(request, "apply");
    const sent = await sendOtp(db, {
      iin: user.iin,
      purpose: "mobile_number",
      phone,
      language: await getLanguage(request),
      render: (code) => t("sms.otpPhone", { code }),
      now,
    });
    if (!sent.ok) return data<ActionData>({ errors: { number: "apply:errors.codeTooSoon" }, sentTo: maskPhone(phone), number: raw }, 429);
    return data<ActionData>({ sentTo: maskPhone(phone), number: raw });
  }

  const change = await confirmMobileNumber(db, { iin: user.iin, phone, code: parsed.data.code, now });
  if (!change.ok && change.error === "taken") return data<ActionData>({ errors: { number: "cabinet:phone.errors.numberTaken" }, number: raw }, 409);
  if (!change.ok) {
    const { check } = change;
    const message = !check.ok && check.error === "wrong" ? errorKey("apply:errors.codeWrong", { left: check.attemptsLeft }) : "apply:errors.codeExpired";
    return data<ActionData>({ errors: { code: message }, sentTo: maskPhone(phone), number: raw }, 400);
  }
  return redirect("/cabinet");
}

export default function PhonePage() {
  const { phone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("cabinet");
  const errors = actionData?.errors;
  return (
    <>
      <ErrorSummary errors={errors} order={["number", "code"]} />
      <h1>{t("phone.title")}</h1>
      <p>{t("phone.intro")}</p>
      {phone ? <p>{t("phone.current", { phone })}</p> : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="send" />
        <Field name="number" type="tel" label={t("phone.number")} hint={t("phone.numberHint")} error={errors?.number} defaultValue={actionData?.number} autoComplete="tel" maxLength={40} />
        <button type="submit" className={actionData?.sentTo ? "button button-secondary" : "button"}>
          {t("phone.send")}
        </button>
      </Form>
      {actionData?.sentTo ? (
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="verify" />
          <input type="hidden" name="number" value={actionData.number ?? ""} />
          <p className="notice" role="status">
            {t("phone.sent", { phone: actionData.sentTo })}
          </p>
          <Field name="code" label={t("phone.code")} error={errors?.code} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          <button type="submit" className="button">
            {t("phone.confirm")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
