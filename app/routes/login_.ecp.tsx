import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, type FieldErrors } from "~/components/forms";
import { assertCsrf } from "~/csrf.server";
import { loginWithSignature, newLoginChallenge } from "~/auth/ecp-login.server";
import { safeRedirect, startSession } from "~/session.server";
import { getFixedT } from "~/i18n.server";
import { SignForm } from "~/signature/SignForm";
import { readForm } from "~/forms.server";
import { ecpLoginForm } from "~/schemas/login";
import { parseForm } from "~/schemas/form";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "auth:login.ecpHeading" };


const publicOrigin = (request: Request) => process.env.PUBLIC_BASE_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, "auth");
  return { title: t("login.ecpHeading"), payload: await newLoginChallenge(publicOrigin(request)) };
}

type ActionData = { errors: FieldErrors; payload: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(ecpLoginForm, form);
  const fresh = () => newLoginChallenge(publicOrigin(request));
  // The signing widget's key-file field is where the citizen acts on any problem with the signature.
  if (!parsed.ok) return data<ActionData>({ errors: { "sign-keyfile": Object.values(parsed.errors)[0] }, payload: await fresh() }, 400);
  const { payload, signature: jws, redirectTo } = parsed.data;
  const outcome = await loginWithSignature(payload, jws, publicOrigin(request));
  if (outcome.ok) return startSession(request, { kind: "citizen", iin: outcome.iin }, safeRedirect(redirectTo, "/cabinet"));
  const message = outcome.error === "challenge" ? "auth:errors.challengeExpired" : `auth:errors.reasons.${outcome.error}`;
  return data<ActionData>({ errors: { "sign-keyfile": message }, payload: await fresh() }, 401);
}

export default function EcpLogin() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  return (
    <>
      <ErrorSummary errors={actionData?.errors} />
      <h1>{t("login.ecpHeading")}</h1>
      <p>{t("login.ecpIntro")}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <input type="hidden" name="payload" value={actionData?.payload ?? loaderData.payload} />
        <SignForm />
      </Form>
      <p>
        <Link to="/login">{t("login.passwordHeading")}</Link>
      </p>
    </>
  );
}
