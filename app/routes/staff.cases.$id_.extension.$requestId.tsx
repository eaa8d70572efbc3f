import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { signedForm } from "~/application/forms";
import { CsrfInput } from "~/components/forms";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { extensionFacts, signExtensionNotice } from "~/complaints/extension.server";
import { extensionPayload, extensionText } from "~/complaints/text";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "complaints:extension.title" };

const signForm = signedForm(256 * 1024, "complaints:extension.signatureRequired");

function requestIdOf(raw: string | undefined) {
  const id = Number(raw);
  if (!raw || !/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id)) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["head"]);
  const facts = await extensionFacts(application, requestIdOf(params.requestId));
  if (!facts) throw redirect(`/staff/cases/${application.id}`);
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    signerIin: user.staff.iin,
    payload: extensionPayload(facts),
    ru: extensionText(facts, "ru"),
    kk: extensionText(facts, "kk"),
  };
}

type ActionData = { errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["head"]);
  const requestId = requestIdOf(params.requestId);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(signForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: { "sign-keyfile": "complaints:extension.signatureRequired" } }, 400);
  const signed = await signExtensionNotice(user, application, requestId, { payload: parsed.data.payload, jws: parsed.data.signature }, new Date());
  if (!signed.ok) return data<ActionData>({ errors: signed.errors }, 400);
  return redirect(`/staff/cases/${application.id}`);
}

export default function SignExtension() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["complaints", "deciding", "signature"]);
  const sign = useSignErrors(a?.errors ?? {});
  return (
    <>
      <StepHeader caseId={d.id} registrationNumber={d.registrationNumber} errors={sign.errors} title={t("complaints:extension.title")} />
      <p>{t("complaints:extension.intro")}</p>
      <section lang="ru" aria-labelledby="ext-ru" className="notice-text">
        <h2 id="ext-ru">{t("deciding:sign.ru")}</h2>
        <p>{d.ru}</p>
      </section>
      <section lang="kk" aria-labelledby="ext-kk" className="notice-text">
        <h2 id="ext-kk">{t("deciding:sign.kk")}</h2>
        <p>{d.kk}</p>
      </section>
      <Form method="post" id="form">
        <CsrfInput />
        <input type="hidden" name="payload" value={d.payload} />
        <SignForm expectedIin={d.signerIin} serverError={a?.errors["sign-keyfile"]} onErrorChange={sign.onErrorChange} result={a} />
      </Form>
    </>
  );
}
