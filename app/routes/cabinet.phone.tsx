import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { getDb } from "~/db.server";
import { getGateway } from "~/gateway.server";
import { getFixedT, getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { checkOtp, maskPhone, sendOtp } from "~/application/otp.server";
import { normalizeKzMobile } from "~/domain/phone";
import { CsrfInput, ErrorSummary, Field, errorKey, type FieldErrors } from "~/components/forms";
import { setMobileNumber } from "../../db/queries/mobile";
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
  const raw = String(form.get("number") ?? "").slice(0, 40);
  if (!raw.trim()) return data<ActionData>({ errors: { number: "cabinet:phone.errors.numberRequired" } }, 400);
  const phone = normalizeKzMobile(raw);
  if (!phone) return data<ActionData>({ errors: { number: "cabinet:phone.errors.numberFormat" }, number: raw }, 400);

  if (form.get("intent") === "send") {
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

  const code = String(form.get("code") ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) {
    return data<ActionData>({ errors: { code: code ? "apply:errors.codeFormat" : "apply:errors.codeRequired" }, sentTo: maskPhone(phone), number: raw }, 400);
  }
  const check = await checkOtp(db, { iin: user.iin, purpose: "mobile_number", code, now });
  // The code proves the phone it was sent to, not whatever the form says now.
  if (!check.ok || check.phone !== phone) {
    const message = check.ok ? "apply:errors.codeExpired" : check.error === "wrong" ? errorKey("apply:errors.codeWrong", { left: check.attemptsLeft }) : "apply:errors.codeExpired";
    return data<ActionData>({ errors: { code: message }, sentTo: maskPhone(phone), number: raw }, 400);
  }
  if ((await setMobileNumber(db, user.iin, phone, now)) === "taken") {
    return data<ActionData>({ errors: { number: "cabinet:phone.errors.numberTaken" }, number: raw }, 409);
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
