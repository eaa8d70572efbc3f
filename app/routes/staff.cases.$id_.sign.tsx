import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { mayAct, noticeFacts, signAndDeliver, verifyUrl } from "~/staff/deciding.server";
import { cosignNotice } from "~/services/local/deciding.server";
import { invalid, respond, type StepActionData } from "~/staff/respond.server";
import { assertCsrf } from "~/csrf.server";
import { signedForm } from "~/application/forms";
import { parseForm } from "~/schemas/form";
import { getDb } from "~/db.server";
import { CsrfInput } from "~/components/forms";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { noticePayload, renderNotice } from "~/notices/text";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "deciding:sign.title" };


/** Signed notices are a few kilobytes; anything bigger is not ours. */
/** The notice text and the head's JWS; anything longer than 256 KiB is not a signature of this form. */
const signForm = signedForm(256 * 1024, "deciding:sign.signatureRequired");

/**
 * The head signs the notice and it is delivered; on a co-signed service (local assistance, ADR 022)
 * the assigned specialist signs it first, here too.
 */
const signingAction = (role: string) => (role === "head" ? ("sign_decision" as const) : ("cosign_decision" as const));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["head", "specialist"]);
  const ctx = { user, application, now: new Date() };
  if (!(await mayAct(ctx, signingAction(user.staff.role))).ok) throw redirect(`/staff/cases/${application.id}`);
  const { db } = await getDb();
  const built = await noticeFacts(db, ctx, verifyUrl(request));
  if (!built) throw redirect(`/staff/cases/${application.id}`);
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    signerIin: user.staff.iin,
    cosign: user.staff.role !== "head",
    payload: noticePayload(built.facts),
    ru: renderNotice(built.facts, "ru"),
    kk: renderNotice(built.facts, "kk"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["head", "specialist"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(signForm, form);
  if (!parsed.ok) return invalid({ "sign-keyfile": "deciding:sign.signatureRequired" });
  const { payload, signature } = parsed.data;
  const ctx = { user, application, now: new Date() };
  const input = { postedPayload: payload, jws: signature, verifyUrl: verifyUrl(request) };
  const outcome = user.staff.role === "head" ? await signAndDeliver(ctx, input) : await cosignNotice(ctx, input);
  if (!outcome.ok && "refusal" in outcome && outcome.refusal === "stale") return invalid({ form: "deciding:sign.stale" });
  return respond(outcome, application.id);
}

export default function SignPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as StepActionData | undefined;
  const { t } = useTranslation(["deciding", "signature", "local"]);
  const e = a?.errors ?? {};
  const sign = useSignErrors(e);
  const text = (n: { title: string; lines: string[] }, lang: "ru" | "kk") => (
    <section lang={lang} aria-labelledby={`notice-${lang}`} className="notice-text">
      <h2 id={`notice-${lang}`}>{t(`deciding:sign.${lang}`)}</h2>
      <h3>{n.title}</h3>
      {n.lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </section>
  );
  return (
    <>
      <StepHeader caseId={d.id} registrationNumber={d.registrationNumber} errors={sign.errors} title={t("deciding:sign.title")} />
      <p>{d.cosign ? t("local:sign.cosignIntro") : t("deciding:sign.intro")}</p>
      {text(d.ru, "ru")}
      {text(d.kk, "kk")}
      <Form method="post" id="form">
        <CsrfInput />
        <input type="hidden" name="payload" value={d.payload} />
        <details>
          <summary>{t("deciding:sign.data")}</summary>
          <pre className="signed-data">{d.payload}</pre>
        </details>
        <SignForm expectedIin={d.signerIin} serverError={e["sign-keyfile"]} onErrorChange={sign.onErrorChange} result={a} />
      </Form>
    </>
  );
}
