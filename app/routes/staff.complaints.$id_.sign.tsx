import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { signedForm } from "~/application/forms";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { answerFactsOf, signComplaintAnswer, staffComplaint } from "~/complaints/complaints.server";
import { answerPayload } from "~/complaints/text";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "complaints:staff.signTitle" };

/** The answer and the head's JWS; anything longer than 256 KiB is not a signature of this form. */
const signForm = signedForm(256 * 1024, "complaints:errors.signatureRequired");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, ["head"]);
  const complaint = await staffComplaint(user, params.id ?? "");
  if (!complaint) throw new Response("Not found", { status: 404 });
  const facts = answerFactsOf(complaint, new Date());
  if (!facts) throw redirect(`/staff/complaints/${complaint.id}`);
  return { id: complaint.id, number: complaint.number, answer: facts.answer, payload: answerPayload(facts), signerIin: user.staff.iin };
}

type ActionData = { errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, ["head"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(signForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: { "sign-keyfile": "complaints:errors.signatureRequired" } }, 400);
  const signed = await signComplaintAnswer(user, params.id ?? "", { payload: parsed.data.payload, jws: parsed.data.signature }, new Date());
  if (!signed.ok) return data<ActionData>({ errors: signed.errors }, 400);
  return redirect(`/staff/complaints/${params.id}`);
}

export default function SignAnswer() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["complaints", "signature"]);
  const sign = useSignErrors(a?.errors ?? {});
  return (
    <>
      <ErrorSummary errors={sign.errors} />
      <p>
        <Link to={`/staff/complaints/${d.id}`}>{t("complaints:cabinet.open", { number: d.number })}</Link>
      </p>
      <h1>{t("complaints:staff.signTitle")}</h1>
      <p>{t("complaints:staff.signIntro")}</p>
      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t("complaints:answer.title")}</h2>
        <p className="prewrap">{d.answer}</p>
      </section>
      <Form method="post" id="form">
        <CsrfInput />
        <input type="hidden" name="payload" value={d.payload} />
        <SignForm expectedIin={d.signerIin} serverError={a?.errors["sign-keyfile"]} onErrorChange={sign.onErrorChange} result={a} />
      </Form>
    </>
  );
}
