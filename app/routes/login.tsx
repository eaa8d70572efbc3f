import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, Field, errorKey, type FieldErrors } from "~/components/forms";
import { citizenLoginForm } from "~/schemas/login";
import { parseForm } from "~/schemas/form";
import { assertCsrf } from "~/csrf.server";
import { loginCitizen } from "~/auth/login.server";
import { getUser, safeRedirect, startSession } from "~/session.server";
import { getFixedT } from "~/i18n.server";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "auth:login.title" };


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/cabinet");
  if (user?.kind === "citizen") throw redirect(redirectTo);
  const t = await getFixedT(request, "auth");
  return { title: t("login.title") };
}

type ActionData = { errors: FieldErrors; values: { iin?: string } };

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(citizenLoginForm, form, 20);
  const values = { iin: parsed.values.iin };
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values }, 400);
  const redirectTo = safeRedirect(parsed.data.redirectTo, "/cabinet");
  const outcome = await loginCitizen(request, parsed.data.iin, parsed.data.password);
  if (outcome.ok) return startSession(request, { kind: "citizen", iin: parsed.data.iin }, redirectTo);
  // The same message whether the IIN has no account or the password is wrong.
  const message =
    outcome.error === "throttled" ? errorKey("auth:errors.throttled", { minutes: outcome.retryAfterMinutes }) : "auth:errors.invalidCredentials";
  return data<ActionData>({ errors: { password: message }, values }, outcome.error === "throttled" ? 429 : 401);
}

export default function Login() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const errors = actionData?.errors;
  return (
    <>
      <ErrorSummary errors={errors} order={["iin", "password"]} />
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      <div className="two-col">
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">{t("login.passwordHeading")}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
            <Field
              name="iin"
              label={t("login.iin")}
              hint={t("login.iinHint")}
              error={errors?.iin}
              defaultValue={actionData?.values.iin}
              inputMode="numeric"
              autoComplete="username"
              maxLength={20}
              spellCheck={false}
            />
            <Field name="password" type="password" label={t("login.password")} error={errors?.password} autoComplete="current-password" />
            <button type="submit" className="button">
              {t("login.submit")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="ecp-heading" id="ecp">
          <h2 id="ecp-heading">{t("login.ecpHeading")}</h2>
          <p>{t("login.ecpIntro")}</p>
          <p>
            <Link to={`/login/ecp${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>
              {t("login.ecpSubmit")}
            </Link>
          </p>
        </section>
      </div>
      <p>
        <Link to="/staff/login">{t("login.staffLink")}</Link>
      </p>
    </>
  );
}
