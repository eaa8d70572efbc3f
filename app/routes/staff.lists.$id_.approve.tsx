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
import { formatDate } from "~/components/dates";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { approvalView, approveWithSignature, requireList, rulesOfList } from "~/lists/pages.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "lists:approve.title" };

/** The approval is a short canonical JSON and the head's JWS; anything bigger is not this form. */
const signForm = signedForm(64 * 1024, "deciding:sign.signatureRequired");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, ["head"]);
  const list = await requireList(user, params.id);
  if (list.status !== "reviewed") throw redirect(`/staff/lists/${list.id}`);
  const view = await approvalView(list);
  return { id: list.id, signerIin: user.staff.iin, payload: view.payload, facts: view.facts, total: view.total };
}

type ApproveActionData = { errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, ["head"]);
  const list = await requireList(user, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(signForm, form);
  if (!parsed.ok) return data<ApproveActionData>({ errors: { "sign-keyfile": "deciding:sign.signatureRequired" } }, 400);
  const rules = await rulesOfList(list);
  if (!rules) return data<ApproveActionData>({ errors: { form: "lists:errors.noAct" } }, 409);
  const outcome = await approveWithSignature(user, list, rules, { payload: parsed.data.payload, jws: parsed.data.signature });
  if (!outcome.ok) return data<ApproveActionData>({ errors: outcome.error.startsWith("signature:") ? { "sign-keyfile": outcome.error } : { form: outcome.error } }, 400);
  return redirect(`/staff/lists/${list.id}?approved=${outcome.decisions}`);
}

export default function ApprovePage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ApproveActionData | undefined;
  const { t } = useTranslation(["lists", "deciding", "signature"]);
  const e = a?.errors ?? {};
  const sign = useSignErrors(e);
  return (
    <>
      <p>
        <Link to={`/staff/lists/${d.id}`}>
          {t("lists:review.heading")} № {d.id}
        </Link>
      </p>
      <h1>{t("lists:approve.title")}</h1>
      <ErrorSummary errors={{ form: e.form, ...sign.errors }} />
      <p>{t("lists:approve.intro")}</p>
      <p data-testid="approval-facts">
        {t("lists:approve.facts", { decidedOn: formatDate(d.facts.decidedOn), recipients: d.facts.recipients, grants: d.facts.grants, total: d.total, paymentDate: formatDate(d.facts.paymentDate) })}
      </p>
      <Form method="post" id="form">
        <CsrfInput />
        <input type="hidden" name="payload" value={d.payload} />
        <details>
          <summary>{t("lists:approve.data")}</summary>
          <pre className="signed-data">{d.payload}</pre>
        </details>
        <SignForm expectedIin={d.signerIin} serverError={e["sign-keyfile"]} onErrorChange={sign.onErrorChange} result={a} />
      </Form>
    </>
  );
}
