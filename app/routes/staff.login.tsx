import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, Field, errorKey, type FieldErrors } from "~/components/forms";
import { staffLoginForm } from "~/schemas/login";
import { parseForm } from "~/schemas/form";
import { assertCsrf } from "~/csrf.server";
import { loginStaff } from "~/auth/login.server";
import { getUser, safeRedirect, startSession } from "~/session.server";
import { getFixedT } from "~/i18n.server";
import { readForm } from "~/forms.server";
import { staffStartPage } from "~/domain/start-pages";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "auth:staffLogin.title" };


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user?.kind === "staff") throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), staffStartPage(user.staff.role)));
  const t = await getFixedT(request, "auth");
  return { title: t("staffLogin.title") };
}

type ActionData = { errors: FieldErrors; values: { login?: string } };

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(staffLoginForm, form, 64);
  const values = { login: parsed.values.login };
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values }, 400);
  const outcome = await loginStaff(request, parsed.data.login, parsed.data.password);
  if (outcome.ok && outcome.staffId) {
    const start = outcome.role ? staffStartPage(outcome.role) : "/staff";
    return startSession(request, { kind: "staff", staffId: outcome.staffId }, safeRedirect(parsed.data.redirectTo, start));
  }
  const message =
    !outcome.ok && outcome.error === "throttled"
      ? errorKey("auth:errors.throttled", { minutes: outcome.retryAfterMinutes })
      : "auth:errors.invalidStaffCredentials";
  return data<ActionData>({ errors: { password: message }, values }, !outcome.ok && outcome.error === "throttled" ? 429 : 401);
}

export default function StaffLogin() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  return (
    <>
      <ErrorSummary errors={actionData?.errors} order={["login", "password"]} />
      <h1>{t("staffLogin.title")}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field name="login" label={t("staffLogin.login")} error={actionData?.errors.login} defaultValue={actionData?.values.login} autoComplete="username" spellCheck={false} />
        <Field name="password" type="password" label={t("staffLogin.password")} error={actionData?.errors.password} autoComplete="current-password" />
        <button type="submit" className="button">
          {t("staffLogin.submit")}
        </button>
      </Form>
    </>
  );
}
